/**
 * Append-only audit trail of a case (docs/design.md §1.7): who did what, when. Events are never updated
 * or deleted; `visibility: 'public'` events also form the timeline partners and subjects see.
 */
export type ActorKind = 'subject' | 'partner' | 'staff' | 'system';

export interface Actor {
  readonly kind: ActorKind;
  /** Partner id, staff user id, or a system component name. */
  readonly id: string;
}

export const AUDIT_EVENT_TYPES = [
  'case.received',
  'case.repeat_detected',
  'case.status_changed',
  'acknowledgement.sent',
  'acknowledgement.failed',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number] | `${string}.${string}`;

export interface AuditEvent {
  readonly caseId: string;
  readonly tenantId: string;
  /** ISO 8601 UTC instant. */
  readonly at: string;
  /** Monotonic per case; with `at` it orders events that share a millisecond. */
  readonly seq: number;
  readonly type: AuditEventType;
  readonly actor: Actor;
  readonly visibility: 'public' | 'internal';
  /** A short, human-readable summary in English (staff UI and public timeline). */
  readonly summary: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export const SYSTEM: Actor = { kind: 'system', id: 'rightsdesk' };
