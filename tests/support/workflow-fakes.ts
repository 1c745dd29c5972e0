import type { Case } from '#domain/case.ts';
import type { Clock, IdentityVerifier, StaffAlerts, SubjectNotifier } from '#ports/cases.ts';
import type { Notice } from '#domain/notices.ts';

/** Records every notice with the (virtual) time it was sent. */
export class RecordingNotifier implements SubjectNotifier {
  readonly sent: Array<{ caseId: string; kind: Notice['kind']; reasons?: readonly string[]; body?: string; at: string }> = [];
  /** Notices of these kinds fail (the channel is down). */
  readonly failing = new Set<Notice['kind']>();
  constructor(private readonly clock: Clock) {}
  async notify(c: Case, notice: Notice) {
    if (this.failing.has(notice.kind)) throw new Error(`The ${c.channel} channel is down.`);
    this.sent.push({ caseId: c.id, kind: notice.kind, ...(notice.reasons ? { reasons: notice.reasons } : {}), ...(notice.body ? { body: notice.body } : {}), at: this.clock.now().toISOString() });
    return { channel: c.channel, messageId: `notice-${this.sent.length}` };
  }
  for(caseId: string) {
    return this.sent.filter((n) => n.caseId === caseId);
  }
}

export class RecordingAlerts implements StaffAlerts {
  readonly sent: Array<{ caseId: string; kind: string; message: string; at: string }> = [];
  constructor(private readonly clock: Clock) {}
  async alert(c: Case, alert: { kind: string; message: string }) {
    this.sent.push({ caseId: c.id, kind: alert.kind, message: alert.message, at: this.clock.now().toISOString() });
  }
  for(caseId: string) {
    return this.sent.filter((n) => n.caseId === caseId);
  }
}

/** Stands in for QES validation (a later capability): subjects listed here signed with a valid QES. */
export class FakeQesVerifier implements IdentityVerifier {
  readonly signed = new Set<string>();
  async verifyAtIntake(c: Case) {
    return c.subject.email && this.signed.has(c.subject.email) ? { method: 'qes' as const, evidence: `ASiC-E signed by ${c.subject.name} (simulated)` } : null;
  }
}
