import { daysInMonth, wallMsOf } from './civil-date.ts';

// luxon's ISO 8601 grammar (which staff dates were parsed with before) for what the HTTP schemas
// admit: a calendar date, a time (extended or basic, a fraction with `.` or `,`) and an offset
// (`Z`, `±hh`, `±hhmm` or `±hh:mm`); tests/unit/time-differential.test.ts compares the two on
// generated input. luxon's week and ordinal dates and `[zone]` suffixes are not accepted.
const ISO_INSTANT = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d{1,30}))?)?)?(?:([Zz])|([+-]\d\d)(?::?(\d\d))?)$/;

/**
 * The instant an ISO 8601 date-time with an explicit offset names, in ms since the epoch, or
 * `undefined` when the text is not one (no offset, `2026-02-30`, `25:00`). A time without an
 * offset is refused rather than read in the server's zone.
 *
 * @example parseIsoInstant('2026-11-20T10:15:00+02:00') // Date.parse('2026-11-20T08:15:00Z')
 */
export function parseIsoInstant(value: string): number | undefined {
  const m = ISO_INSTANT.exec(value);
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hour = Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millisecond = m[7] === undefined ? 0 : Math.floor(Number.parseFloat(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const midnightNext = hour === 24 && minute === 0 && second === 0 && millisecond === 0;
  if ((hour > 23 && !midnightNext) || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[8] === undefined && m[9] !== undefined) {
    const offHour = Number.parseInt(m[9], 10);
    const offMinute = m[10] === undefined ? 0 : Number.parseInt(m[10], 10);
    offsetMinutes = offHour * 60 + (m[9].startsWith('-') ? -offMinute : offMinute);
  }
  return wallMsOf(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond - offsetMinutes * 60_000;
}
