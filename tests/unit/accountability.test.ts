import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToJoseSignature } from '#adapters/evidence/pack-sealer.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { percentile, registerCsv, registerStatistics, workingDaysBetween, type RegisterRow } from '#domain/register.ts';
import { legalHoldOf, retentionEndsAt } from '#domain/retention.ts';
import type { AuditEvent } from '#domain/audit.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { CASE_RETENTION } from '#tenants/retention.ts';

const lt = holidayCalendar('LT', 'Europe/Vilnius');

const row = (over: Partial<RegisterRow>): RegisterRow => ({
  caseId: 'c', reference: 'SOF-2026-000001', channel: 'email', receivedAt: '2026-03-02T08:00:00.000Z', status: 'closed', rights: [{ type: 'access', status: 'fulfilled' }],
  outcome: 'granted', identity: { method: 'qes', status: 'verified', verdict: 'verified' }, extension: { extended: false, reasons: [], clause: null }, refusal: null, fee: null,
  dueAt: '2026-04-02T20:59:59.999Z', answeredAt: '2026-03-12T08:00:00.000Z', answeredOn: '2026-03-12', workingDaysTaken: 8, timeliness: 'on_time', closedAt: null, legalHold: null, purgedAt: null, ...over,
});

describe('the register (pure parts)', () => {
  it('counts working days after receipt up to the answer, local days, Lithuanian holidays', () => {
    // Fri 2026-07-03 → Tue 2026-07-07: Mon 6 July is Statehood Day (a holiday), so only Tue 7 counts.
    expect(workingDaysBetween('2026-07-03T09:00:00Z', '2026-07-07T09:00:00Z', lt)).toBe(1);
    expect(workingDaysBetween('2026-07-03T09:00:00Z', '2026-07-03T15:00:00Z', lt)).toBe(0);
    // 21:30 UTC on 31 May is already 1 June in Vilnius (a Monday).
    expect(workingDaysBetween('2026-05-29T08:00:00Z', '2026-05-31T21:30:00Z', lt)).toBe(1);
  });

  it('takes the nearest-rank percentile and tallies by right, channel, outcome and timeliness', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5, 1, 3, 2, 4, 6, 7, 8, 9, 10], 90)).toBe(9);
    const rows = [
      row({}),
      row({ reference: 'B', channel: 'post', rights: [{ type: 'access', status: 'fulfilled' }, { type: 'erasure', status: 'refused' }], outcome: 'partly_granted', answeredAt: '2026-04-10T08:00:00.000Z', timeliness: 'late' }),
      row({ reference: 'C', outcome: 'pending', answeredAt: null, timeliness: 'pending' }),
    ];
    const s = registerStatistics(rows);
    expect(s.total).toEqual({ received: 3, granted: 1, partlyGranted: 1, refused: 0, late: 1, medianDaysToAnswer: 24.5, p90DaysToAnswer: 39 });
    expect(s.byRight.access?.received).toBe(3);
    expect(s.byRight.erasure).toMatchObject({ received: 1, partlyGranted: 1, late: 1 });
    expect(s.byChannel.post?.received).toBe(1);
    expect(s.byOutcome).toEqual({ granted: 1, partly_granted: 1, pending: 1 });
    expect(s.byTimeliness).toEqual({ on_time: 1, late: 1, pending: 1 });
  });

  it('writes RFC 4180 CSV and defuses spreadsheet formulas in reasons', () => {
    const csv = registerCsv([row({ refusal: { reasons: ['=HYPERLINK("x")', 'a, "quoted" reason'], clause: '000 §9' } })]);
    const [header, line] = csv.split('\r\n');
    expect(header!.split(',')).toContain('working_days_taken');
    expect(line).toContain(`"'=HYPERLINK(""x"") | a, ""quoted"" reason",000 §9`);
  });
});

describe('retention (pure parts)', () => {
  it('gives every tenant a rule, citing the clause or saying the policy is silent', () => {
    for (const t of tenantRegistry.list()) {
      const rule = CASE_RETENTION[t.id];
      expect(rule, t.id).toBeDefined();
      if (rule!.source === null) expect(rule!.reason).toMatch(/silent/i);
      else expect(rule!.source.slice(0, 3)).toBe(t.policyDocument.split('/').pop()!.slice(0, 3));
    }
  });

  it('ends the period by calendar arithmetic and reads the legal hold in force from the trail', () => {
    expect(retentionEndsAt('2024-02-29T10:00:00.000Z', { period: { unit: 'years', amount: 2 } })).toBe('2026-03-01T10:00:00.000Z');
    expect(retentionEndsAt('2026-01-01T00:00:00.000Z', { period: { unit: 'days', amount: 30 } })).toBe('2026-01-31T00:00:00.000Z');
    const e = (type: AuditEvent['type'], seq: number, reason?: string): AuditEvent => ({ caseId: 'c', tenantId: 't', at: `2026-01-0${seq}T00:00:00.000Z`, seq, type, actor: { kind: 'staff', id: 'admin-1' }, visibility: 'internal', summary: type, ...(reason ? { details: { reason } } : {}) });
    expect(legalHoldOf([e('retention.hold_placed', 1, 'court order')])).toEqual({ reason: 'court order', by: 'admin-1', at: '2026-01-01T00:00:00.000Z' });
    expect(legalHoldOf([e('retention.hold_placed', 1, 'x'), e('retention.hold_lifted', 2, 'done')])).toBeNull();
  });
});

describe('the KMS seal', () => {
  it('turns DER ECDSA signatures into JOSE r||s (and back to the same DER)', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 50; i++) {
      const data = Buffer.from(`manifest ${i}`);
      const der = sign('sha256', data, { key: privateKey, dsaEncoding: 'der' });
      const jose = derToJoseSignature(der);
      expect(jose).toHaveLength(64);
      const r = Buffer.from(jose.subarray(0, 32));
      const s = Buffer.from(jose.subarray(32));
      // Re-encode r||s as DER the simple way and check it equals the input (leading zeros trimmed, sign byte added).
      const int = (b: Buffer) => {
        let v = b;
        while (v.length > 1 && v[0] === 0 && !(v[1]! & 0x80)) v = v.subarray(1);
        if (v[0]! & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
        return Buffer.concat([Buffer.from([0x02, v.length]), v]);
      };
      const body = Buffer.concat([int(r), int(s)]);
      expect(Buffer.concat([Buffer.from([0x30, body.length]), body]).equals(der)).toBe(true);
    }
  });
});
