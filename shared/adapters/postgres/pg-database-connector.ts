import type pg from 'pg';
import type { SubjectDataSet, DataValue } from '#domain/answer.ts';
import type { VerifiedIdentifier } from '#domain/fulfilment/identifiers.ts';
import type { PgConnector } from '#domain/fulfilment/register.ts';
import { eraseQuery, readQuery, subjectKeyQuery, type SqlStatement } from '#domain/fulfilment/sql.ts';
import type { DatabaseConnector, StatementCounts } from '#ports/fulfilment.ts';

/**
 * The PostgreSQL connector on node-postgres (`pg`): one client per run, one transaction, each
 * declared statement as a named prepared statement with bound parameters. Reads run READ ONLY;
 * erasures lock the subject's rows first (FOR UPDATE) and roll back on a dry run.
 * `urls`: connection name → URL (configuration, never the register).
 */
export class PgDatabaseConnector implements DatabaseConnector {
  constructor(private readonly urls: Readonly<Record<string, string>>, private readonly options: { readonly statementTimeoutMs?: number } = {}) {}

  async read(connector: PgConnector, identifiers: readonly VerifiedIdentifier[]) {
    return this.transaction(connector, 'BEGIN READ ONLY', async (client) => {
      const keys = await this.subjectKeys(client, connector, identifiers, false);
      if (keys === null) return { result: null, commit: false };
      const counts: Record<string, number> = {};
      const sets: SubjectDataSet[] = [];
      for (const read of connector.reads) {
        const rows = keys.length === 0 ? [] : (await run(client, readQuery(read, keys))).rows;
        counts[read.name] = rows.length;
        if (rows.length > 0) sets.push({ category: read.category, records: rows.map(plain) });
      }
      return { result: { sets, counts }, commit: false };
    });
  }

  async erase(connector: PgConnector, identifiers: readonly VerifiedIdentifier[], options: { readonly dryRun: boolean }) {
    return this.transaction(connector, 'BEGIN', async (client) => {
      const keys = await this.subjectKeys(client, connector, identifiers, true);
      if (keys === null) return { result: null, commit: false };
      const counts: Record<string, number> = {};
      for (const erase of connector.erasures) counts[erase.name] = keys.length === 0 ? 0 : ((await run(client, eraseQuery(erase, keys))).rowCount ?? 0);
      return { result: { counts: counts as StatementCounts }, commit: !options.dryRun };
    });
  }

  private async subjectKeys(client: pg.Client, connector: PgConnector, identifiers: readonly VerifiedIdentifier[], forUpdate: boolean): Promise<unknown[] | null> {
    const query = subjectKeyQuery(connector, identifiers, forUpdate);
    if (!query) return null;
    return (await run(client, query)).rows.map((r: { key: unknown }) => r.key);
  }

  private async transaction<T>(connector: PgConnector, begin: string, body: (client: pg.Client) => Promise<{ result: T; commit: boolean }>): Promise<T> {
    const url = this.urls[connector.database];
    if (!url) throw new Error(`No connection is configured for database "${connector.database}" (FULFILMENT_DATABASES).`);
    // pg (~70 KB) loads with the first database task, not at the fulfilment function's init.
    const { default: postgres } = await import('pg');
    const client = new postgres.Client({ connectionString: url, statement_timeout: this.options.statementTimeoutMs ?? 15_000, application_name: 'rightsdesk' });
    await client.connect();
    try {
      await client.query(begin);
      try {
        const { result, commit } = await body(client);
        await client.query(commit ? 'COMMIT' : 'ROLLBACK');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await client.end();
    }
  }
}

async function run(client: pg.Client, s: SqlStatement) {
  // A named statement is prepared once per connection; its text never carries a value.
  return client.query({ name: s.name, text: s.text, values: [...s.values] });
}

/** Rows as JSON-safe values: dates as ISO strings, numerics as they came (strings). */
function plain(row: Record<string, unknown>): Record<string, DataValue> {
  const out: Record<string, DataValue> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as DataValue) : String(v);
  return out;
}
