import { describe, expect, it } from 'vitest';
import { endOfLocalDay, holidayCalendar, localDateOf } from '#deadlines/calendar.ts';
import { computeDeadlines, daysLeft, periodEnd } from '#deadlines/engine.ts';
import type { Deadline, Period } from '#deadlines/period.ts';
import type { DeadlinePolicy } from '#domain/tenant-policy.ts';
import { gautora, legalbalance, lytagra, softera } from '../support/design-policies.ts';

/*
 * Every expected date below was worked out by hand against a printed calendar (weekdays checked
 * with `date -d`), never by running the engine. Lithuanian public holidays: 1 Jan, 16 Feb,
 * 11 Mar, Easter Sunday + Monday (2026: 5–6 Apr, 2027: 28–29 Mar, 2028: 16–17 Apr), 1 May,
 * 24 Jun, 6 Jul, 15 Aug, 1–2 Nov, 24–26 Dec. Vilnius is +02:00 in winter and +03:00 in summer
 * (2026: 29 Mar–25 Oct; 2027: 28 Mar–31 Oct; 2028: 26 Mar–29 Oct), so the end of a local day is
 * 21:59:59.999Z in winter and 20:59:59.999Z in summer.
 */

// Not a real controller: shows that the invalid-request notice ignores a restart.
const gautoraWithRestart: DeadlinePolicy = { ...gautora, restartOnRevisedRequest: { applies: true, source: 'test' } };

type Pick = 'answer' | 'extended' | 'invalidRequestNotice' | 'directMarketingObjection';
interface PolicySpec {
  readonly policy: DeadlinePolicy;
  readonly pick: Pick;
  readonly revisedRequestAt?: string;
}
type Spec = Period | PolicySpec;
interface Expected {
  readonly dueDate: string | null;
  /** Given where the exact instant matters (offsets, hours); otherwise only the form is checked. */
  readonly dueAt?: string;
  readonly rule?: string;
}
type Row = readonly [description: string, receivedAt: string, spec: Spec, expected: Expected];

const months = (amount: number): Period => ({ unit: 'months', amount });
const days = (amount: number): Period => ({ unit: 'days', amount });
const hours = (amount: number): Period => ({ unit: 'hours', amount });
const M1 = months(1);
const on = (policy: DeadlinePolicy, pick: Pick, revisedRequestAt?: string): PolicySpec =>
  revisedRequestAt === undefined ? { policy, pick } : { policy, pick, revisedRequestAt };
const due = (dueDate: string | null, dueAt?: string, rule?: string): Expected => ({
  dueDate,
  ...(dueAt === undefined ? {} : { dueAt }),
  ...(rule === undefined ? {} : { rule }),
});

