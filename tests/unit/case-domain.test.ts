import { describe, expect, it } from 'vitest';
import { canTransition, CASE_STATUSES, isOpen, subjectKeyOf, transition } from '#domain/case.ts';
import { InvalidTransitionError } from '#domain/errors.ts';
import { caseReference, localYear, openCase } from '#domain/open-case.ts';
import { detectRepeat, type EarlierRequest } from '#domain/repeats.ts';
import { tenantRegistry } from '#tenants/registry.ts';

const open = (tenantId: string, rights: Array<'access' | 'information' | 'erasure'>, channel: 'api' | 'email' = 'api') =>
  openCase({
    tenant: tenantRegistry.get(tenantId),
    id: 'c1',
    referenceNumber: 1,
    channel,
    receivedAt: new Date('2026-12-31T22:30:00Z'),
    request: { rights: rights.map((type) => ({ type })), subject: { name: '  Jonas   Jonaitis ' } },
    actor: { kind: 'partner', id: 'p' },
    earlierRequests: [],
    now: new Date('2026-12-31T22:30:00Z'),
  });

describe('case lifecycle', () => {
  it('allows the legal path from receipt to closure', () => {
    const path = ['awaiting_identity', 'in_progress', 'awaiting_approval', 'answered', 'closed'] as const;
    let c = open('softera', ['access']).case;
    for (const next of path) c = transition(c, next, new Date());
    expect(c.status).toBe('closed');
    expect(isOpen(c.status)).toBe(false);
  });

  it('refuses to answer a case that was never approved, or to reopen a closed one', () => {
    const c = open('softera', ['access']).case;
    expect(() => transition(c, 'answered', new Date())).toThrow(InvalidTransitionError);
    expect(CASE_STATUSES.filter((s) => canTransition('closed', s))).toEqual([]);
  });
});

describe('openCase', () => {
  it('takes the reference year and due date in Vilnius time (22:30Z on 31 Dec is already 1 Jan)', () => {
    const { case: c, events } = open('softera', ['access']);
    expect(localYear(new Date(c.receivedAt), 'Europe/Vilnius')).toBe(2027);
    expect(c.reference).toBe('SOF-2027-000001');
    // Received 1 Jan 2027 (local) → 1 Feb 2027, a Monday.
    expect(c.dueDate).toBe('2027-02-01');
    expect(events[0]).toMatchObject({ type: 'case.received', seq: 1, visibility: 'public' });
    expect(c.lastEventSeq).toBe(1);
  });

  it('needs no identity for information requests, and the channel rule otherwise', () => {
    expect(open('gautora', ['information']).case.identity.status).toBe('not_required');
    const emailed = open('gautora', ['erasure'], 'email').case.identity;
    expect(emailed.status).toBe('pending');
    expect(emailed.acceptedMethods).toContain('qes');
    expect(emailed.rule).toMatch(/^003 /);
  });

  it('normalises the subject key so repeats are found', () => {
    expect(subjectKeyOf({ name: '  Jonas   Jonaitis ' })).toBe('name:jonas jonaitis');
    expect(subjectKeyOf({ name: 'X', email: ' Ona@Example.LT ' })).toBe('email:ona@example.lt');
    expect(caseReference('GAU', 2026, 42)).toBe('GAU-2026-000042');
  });
});

describe('detectRepeat', () => {
  const earlier = (receivedAt: string, status: EarlierRequest['status'] = 'closed'): EarlierRequest => ({ id: receivedAt, receivedAt, status, rights: ['access'] });
  const at = new Date('2027-03-01T10:00:00Z');

  it('Gautora: the second access request in a calendar year may carry a fee (003 §13.1)', () => {
    const rule = tenantRegistry.get('gautora').repeats;
    expect(detectRepeat(rule, ['access'], at, [earlier('2026-12-30T10:00:00Z')], 'Europe/Vilnius')).toBeNull();
    const flag = detectRepeat(rule, ['access'], at, [earlier('2027-01-15T10:00:00Z')], 'Europe/Vilnius');
    expect(flag?.previousCaseIds).toEqual(['2027-01-15T10:00:00Z']);
  });

  it('Lytagra: access again within six months is flagged (004 §3.6), after six months it is not', () => {
    const rule = tenantRegistry.get('lytagra').repeats;
    expect(detectRepeat(rule, ['access'], at, [earlier('2026-09-02T10:00:00Z')], 'Europe/Vilnius')).not.toBeNull();
    expect(detectRepeat(rule, ['access'], at, [earlier('2026-08-31T10:00:00Z')], 'Europe/Vilnius')).toBeNull();
    expect(detectRepeat(rule, ['erasure'], at, [earlier('2027-02-01T10:00:00Z')], 'Europe/Vilnius')).toBeNull();
  });

  it('does not count withdrawn or invalid earlier requests', () => {
    const rule = tenantRegistry.get('lytagra').repeats;
    expect(detectRepeat(rule, ['access'], at, [earlier('2027-02-01T10:00:00Z', 'withdrawn'), earlier('2027-02-02T10:00:00Z', 'invalid')], 'Europe/Vilnius')).toBeNull();
  });

  it('Softera: flags the same right asked again within three months for staff to judge', () => {
    const rule = tenantRegistry.get('softera').repeats;
    expect(rule.kind).toBe('excessive_only');
    expect(detectRepeat(rule, ['access'], at, [earlier('2027-01-10T10:00:00Z')], 'Europe/Vilnius')?.reason).toMatch(/excessive/);
    expect(detectRepeat(rule, ['access'], at, [earlier('2026-10-10T10:00:00Z')], 'Europe/Vilnius')).toBeNull();
  });
});
