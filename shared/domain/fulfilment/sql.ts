import type { VerifiedIdentifier } from './identifiers.ts';
import type { PgConnector, PgErase, PgRead } from './register.ts';

/**
 * The SQL of a PostgreSQL connector, built from its declared statements (pure, so the exact text
 * is testable): names come only from the validated register (plain lower-case, then quoted), and
 * every value is a bound parameter that is either a verified identifier or a key those found.
 */
export interface SqlStatement {
  readonly name: string;
  readonly text: string;
  readonly values: readonly unknown[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Finds the subject's keys: `SELECT key FROM subject WHERE col = $1 OR …` over the verified
 * identifiers the connector can match, `FOR UPDATE` when the transaction will change rows.
 * Null when no verified identifier fits (the task then needs a person).
 */
export function subjectKeyQuery(connector: PgConnector, identifiers: readonly VerifiedIdentifier[], forUpdate: boolean): SqlStatement | null {
  const clauses: string[] = [];
  const values: unknown[] = [];
  for (const m of connector.subject.match) {
    for (const id of identifiers.filter((i) => i.kind === m.identifier)) {
      values.push(id.value);
      clauses.push(m.caseInsensitive ? `lower(${q(m.column)}) = lower($${values.length})` : `${q(m.column)}::text = $${values.length}`);
    }
  }
  if (clauses.length === 0) return null;
  const s = connector.subject;
  return { name: 'subject_keys', text: `SELECT ${q(s.key)} AS key FROM ${q(s.table)} WHERE ${clauses.join(' OR ')} ORDER BY 1${forUpdate ? ' FOR UPDATE' : ''}`, values };
}

/** A named SELECT of the allow-listed columns, rows of the subject's keys only. */
export function readQuery(read: PgRead, keys: readonly unknown[]): SqlStatement {
  return { name: read.name, text: `SELECT ${read.columns.map(q).join(', ')} FROM ${q(read.table)} WHERE ${q(read.key)} = ANY($1) ORDER BY 1`, values: [keys] };
}

/** A named DELETE or masking UPDATE, rows of the subject's keys only; RETURNING counts them. */
export function eraseQuery(erase: PgErase, keys: readonly unknown[]): SqlStatement {
  if (erase.action === 'delete') return { name: erase.name, text: `DELETE FROM ${q(erase.table)} WHERE ${q(erase.key)} = ANY($1) RETURNING 1`, values: [keys] };
  const entries = Object.entries(erase.set ?? {});
  const values: unknown[] = [keys];
  const sets = entries.map(([column, value]) => {
    if (value === null) return `${q(column)} = NULL`;
    values.push(value);
    return `${q(column)} = $${values.length}`;
  });
  // Rows already masked are not counted again: a second run changes nothing.
  const changed = entries.map(([column, value]) => (value === null ? `${q(column)} IS NOT NULL` : `${q(column)} IS DISTINCT FROM $${values.indexOf(value) + 1}`));
  return { name: erase.name, text: `UPDATE ${q(erase.table)} SET ${sets.join(', ')} WHERE ${q(erase.key)} = ANY($1) AND (${changed.join(' OR ')}) RETURNING 1`, values };
}