// Month ends of 2026 into the following month, 1 month, received 09:00Z (11:00/12:00 local).
const monthEnds: Row[] = [
  ['28 Jan → 28 Feb (Sat) → Mon 2 Mar', '2026-01-28T09:00:00Z', M1, due('2026-03-02')],
  ['29 Jan → 2026 has no 29 Feb: last day 28 Feb (Sat) → Mon 2 Mar', '2026-01-29T09:00:00Z', M1, due('2026-03-02')],
  ['30 Jan → 28 Feb (Sat) → Mon 2 Mar', '2026-01-30T09:00:00Z', M1, due('2026-03-02')],
  ['31 Jan → 28 Feb (Sat) → Mon 2 Mar', '2026-01-31T09:00:00Z', M1, due('2026-03-02')],
  // 28 Mar is Sat, 29 Mar Sun (and the DST switch), so the summer offset applies on Monday.
  ['28 Feb → 28 Mar (Sat) → Mon 30 Mar, +03:00', '2026-02-28T09:00:00Z', M1, due('2026-03-30', '2026-03-30T20:59:59.999Z')],
  ['28 Mar → Tue 28 Apr', '2026-03-28T09:00:00Z', M1, due('2026-04-28')],
  ['29 Mar → Wed 29 Apr', '2026-03-29T09:00:00Z', M1, due('2026-04-29')],
  ['30 Mar → Thu 30 Apr', '2026-03-30T09:00:00Z', M1, due('2026-04-30')],
  ['31 Mar → April has no 31st: Thu 30 Apr', '2026-03-31T09:00:00Z', M1, due('2026-04-30')],
  ['28 Apr → Thu 28 May', '2026-04-28T09:00:00Z', M1, due('2026-05-28')],
  ['29 Apr → Fri 29 May', '2026-04-29T09:00:00Z', M1, due('2026-05-29')],
  ['30 Apr → 30 May (Sat) → Mon 1 Jun', '2026-04-30T09:00:00Z', M1, due('2026-06-01')],
  ['28 May → 28 Jun (Sun) → Mon 29 Jun', '2026-05-28T09:00:00Z', M1, due('2026-06-29')],
  ['29 May → Mon 29 Jun', '2026-05-29T09:00:00Z', M1, due('2026-06-29')],
  ['30 May → Tue 30 Jun', '2026-05-30T09:00:00Z', M1, due('2026-06-30')],
  ['31 May → June has no 31st: Tue 30 Jun', '2026-05-31T09:00:00Z', M1, due('2026-06-30')],
  ['28 Jun → Tue 28 Jul', '2026-06-28T09:00:00Z', M1, due('2026-07-28')],
  ['29 Jun → Wed 29 Jul', '2026-06-29T09:00:00Z', M1, due('2026-07-29')],
  ['30 Jun → Thu 30 Jul', '2026-06-30T09:00:00Z', M1, due('2026-07-30')],
  ['28 Jul → Fri 28 Aug', '2026-07-28T09:00:00Z', M1, due('2026-08-28')],
  ['29 Jul → 29 Aug (Sat) → Mon 31 Aug', '2026-07-29T09:00:00Z', M1, due('2026-08-31')],
  ['30 Jul → 30 Aug (Sun) → Mon 31 Aug', '2026-07-30T09:00:00Z', M1, due('2026-08-31')],
  ['31 Jul → Mon 31 Aug', '2026-07-31T09:00:00Z', M1, due('2026-08-31')],
  ['28 Aug → Mon 28 Sep', '2026-08-28T09:00:00Z', M1, due('2026-09-28')],
  ['29 Aug → Tue 29 Sep', '2026-08-29T09:00:00Z', M1, due('2026-09-29')],
  ['30 Aug → Wed 30 Sep', '2026-08-30T09:00:00Z', M1, due('2026-09-30')],
  ['31 Aug → September has no 31st: Wed 30 Sep', '2026-08-31T09:00:00Z', M1, due('2026-09-30')],
  // Received in summer time, due after the switch back on 25 Oct: the due instant is +02:00.
  ['28 Sep → Wed 28 Oct, +02:00', '2026-09-28T09:00:00Z', M1, due('2026-10-28', '2026-10-28T21:59:59.999Z')],
  ['29 Sep → Thu 29 Oct', '2026-09-29T09:00:00Z', M1, due('2026-10-29')],
  ['30 Sep → Fri 30 Oct', '2026-09-30T09:00:00Z', M1, due('2026-10-30')],
  ['28 Oct → 28 Nov (Sat) → Mon 30 Nov', '2026-10-28T09:00:00Z', M1, due('2026-11-30')],
  ['29 Oct → 29 Nov (Sun) → Mon 30 Nov', '2026-10-29T09:00:00Z', M1, due('2026-11-30')],
  ['30 Oct → Mon 30 Nov', '2026-10-30T09:00:00Z', M1, due('2026-11-30')],
  ['31 Oct → November has no 31st: Mon 30 Nov', '2026-10-31T09:00:00Z', M1, due('2026-11-30')],
  ['28 Nov → Mon 28 Dec', '2026-11-28T09:00:00Z', M1, due('2026-12-28')],
  ['29 Nov → Tue 29 Dec', '2026-11-29T09:00:00Z', M1, due('2026-12-29')],
  ['30 Nov → Wed 30 Dec', '2026-11-30T09:00:00Z', M1, due('2026-12-30')],
  ['28 Dec → Thu 28 Jan 2027 (across the year end)', '2026-12-28T09:00:00Z', M1, due('2027-01-28')],
  ['29 Dec → Fri 29 Jan 2027', '2026-12-29T09:00:00Z', M1, due('2027-01-29')],
  ['30 Dec → 30 Jan 2027 (Sat) → Mon 1 Feb', '2026-12-30T09:00:00Z', M1, due('2027-02-01')],
  ['31 Dec → 31 Jan 2027 (Sun) → Mon 1 Feb', '2026-12-31T09:00:00Z', M1, due('2027-02-01')],
];

