import type { Case, CaseStatus } from '#domain/case.ts';

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
  /** Open or closed cases whose due instant lies in [fromIso, toIso] (GSI2 queue), at most `cap`. */
  dueBetween(tenantId: string, queue: 'open' | 'closed', fromIso: string, toIso: string, cap: number): Promise<{ readonly items: readonly Case[]; readonly capped: boolean }>;
}
