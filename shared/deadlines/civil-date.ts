import type { LocalDate } from './period.ts';

/**
 * Calendar arithmetic on wall-clock times written as UTC milliseconds ("wall ms": the local
 * date and time as if the zone were UTC), with no time zone involved: the zone is applied once,
 * by shared/deadlines/zone.ts, when an instant becomes a wall time or back. Days are then all
 * 24 hours long, so adding days or months never meets a DST change.
 */

export const DAY_MS = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Wall ms of 00:00 on `year-month-day`, month 1–12 (any year, unlike `Date.UTC`'s 0–99 → 19xx). */
export function wallMsOf(year: number, month: number, day: number): number {
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  return wall.getTime();
}

/**
 * Midnight of a strict `YYYY-MM-DD` date as wall ms, or `undefined` when the text is not a
 * calendar date (`2026-02-30`, `6 April 2026`).
 */
export function wallMsOfLocalDate(date: string): number | undefined {
  const match = LOCAL_DATE.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return wallMsOf(year, month, day);
}

/** `YYYY-MM-DD` of a wall time. */
export function localDateOfWallMs(wallMs: number): LocalDate {
  const d = new Date(wallMs);
  const year = d.getUTCFullYear();
  const y = year < 0 ? `-${String(-year).padStart(6, '0')}` : year > 9999 ? `+${String(year).padStart(6, '0')}` : String(year).padStart(4, '0');
  return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(wallMsOf(year, month + 1, 0)).getUTCDate();
}

/** ISO weekday of a wall time: 1 Monday … 7 Sunday. */
export function isoWeekday(wallMs: number): number {
  return ((new Date(wallMs).getUTCDay() + 6) % 7) + 1;
}

/**
 * `months` calendar months after (or before, if negative) a wall time, same time of day; a day
 * the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb), as luxon did and
 * as Regulation 1182/71 Art. 3(2)(c) requires.
 */
export function plusMonths(wallMs: number, months: number): number {
  const d = new Date(wallMs);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return wallMsOf(year, month, day) + (((wallMs % DAY_MS) + DAY_MS) % DAY_MS);
}