const leapYears: Row[] = [
  ['docs/design.md example: 31 Jan 2028 → Tue 29 Feb 2028 (leap year)', '2028-01-31T09:00:00Z', M1, due('2028-02-29', '2028-02-29T21:59:59.999Z')],
  ['28 Jan 2028 → Mon 28 Feb 2028', '2028-01-28T09:00:00Z', M1, due('2028-02-28')],
  ['29 Jan 2028 → Tue 29 Feb 2028', '2028-01-29T09:00:00Z', M1, due('2028-02-29')],
  ['30 Jan 2028 → Tue 29 Feb 2028', '2028-01-30T09:00:00Z', M1, due('2028-02-29')],
  ['29 Feb 2028 → Wed 29 Mar 2028', '2028-02-29T09:00:00Z', M1, due('2028-03-29')],
  ['31 Jan 2027 → 28 Feb 2027 is a Sunday → Mon 1 Mar (non-leap, rolled)', '2027-01-31T09:00:00Z', M1, due('2027-03-01')],
  ['31 Jan 2024 → Thu 29 Feb 2024 (leap year)', '2024-01-31T09:00:00Z', M1, due('2024-02-29')],
  // Good Friday is not a Lithuanian public holiday; Easter 2024 was 31 Mar–1 Apr.
  ['29 Feb 2024 → Fri 29 Mar 2024 (Good Friday is a working day)', '2024-02-29T09:00:00Z', M1, due('2024-03-29')],
  // 2100 is divisible by 100 but not 400: no 29 Feb. 28 Feb 2100 is a Sunday.
  ['31 Jan 2100 → 28 Feb 2100 (Sun, century non-leap) → Mon 1 Mar', '2100-01-31T09:00:00Z', M1, due('2100-03-01', '2100-03-01T21:59:59.999Z')],
  // 2000 is divisible by 400: a leap year. Lithuania kept +02:00 all year then.
  ['31 Jan 2000 → Tue 29 Feb 2000 (400-year rule)', '2000-01-31T09:00:00Z', M1, due('2000-02-29', '2000-02-29T21:59:59.999Z')],
  ['30 days from 31 Jan 2026 → Mon 2 Mar (28-day February)', '2026-01-31T09:00:00Z', days(30), due('2026-03-02')],
  ['30 days from 31 Jan 2028 → Wed 1 Mar (29-day February)', '2028-01-31T09:00:00Z', days(30), due('2028-03-01')],
];

const holidays: Row[] = [
  ['docs/design.md example: 5 Mar 2027 → Mon 5 Apr 2027', '2027-03-05T09:00:00Z', M1, due('2027-04-05', '2027-04-05T20:59:59.999Z')],
  ['5 Mar 2026 → 5 Apr is Easter Sunday, 6 Apr Easter Monday → Tue 7 Apr', '2026-03-05T09:00:00Z', M1, due('2026-04-07')],
  ['6 Mar 2026 → 6 Apr (Easter Monday) → Tue 7 Apr', '2026-03-06T09:00:00Z', M1, due('2026-04-07')],
  ['28 Feb 2027 → 28 Mar (Easter Sunday, DST day) → 29 Mar (Easter Monday) → Tue 30 Mar, +03:00', '2027-02-28T09:00:00Z', M1, due('2027-03-30', '2027-03-30T20:59:59.999Z')],
  ['30 days from Sat 27 Feb 2027 → 29 Mar (Easter Monday) → Tue 30 Mar', '2027-02-27T09:00:00Z', days(30), due('2027-03-30')],
  ['16 Mar 2028 → 16 Apr (Easter Sunday) → 17 Apr (Easter Monday) → Tue 18 Apr', '2028-03-16T09:00:00Z', M1, due('2028-04-18')],
  ['17 Mar 2028 → 17 Apr (Easter Monday) → Tue 18 Apr', '2028-03-17T09:00:00Z', M1, due('2028-04-18')],
  ['16 Jan 2026 → 16 Feb (Mon, Restoration of the State) → Tue 17 Feb', '2026-01-16T09:00:00Z', M1, due('2026-02-17')],
  ['11 Feb 2026 → 11 Mar (Wed, Restoration of Independence) → Thu 12 Mar', '2026-02-11T09:00:00Z', M1, due('2026-03-12')],
  ['1 Apr 2026 → 1 May (Fri, Labour Day) → Sat, Sun → Mon 4 May', '2026-04-01T09:00:00Z', M1, due('2026-05-04')],
  ['24 May 2026 → 24 Jun (Wed, St John\'s Day) → Thu 25 Jun', '2026-05-24T09:00:00Z', M1, due('2026-06-25')],
  ['6 Jun 2026 → 6 Jul (Mon, Statehood Day) → Tue 7 Jul', '2026-06-06T09:00:00Z', M1, due('2026-07-07', '2026-07-07T20:59:59.999Z')],
  ['15 Jul 2028 → 15 Aug (Tue, Assumption) → Wed 16 Aug', '2028-07-15T09:00:00Z', M1, due('2028-08-16')],
  ['1 Oct 2027 → 1 Nov (Mon, All Saints) → 2 Nov (All Souls) → Wed 3 Nov', '2027-10-01T09:00:00Z', M1, due('2027-11-03')],
  ['2 Oct 2027 → 2 Nov (Tue, All Souls) → Wed 3 Nov', '2027-10-02T09:00:00Z', M1, due('2027-11-03')],
  ['30 days from 2 Oct 2026 → 1 Nov (Sun) → 2 Nov (All Souls) → Tue 3 Nov', '2026-10-02T09:00:00Z', days(30), due('2026-11-03')],
  ['24 Nov 2026 → 24 Dec (Christmas Eve) → 25, 26 Dec, Sun 27 → Mon 28 Dec', '2026-11-24T09:00:00Z', M1, due('2026-12-28')],
  ['25 Nov 2026 → 25 Dec (Christmas) → Mon 28 Dec', '2026-11-25T09:00:00Z', M1, due('2026-12-28')],
  ['26 Nov 2026 → 26 Dec (Sat, 2nd Christmas Day) → Mon 28 Dec', '2026-11-26T09:00:00Z', M1, due('2026-12-28')],
  ['24 Nov 2027 → 24 Dec (Fri) → Sat 25, Sun 26 → Mon 27 Dec', '2027-11-24T09:00:00Z', M1, due('2027-12-27')],
  ['24 Nov 2028 → 24 Dec (Sun) → 25, 26 Dec (Mon, Tue holidays) → Wed 27 Dec', '2028-11-24T09:00:00Z', M1, due('2028-12-27')],
  ['1 Dec 2026 → 1 Jan 2027 (Fri, New Year) → Mon 4 Jan', '2026-12-01T09:00:00Z', M1, due('2027-01-04')],
  ['1 Dec 2027 → 1 Jan 2028 (Sat) → Mon 3 Jan', '2027-12-01T09:00:00Z', M1, due('2028-01-03')],
  // Art. 3(5): a period of two days or more must contain two working days. 24–27 Dec hold
  // none, so rolling to Mon 28 Dec leaves only one; the period runs to Tue 29 Dec.
  ['2 days from Wed 23 Dec 2026 → 25 Dec → Mon 28 Dec has 1 working day → Tue 29 Dec (Art. 3(5))', '2026-12-23T09:00:00Z', days(2), due('2026-12-29')],
  ['2 days from Tue 22 Dec 2026 → Mon 28 Dec (23 Dec already counts as a working day)', '2026-12-22T09:00:00Z', days(2), due('2026-12-28')],
];

