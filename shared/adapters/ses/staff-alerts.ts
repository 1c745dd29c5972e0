import type { Case } from '#domain/case.ts';
import type { Mailer, StaffAlerts } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

/**
 * Staff alerts by e-mail to the controller's DPO (or its privacy mailbox when the policy names
 * no DPO address). The case's attention flag and audit events are the durable record; the
 * e-mail is the nudge.
 */
export class MailerStaffAlerts implements StaffAlerts {
  constructor(private readonly mailer: Mailer, private readonly tenants: TenantRegistry) {}

  async alert(c: Case, alert: { kind: string; message: string; dueAt?: string; to?: readonly string[] }): Promise<void> {
    const tenant = this.tenants.get(c.tenantId);
    const staff = tenant.dpo.email ?? tenant.mailbox;
    await this.mailer.send({
      from: tenant.mailbox,
      to: [...new Set((alert.to ?? ['staff']).map((a) => (a === 'staff' ? staff : a)))],
      subject: `[rightsdesk] ${c.reference}: ${alert.kind.replaceAll('_', ' ')}`,
      text: `${alert.message}\n\nCase ${c.reference} (${c.status}), due ${c.dueDate}.`,
      headers: { 'X-Rightsdesk-Case': c.reference, 'X-Rightsdesk-Alert': alert.kind },
    });
  }
}
