// The other luxon and Intl uses as they were in production until 2026-12-05 (at ebd1dbc), kept
// as the oracle for tests/unit/time-differential.test.ts: the paper receipt instant
// (shared/usecases/paper-requests.ts), the register's period bounds
// (shared/usecases/accountability/register.ts), the local year of a reference number
// (shared/domain/open-case.ts) and a letter's date line (shared/templates/letter.ts).
import { DateTime } from 'luxon';

/** receiptInstant's parsing (the range checks around it did not change): `null` when not a date. */
export function oracleReceiptInstant(value: string, timeZone: string): number | null {
  const local = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const parsed = local ? DateTime.fromISO(value, { zone: timeZone }).startOf('day') : DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}

/** buildRegister's bounds: `null` when the dates are refused, else [from, to + 1 day) as ISO instants. */
export function oracleRegisterBounds(fromText: string, toText: string, timeZone: string, maxDays: number): readonly [string, string] | null {
  const from = DateTime.fromISO(fromText, { zone: timeZone });
  const to = DateTime.fromISO(toText, { zone: timeZone });
  if (!from.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(fromText)) return null;
  if (!to.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(toText)) return null;
  if (to < from || to.diff(from, 'days').days > maxDays) return null;
  return [from.startOf('day').toUTC().toISO()!, to.plus({ days: 1 }).startOf('day').toUTC().toISO()!];
}

export function oracleLocalYear(instant: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(instant));
}

export function oracleLetterDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