// The local date is taken in Vilnius before counting.
const midnight: Row[] = [
  // 23:30Z on 31 Jan is 01:30 on 1 Feb in Vilnius: 1 month runs from 1 Feb, not 31 Jan.
  ['2028-01-31T23:30Z is 1 Feb local → Wed 1 Mar 2028 (not 29 Feb)', '2028-01-31T23:30:00Z', M1, due('2028-03-01')],
  ['winter 22:30Z is 00:30 next day local: 10 Feb → Tue 10 Mar', '2026-02-09T22:30:00Z', M1, due('2026-03-10')],
  ['winter 21:30Z is 23:30 same day local: 9 Feb → Mon 9 Mar', '2026-02-09T21:30:00Z', M1, due('2026-03-09')],
  ['winter 21:59:59.999Z is the last instant of 9 Feb local → Mon 9 Mar', '2026-02-09T21:59:59.999Z', M1, due('2026-03-09')],
  ['winter 22:00:00.000Z is local midnight of 10 Feb → Tue 10 Mar', '2026-02-09T22:00:00.000Z', M1, due('2026-03-10')],
  ['summer 21:30Z is 00:30 next day local: 10 Jun → Fri 10 Jul', '2026-06-09T21:30:00Z', M1, due('2026-07-10')],
  ['summer 20:59Z is 23:59 local on 9 Jun → Thu 9 Jul', '2026-06-09T20:59:00Z', M1, due('2026-07-09')],
  ['summer 20:30Z is 23:30 local on 9 Jun → Thu 9 Jul', '2026-06-09T20:30:00Z', M1, due('2026-07-09')],
];

// Vilnius: 2026-10-25 04:00 EEST → 03:00 EET (01:00Z); 2027-03-28 03:00 EET → 04:00 EEST (01:00Z).
const dst: Row[] = [
  ['due before the October switch is +03:00: 22 Sep → Thu 22 Oct', '2026-09-22T09:00:00Z', M1, due('2026-10-22', '2026-10-22T20:59:59.999Z')],
  ['25 Sep → 25 Oct (Sun, switch day) → Mon 26 Oct, +02:00', '2026-09-25T09:00:00Z', M1, due('2026-10-26', '2026-10-26T21:59:59.999Z')],
  ['24 Oct 21:30Z is 00:30 EEST on 25 Oct → Wed 25 Nov', '2026-10-24T21:30:00Z', M1, due('2026-11-25', '2026-11-25T21:59:59.999Z')],
  ['24 Oct 20:30Z is 23:30 EEST on 24 Oct → Tue 24 Nov', '2026-10-24T20:30:00Z', M1, due('2026-11-24')],
  ['25 Oct 21:30Z is 23:30 EET on 25 Oct → Wed 25 Nov', '2026-10-25T21:30:00Z', M1, due('2026-11-25')],
  ['25 Oct 22:30Z is 00:30 EET on 26 Oct → Thu 26 Nov', '2026-10-25T22:30:00Z', M1, due('2026-11-26')],
  ['due before the March switch is +02:00: 26 Feb → Fri 26 Mar 2027', '2027-02-26T09:00:00Z', M1, due('2027-03-26', '2027-03-26T21:59:59.999Z')],
  ['due after the March switch is +03:00: 1 Mar → Thu 1 Apr 2027', '2027-03-01T09:00:00Z', M1, due('2027-04-01', '2027-04-01T20:59:59.999Z')],
  ['27 Mar 22:30Z is 00:30 EET on 28 Mar → Wed 28 Apr 2027', '2027-03-27T22:30:00Z', M1, due('2027-04-28', '2027-04-28T20:59:59.999Z')],
  ['28 Mar 00:30Z is 02:30 EET, just before the switch → Wed 28 Apr', '2027-03-28T00:30:00Z', M1, due('2027-04-28')],
  ['28 Mar 20:30Z is 23:30 EEST on 28 Mar → Wed 28 Apr', '2027-03-28T20:30:00Z', M1, due('2027-04-28')],
  ['28 Mar 21:30Z is 00:30 EEST on 29 Mar → Thu 29 Apr', '2027-03-28T21:30:00Z', M1, due('2027-04-29')],
];

