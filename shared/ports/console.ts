import type { Case, CaseStatus } from '#domain/case.ts';

/** A case in a due window, as the dashboard reads it. */
export type DueRow = Pick<Case, 'dueAt' | 'receivedAt'> & { readonly answeredAt: string | null };

/** A count that stopped at a cap: `{ count: 2000, capped: true }` reads "at least 2 000". */
export interface CappedCount {
  readonly count: number;
  readonly capped: boolean;
}

/**
 * The console's aggregate reads, on the same indexes as the repository (never a Scan).
 * Example: `await readModel.countByStatus('softera', 'in_progress', 2000)` → `{ count: 17, capped: false }`.
 */
export interface ConsoleReadModel {
  /** Cases of a tenant in one status (GSI1), counted up to `cap`. */
  countByStatus(tenantId: string, status: CaseStatus, cap: number): Promise<CappedCount>;
  /**
   * Open or closed cases whose due instant lies in [fromIso, toIso] (GSI2 queue), at most `cap`:
   * only the three instants the dashboard needs, never whole cases (less to read and to parse).
   */
  dueBetween(tenantId: string, queue: 'open' | 'closed', fromIso: string, toIso: string, cap: number): Promise<{ readonly items: readonly DueRow[]; readonly capped: boolean }>;
  /** How many open or closed cases are due in [fromIso, toIso], counted up to `cap` (no item data). */
  countDueBetween(tenantId: string, queue: 'open' | 'closed', fromIso: string, toIso: string, cap: number): Promise<CappedCount>;
}

/**
 * Server-side records of console sessions, so that signing out ends a session everywhere: the
 * signed cookie alone would stay valid until it expires. Checked on every console request.
 * Example: `await sessions.start({ id, tenantId: 'softera', userId: 'agent@softera.local', expiresAt })`,
 * then `await sessions.isActive(id, now)` → `true` until `await sessions.end(id, now)`.
 */
export interface ConsoleSessions {
  start(session: { readonly id: string; readonly tenantId: string; readonly userId: string; readonly expiresAt: Date }): Promise<void>;
  /** False for an unknown, ended or expired session. */
  isActive(id: string, now: Date): Promise<boolean>;
  /** Ends the session (idempotent). */
  end(id: string, at: Date): Promise<void>;
}
