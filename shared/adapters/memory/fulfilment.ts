import type { SubjectDataSet } from '#domain/answer.ts';
import type { VerifiedIdentifier } from '#domain/fulfilment/identifiers.ts';
import type { PgConnector } from '#domain/fulfilment/register.ts';
import type { CallbackVerifier, DatabaseConnector, SignedRequests, StatementCounts, TaskDataStore } from '#ports/fulfilment.ts';

/**
 * In-memory twins of the fulfilment ports (docs/fulfilment.md), so the task, notice and answer
 * use cases are tested without module mocks.
 */

/** Task data (the answers bucket's twin). */
export class InMemoryTaskDataStore implements TaskDataStore {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();

  async put(key: string, content: Uint8Array, contentType: string): Promise<void> {
    this.objects.set(key, { body: new Uint8Array(content), contentType });
  }

  async read(key: string): Promise<Uint8Array> {
    const found = this.objects.get(key);
    if (!found) throw new Error(`No object "${key}".`);
    return new Uint8Array(found.body);
  }
}

/**
 * A database of subjects keyed by verified identifier value: `read` answers each one's data sets,
 * `erase` removes them (a dry run counts only). `null` where no identifier fits the connector's
 * subject match, as the PostgreSQL adapter answers.
 */
export class InMemoryDatabaseConnector implements DatabaseConnector {
  constructor(readonly subjects: Map<string, SubjectDataSet[]>) {}

  private match(connector: PgConnector, identifiers: readonly VerifiedIdentifier[]): string[] | null {
    const kinds = new Set(connector.subject.match.map((m) => m.identifier));
    const usable = identifiers.filter((i) => kinds.has(i.kind));
    if (usable.length === 0) return null;
    return usable.map((i) => i.value.toLowerCase()).filter((v) => this.subjects.has(v));
  }

  async read(connector: PgConnector, identifiers: readonly VerifiedIdentifier[]) {
    const keys = this.match(connector, identifiers);
    if (keys === null) return null;
    const sets = keys.flatMap((k) => this.subjects.get(k) ?? []);
    const counts: Record<string, number> = Object.fromEntries(connector.reads.map((r) => [r.name, sets.filter((s) => s.category === r.category).reduce((n, s) => n + s.records.length, 0)]));
    return { sets, counts: counts as StatementCounts };
  }

  async erase(connector: PgConnector, identifiers: readonly VerifiedIdentifier[], options: { readonly dryRun: boolean }) {
    const keys = this.match(connector, identifiers);
    if (keys === null) return null;
    const counts: Record<string, number> = Object.fromEntries(connector.erasures.map((e) => [e.name, keys.length]));
    if (!options.dryRun) for (const k of keys) this.subjects.delete(k);
    return { counts: counts as StatementCounts };
  }
}

/** Signed requests recorded, answered by a programmable responder (the controller's service or a recipient's API). */
export class InMemorySignedRequests implements SignedRequests {
  readonly sent: Array<{ tenantId: string; url: string; payload: Readonly<Record<string, unknown>> }> = [];

  constructor(private readonly respond: (url: string, payload: Readonly<Record<string, unknown>>) => { status: number; body: string } = () => ({ status: 202, body: '' })) {}

  async post(tenantId: string, url: string, payload: Readonly<Record<string, unknown>>) {
    this.sent.push({ tenantId, url, payload: structuredClone(payload) });
    return this.respond(url, payload);
  }
}

/** Callbacks "signed" as `<tenant>.<base64url JSON>` (tests): anything else fails verification. */
export class InMemoryCallbackVerifier implements CallbackVerifier {
  async verify(tenantId: string, jws: string) {
    const [tenant, body] = jws.split('.');
    if (tenant !== tenantId || !body) throw new Error('Bad signature.');
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Readonly<Record<string, unknown>>;
  }
}