const workingDays: Row[] = [
  // 11, 14–18, 21–23 Dec (9), 24–26 Dec holidays, 28–31 Dec (13), 1 Jan holiday, Mon 4 Jan (14).
  ['Gautora 14 working days from Thu 10 Dec 2026 over Christmas and New Year → Mon 4 Jan 2027', '2026-12-10T10:00:00Z', on(gautora, 'invalidRequestNotice'), due('2027-01-04', '2027-01-04T21:59:59.999Z', '003 §22.2')],
  // 31 Mar–3 Apr (4; Good Friday works), 5–6 Apr Easter, 7–10 (8), 13–17 (13), Mon 20 Apr (14).
  ['across Easter 2026: from Mon 30 Mar → Mon 20 Apr', '2026-03-30T09:00:00Z', on(gautora, 'invalidRequestNotice'), due('2026-04-20', '2026-04-20T20:59:59.999Z')],
  // 11 Mar holiday, 12–26 Mar (11), 29 Mar Easter Monday, 30 Mar–1 Apr (14).
  ['across 11 Mar and Easter 2027: from Wed 10 Mar → Thu 1 Apr', '2027-03-10T09:00:00Z', on(gautora, 'invalidRequestNotice'), due('2027-04-01')],
  // The receipt day never counts; 16 Feb is a holiday, so counting starts Tue 17 Feb.
  ['received on Saturday 14 Feb 2026 → Fri 6 Mar', '2026-02-14T09:00:00Z', on(gautora, 'invalidRequestNotice'), due('2026-03-06')],
  // 4–8 May (5), 11–15 (10), 18–21 (14).
  ['received on 1 May 2026 (holiday) → Thu 21 May', '2026-05-01T09:00:00Z', on(gautora, 'invalidRequestNotice'), due('2026-05-21')],
  // 18–21 Apr (4), 24–28 (9), 1 May holiday, 2–5 May (13), Mon 8 May (14).
  ['received on Easter Monday 17 Apr 2028 → Mon 8 May (1 May skipped)', '2028-04-17T09:00:00Z', on(gautora, 'invalidRequestNotice'), due('2028-05-08')],
  // Local date is Fri 3 Jul: 6 Jul holiday, 7–10 (4), 13–17 (9), 20–24 (14). From Thu 2 Jul it would be 23 Jul.
  ['Thu 2 Jul 21:30Z is Fri 3 Jul local → Fri 24 Jul', '2026-07-02T21:30:00Z', on(gautora, 'invalidRequestNotice'), due('2026-07-24')],
  ['1 working day from Fri 24 Dec 2027 (holiday) → Mon 27 Dec', '2027-12-24T09:00:00Z', { unit: 'working_days', amount: 1 }, due('2027-12-27')],
];

// Hours are absolute: from the next full hour, never rolled, no due date.
const hourRows: Row[] = [
  ['Lytagra 72 h from Sat 10:15Z → from 11:00Z → Tue 24 Nov 11:00Z', '2026-11-21T10:15:00Z', on(lytagra, 'directMarketingObjection'), due(null, '2026-11-24T11:00:00.000Z', '004 §3.7')],
  // The hour in which the objection arrived (10:00–11:00) is not counted, even at its first instant.
  ['72 h received exactly on the hour 10:00:00.000Z → still from 11:00Z', '2026-11-21T10:00:00.000Z', hours(72), due(null, '2026-11-24T11:00:00.000Z')],
  ['72 h received at 10:59:59.999Z → from 11:00Z', '2026-11-21T10:59:59.999Z', hours(72), due(null, '2026-11-24T11:00:00.000Z')],
  // From 15:00 EET on 26 Mar to 16:00 EEST on 29 Mar: 72 real hours, 73 on the wall clock.
  ['72 h across the March 2027 switch: 12:20Z → from 13:00Z → 29 Mar 13:00Z', '2027-03-26T12:20:00Z', hours(72), due(null, '2027-03-29T13:00:00.000Z')],
  // From 12:00 EEST on 23 Oct to 11:00 EET on 26 Oct: 71 hours on the wall clock.
  ['72 h across the October 2026 switch: 08:45Z → from 09:00Z → 26 Oct 09:00Z', '2026-10-23T08:45:00Z', hours(72), due(null, '2026-10-26T09:00:00.000Z')],
  // 03:30 happens twice on 25 Oct 2026; each occurrence is its own hour.
  ['72 h received at 03:30 EEST (first 03:30) → from 01:00Z', '2026-10-25T00:30:00Z', hours(72), due(null, '2026-10-28T01:00:00.000Z')],
  ['72 h received at 03:30 EET (second 03:30) → from 02:00Z', '2026-10-25T01:30:00Z', hours(72), due(null, '2026-10-28T02:00:00.000Z')],
  // Ends at 01:00 local on Christmas Day: hour periods are not moved for holidays.
  ['72 h ending on Christmas Day is not rolled', '2026-12-21T22:10:00Z', hours(72), due(null, '2026-12-24T23:00:00.000Z')],
];

