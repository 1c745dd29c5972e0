import type { SubjectDataSet } from '#domain/answer.ts';
import type { VerifiedIdentifier } from '#domain/fulfilment/identifiers.ts';
import type { PgConnector } from '#domain/fulfilment/register.ts';

/**
 * Ports of fulfilment (docs/fulfilment.md). Connectors reach the controller's systems; the use
 * cases give them only verified identifiers.
 */

/** Rows read or changed per named statement. */
export type StatementCounts = Readonly<Record<string, number>>;

/**
 * A PostgreSQL connector: runs a system's declared statements in one transaction.
 * `null`: no verified identifier the system can be searched by (a person must look).
 * Example: `await db.read(connector, [{ kind: 'email', value: 'ona@example.lt', … }])`.
 */
export interface DatabaseConnector {
  read(connector: PgConnector, identifiers: readonly VerifiedIdentifier[]): Promise<{ readonly sets: readonly SubjectDataSet[]; readonly counts: StatementCounts } | null>;
  /** Erases (or, with `dryRun`, counts what would be erased and rolls back). */
  erase(connector: PgConnector, identifiers: readonly VerifiedIdentifier[], options: { readonly dryRun: boolean }): Promise<{ readonly counts: StatementCounts } | null>;
}

/** Where the data a task read are kept until the answer is sent (the answers bucket). */
export interface TaskDataStore {
  put(key: string, content: Uint8Array, contentType: string): Promise<void>;
  read(key: string): Promise<Uint8Array>;
}

/**
 * The HTTP connector's outbound leg: the payload as a compact JWS signed with the tenant's webhook
 * key (the same key partners verify at `/.well-known/jwks.json`), POSTed to the controller's
 * service. Answers the status and body; throws on a network error or timeout.
 */
export interface SignedRequests {
  post(tenantId: string, url: string, payload: Readonly<Record<string, unknown>>): Promise<{ readonly status: number; readonly body: string }>;
}

/** Verifies a controller service's signed callback (its own key); answers the payload or throws. */
export interface CallbackVerifier {
  verify(tenantId: string, jws: string): Promise<Readonly<Record<string, unknown>>>;
}
