import { describe, expect, it } from 'vitest';
import { openCase } from '#domain/open-case.ts';
import { NOTICE_KINDS, type NoticeKind } from '#domain/notices.ts';
import { renderNotice } from '#templates/notices.ts';
import { tenantRegistry } from '#tenants/registry.ts';

const KINDS = NOTICE_KINDS;

const caseFor = (tenantId: string, language: 'lt' | 'en') =>
  openCase({
    tenant: tenantRegistry.get(tenantId),
    id: 'c1',
    referenceNumber: 7,
    channel: 'email',
    receivedAt: new Date('2026-12-10T10:00:00Z'),
    request: { rights: [{ type: 'access' }], subject: { name: 'Ona', email: 'ona@example.lt' }, language },
    actor: { kind: 'subject', id: 'ona@example.lt' },
    earlierRequests: [],
    now: new Date('2026-12-10T10:00:00Z'),
  }).case;

const notice = (kind: NoticeKind) => ({ kind, reasons: ['Didelis įrašų kiekis / a large volume of records'], missing: ['kvalifikuotas e. parašas'], body: 'Your data is attached.' });

describe('renderNotice', () => {
  const rows = tenantRegistry.list().flatMap((t) => KINDS.flatMap((k) => (['lt', 'en'] as const).map((lang) => [t.id, k, lang] as const)));
  it.each(rows)('renders %s %s (%s) with the reference and no placeholder', (tenantId, kind, lang) => {
    const tenant = tenantRegistry.get(tenantId);
    const c = caseFor(tenantId, lang);
    const message = renderNotice(tenant, c, notice(kind));
    expect(message.subject).toContain(c.reference);
    expect(message.text).toContain(c.reference);
    for (const part of [message.subject, message.text, message.html]) expect(part).not.toMatch(/undefined|\bnull\b|NaN|\$\{|\[object/);
    // The case language first, then the controller's official language when it differs (003 §22.4).
    if (lang === 'en') expect(message.text).toMatch(/Hello|We have received/);
    if (lang === 'lt' || tenant.languages.official === 'lt') expect(message.text).toMatch(/Laba diena|Gavome/);
  });

  it('names the reasons, the extended date and the right to complain to the inspectorate in an extension notice', () => {
    const gautora = tenantRegistry.get('gautora');
    const c = caseFor('gautora', 'en');
    const { text } = renderNotice(gautora, c, { kind: 'extension', reasons: ['Large volume of records'] });
    expect(text).toContain('Large volume of records');
    expect(text).toContain(String(c.deadlines.extended.dueDate));
    expect(text).toContain(gautora.supervisoryAuthority.name.en);
    expect(text).toContain(String(gautora.supervisoryAuthority.name.lt));
  });

  it('states the 14-working-day rule in an invalid-request notice only where the policy has it', () => {
    const gautora = renderNotice(tenantRegistry.get('gautora'), caseFor('gautora', 'en'), { kind: 'invalid_request', reasons: ['Not a data protection request'] });
    expect(gautora.text).toContain('14 working days');
    expect(gautora.text).toContain('14 darbo dienų');
    expect(gautora.text).toContain('2027-01-04');
    const softera = renderNotice(tenantRegistry.get('softera'), caseFor('softera', 'en'), { kind: 'invalid_request', reasons: ['x'] });
    expect(softera.text).not.toContain('14 working days');
  });

  it('gives the reasons and the right to complain in a refusal', () => {
    const { text } = renderNotice(tenantRegistry.get('lytagra'), caseFor('lytagra', 'lt'), { kind: 'refusal', reasons: ['Pakartotinis prašymas per 6 mėnesius'] });
    expect(text).toContain('Pakartotinis prašymas per 6 mėnesius');
    expect(text).toContain('skundą');
  });

  it('leaves the reasons block out when there are none', () => {
    const { text } = renderNotice(tenantRegistry.get('softera'), caseFor('softera', 'en'), { kind: 'extension' });
    expect(text).not.toContain('Reasons:');
  });
});