const gautoraEarlierOf: Row[] = [
  // January has 31 days: 30 days ends on 4 Feb, 1 month on 5 Feb.
  ['Gautora, 31-day month: 30 days (Wed 4 Feb) beats 1 month (Thu 5 Feb)', '2026-01-05T10:00:00Z', on(gautora, 'answer'), due('2026-02-04', undefined, '003 §21.1')],
  ['Gautora, 31-day month: 30 days (Thu 5 Feb) beats 1 month (Fri 6 Feb)', '2026-01-06T10:00:00Z', on(gautora, 'answer'), due('2026-02-05', undefined, '003 §21.1')],
  // February has 28 days: 1 month ends 2 Mar, 30 days on 4 Mar.
  ['Gautora, 28-day month: 1 month (Mon 2 Mar) beats 30 days (Wed 4 Mar)', '2026-02-02T10:00:00Z', on(gautora, 'answer'), due('2026-03-02', undefined, '003 §21.10')],
  // 30 days → Sat 1 Aug, 1 month → Sun 2 Aug: both roll to Mon 3 Aug; the tie keeps the first rule.
  ['Gautora, both periods roll to Mon 3 Aug: tie keeps the first-listed rule', '2026-07-02T10:00:00Z', on(gautora, 'answer'), due('2026-08-03', undefined, '003 §21.10')],
  // 30-day month: 30 days and 1 month both land on Sun 10 May → Mon 11 May.
  ['Gautora, 30-day month: both reach Mon 11 May', '2026-04-10T10:00:00Z', on(gautora, 'answer'), due('2026-05-11', undefined, '003 §21.10')],
  ['Lytagra 30 days from Mon 5 Jan → Wed 4 Feb', '2026-01-05T10:00:00Z', on(lytagra, 'answer'), due('2026-02-04', '2026-02-04T21:59:59.999Z', '004 §3.5')],
];

const extension: Row[] = [
  ['extension: 3 months from 30 Nov 2026 → 28 Feb 2027 (Sun) → Mon 1 Mar', '2026-11-30T09:00:00Z', on(softera, 'extended'), due('2027-03-01', '2027-03-01T21:59:59.999Z', '000 §9')],
  ['extension: 3 months from 30 Nov 2027 → Tue 29 Feb 2028 (leap year)', '2027-11-30T09:00:00Z', on(softera, 'extended'), due('2028-02-29')],
  ['extension: 3 months from 30 Nov 2031 → 29 Feb 2032 (Sun, leap year) → Mon 1 Mar', '2031-11-30T09:00:00Z', on(softera, 'extended'), due('2032-03-01')],
  ['extension: 3 months from 5 Jan 2026 → 5 Apr (Easter) → Tue 7 Apr, +03:00', '2026-01-05T10:00:00Z', on(gautora, 'extended'), due('2026-04-07', '2026-04-07T20:59:59.999Z', '003 §21.10')],
  ['extension: 3 months from Fri 11 Dec 2026 → 11 Mar 2027 (holiday) → Fri 12 Mar', '2026-12-11T09:00:00Z', on(legalbalance, 'extended'), due('2027-03-12')],
  ['Lytagra extension (GDPR +2 months): 3 months from 31 May → Mon 31 Aug', '2026-05-31T09:00:00Z', on(lytagra, 'extended'), due('2026-08-31', undefined, 'GDPR Art. 12(3)')],
];

