/**
 * Staff roles and the principal a staff session or token carries. Apart from auth.ts (the API's
 * bearer-token verifiers, with jose's key sets) so the console's session check loads only these
 * (issue 15); auth.ts re-exports them.
 */
export const STAFF_ROLES = ['agent', 'approver', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffPrincipal {
  readonly userId: string;
  readonly tenantId: string;
  readonly role: StaffRole;
  readonly email?: string;
}