const restart: Row[] = [
  ['Legal Balance, no revised request: 1 month from 2 Mar → Thu 2 Apr', '2026-03-02T09:00:00Z', on(legalbalance, 'answer'), due('2026-04-02', undefined, '001 §7.2')],
  ['Legal Balance restarts: revised 20 Mar → Mon 20 Apr', '2026-03-02T09:00:00Z', on(legalbalance, 'answer', '2026-03-20T14:00:00Z'), due('2026-04-20', undefined, '001 §7.2')],
  // 3 months from 20 Mar is Sat 20 Jun → Mon 22 Jun.
  ['Legal Balance restarts the extension too: revised 20 Mar → 20 Jun (Sat) → Mon 22 Jun', '2026-03-02T09:00:00Z', on(legalbalance, 'extended', '2026-03-20T14:00:00Z'), due('2026-06-22')],
  // 21:30Z on 31 Mar is 00:30 EEST on 1 Apr → 1 May (holiday) → Mon 4 May.
  ['Legal Balance, revised request just after local midnight: 1 Apr → 1 May (holiday) → Mon 4 May', '2026-03-02T09:00:00Z', on(legalbalance, 'answer', '2026-03-31T21:30:00Z'), due('2026-05-04')],
  ['Softera does not restart: revised 20 Mar ignored → Thu 2 Apr', '2026-03-02T09:00:00Z', on(softera, 'answer', '2026-03-20T14:00:00Z'), due('2026-04-02', undefined, '000 §9')],
  ['Softera does not restart the extension: → Tue 2 Jun', '2026-03-02T09:00:00Z', on(softera, 'extended', '2026-03-20T14:00:00Z'), due('2026-06-02')],
  // Counting from 2 Mar: 3–6 (4), 9–10 (6), 11 Mar holiday, 12–13 (8), 16–20 (13), Mon 23 Mar (14).
  ['the invalid-request notice counts from the original receipt even when the answer restarts', '2026-03-02T09:00:00Z', on(gautoraWithRestart, 'invalidRequestNotice', '2026-03-20T14:00:00Z'), due('2026-03-23')],
  ['Lytagra 72 h counts from the original receipt despite a revised request', '2026-11-21T10:15:00Z', on(lytagra, 'directMarketingObjection', '2026-11-25T08:00:00Z'), due(null, '2026-11-24T11:00:00.000Z')],
];

const rows: readonly Row[] = [
  ...monthEnds,
  ...leapYears,
  ...holidays,
  ...midnight,
  ...dst,
  ...workingDays,
  ...hourRows,
  ...gautoraEarlierOf,
  ...extension,
  ...restart,
];

const lt = holidayCalendar('LT', 'Europe/Vilnius');

function evaluate(receivedAt: string, spec: Spec): (Deadline & { readonly rule?: string }) | null {
  if ('unit' in spec) return periodEnd(new Date(receivedAt), spec, lt);
  const options = spec.revisedRequestAt === undefined ? {} : { revisedRequestAt: new Date(spec.revisedRequestAt) };
  return computeDeadlines(spec.policy, lt, new Date(receivedAt), options)[spec.pick];
}

describe('deadline engine (table)', () => {
  it('has at least 70 dated cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(70);
  });

  it.each(rows)('%s [%s]', (_description, receivedAt, spec, expected) => {
    const actual = evaluate(receivedAt, spec);

    expect(actual).not.toBeNull();
    expect(actual?.dueDate).toBe(expected.dueDate);
    if (expected.dueAt !== undefined) {
      expect(actual?.dueAt).toBe(expected.dueAt);
    } else if (expected.dueDate !== null) {
      // Without a pinned instant the deadline must still be the last millisecond of the local day.
      expect([`${expected.dueDate}T21:59:59.999Z`, `${expected.dueDate}T20:59:59.999Z`]).toContain(actual?.dueAt);
    }
    if (expected.rule !== undefined) expect(actual?.rule).toBe(expected.rule);
  });
});

describe('computeDeadlines', () => {
  it('returns every deadline of a Gautora case with its clause', () => {
    const result = computeDeadlines(gautora, lt, new Date('2026-01-05T10:00:00Z'));

    expect(result).toEqual({
      receivedAt: '2026-01-05T10:00:00.000Z',
      countedFrom: '2026-01-05T10:00:00.000Z',
      answer: { dueDate: '2026-02-04', dueAt: '2026-02-04T21:59:59.999Z', rule: '003 §21.1' },
      extended: { dueDate: '2026-04-07', dueAt: '2026-04-07T20:59:59.999Z', rule: '003 §21.10' },
      // 6–9 Jan (4), 12–16 (9), 19–23 (14).
      invalidRequestNotice: { dueDate: '2026-01-23', dueAt: '2026-01-23T21:59:59.999Z', rule: '003 §22.2' },
      directMarketingObjection: null,
    });
  });

  it('reports the revised request as countedFrom only when the policy restarts', () => {
    const receivedAt = new Date('2026-03-02T09:00:00Z');
    const revisedRequestAt = new Date('2026-03-20T14:00:00Z');

    expect(computeDeadlines(legalbalance, lt, receivedAt, { revisedRequestAt }).countedFrom).toBe('2026-03-20T14:00:00.000Z');
    expect(computeDeadlines(softera, lt, receivedAt, { revisedRequestAt }).countedFrom).toBe('2026-03-02T09:00:00.000Z');
  });

  it('throws a RangeError when receivedAt is an invalid Date', () => {
    expect(() => computeDeadlines(softera, lt, new Date('not a date'))).toThrow(RangeError);
    expect(() => computeDeadlines(softera, lt, new Date(Number.NaN))).toThrow(/receivedAt must be a valid Date/);
  });

  it('throws a RangeError when revisedRequestAt is invalid or before receipt', () => {
    const receivedAt = new Date('2026-03-02T09:00:00Z');

    expect(() => computeDeadlines(legalbalance, lt, receivedAt, { revisedRequestAt: new Date('') })).toThrow(/revisedRequestAt must be a valid Date/);
    expect(() => computeDeadlines(legalbalance, lt, receivedAt, { revisedRequestAt: new Date('2026-03-01T09:00:00Z') })).toThrow(RangeError);
  });

  it('throws a RangeError for a period that is not a positive whole number', () => {
    const receivedAt = new Date('2026-03-02T09:00:00Z');

    expect(() => periodEnd(receivedAt, { unit: 'days', amount: 0 }, lt)).toThrow(RangeError);
    expect(() => periodEnd(receivedAt, { unit: 'months', amount: 1.5 }, lt)).toThrow(RangeError);
    expect(() => periodEnd(receivedAt, { unit: 'working_days', amount: -3 }, lt)).toThrow(RangeError);
  });
});

describe('daysLeft', () => {
  const deadline = { dueDate: '2026-02-05', dueAt: '2026-02-05T21:59:59.999Z' };

  it('counts local calendar days to the due date', () => {
    expect(daysLeft(deadline, new Date('2026-02-01T12:00:00Z'), lt)).toBe(4);
  });

  it('is 0 on the due date up to local midnight and -1 after it', () => {
    expect(daysLeft(deadline, new Date('2026-02-05T21:30:00Z'), lt)).toBe(0);
    expect(daysLeft(deadline, new Date('2026-02-05T22:30:00Z'), lt)).toBe(-1);
  });

  it('counts whole days across the spring DST change (a 23-hour day)', () => {
    expect(daysLeft({ dueDate: '2026-03-30', dueAt: '2026-03-30T20:59:59.999Z' }, new Date('2026-03-28T12:00:00Z'), lt)).toBe(2);
  });

  it('uses the local date of dueAt for hour deadlines', () => {
    // 23:00Z on 24 Dec is 01:00 on 25 Dec in Vilnius.
    expect(daysLeft({ dueDate: null, dueAt: '2026-12-24T23:00:00.000Z' }, new Date('2026-12-22T10:00:00Z'), lt)).toBe(3);
  });
});

describe('holidayCalendar', () => {
  it('is memoised per country and zone', () => {
    expect(holidayCalendar('LT', 'Europe/Vilnius')).toBe(lt);
  });

  it('names Lithuanian public holidays and treats weekends as non-working', () => {
    expect(lt.holidayName('2026-04-06')).toBe('Velykų pirmadienis');
    expect(lt.isPublicHoliday('2026-12-24')).toBe(true);
    expect(lt.isWorkingDay('2026-12-24')).toBe(false);
    expect(lt.isPublicHoliday('2026-04-03')).toBe(false); // Good Friday
    expect(lt.isWorkingDay('2026-04-03')).toBe(true);
    expect(lt.isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(lt.holidayName('2026-04-07')).toBeNull();
  });

  it('does not count observances (Mother\'s Day, first Sunday of May) as public holidays', () => {
    expect(lt.isPublicHoliday('2026-05-03')).toBe(false);
  });

  it('rejects unknown countries, zones and malformed dates', () => {
    expect(() => holidayCalendar('XX', 'Europe/Vilnius')).toThrow(RangeError);
    expect(() => holidayCalendar('LT', 'Europe/Nowhere')).toThrow(RangeError);
    expect(() => lt.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => lt.isWorkingDay('6 April 2026')).toThrow(RangeError);
  });
});

describe('localDateOf / endOfLocalDay', () => {
  it('takes the date in the controller\'s zone', () => {
    expect(localDateOf(new Date('2028-01-31T23:30:00Z'), 'Europe/Vilnius')).toBe('2028-02-01');
    expect(localDateOf(new Date('2028-01-31T23:30:00Z'), 'UTC')).toBe('2028-01-31');
  });

  it('ends the day at 23:59:59.999 local with the offset of that day', () => {
    expect(endOfLocalDay('2027-03-27', 'Europe/Vilnius')).toBe('2027-03-27T21:59:59.999Z');
    expect(endOfLocalDay('2027-03-28', 'Europe/Vilnius')).toBe('2027-03-28T20:59:59.999Z');
    expect(endOfLocalDay('2026-10-25', 'Europe/Vilnius')).toBe('2026-10-25T21:59:59.999Z');
  });
});
