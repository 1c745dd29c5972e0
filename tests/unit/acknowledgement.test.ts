import { describe, expect, it } from 'vitest';
import { openCase } from '#domain/open-case.ts';
import { renderAcknowledgement } from '#templates/acknowledgement.ts';
import { tenantRegistry } from '#tenants/registry.ts';

const caseFor = (tenantId: string, language: 'lt' | 'en', channel: 'api' | 'email' = 'api') =>
  openCase({
    tenant: tenantRegistry.get(tenantId),
    id: 'c1',
    referenceNumber: 12,
    channel,
    receivedAt: new Date('2026-11-23T09:00:00Z'),
    request: { rights: [{ type: 'access' }, { type: 'erasure' }], subject: { name: 'Ona', email: 'ona@example.lt' }, language },
    actor: { kind: 'partner', id: 'p' },
    earlierRequests: [],
    now: new Date('2026-11-23T09:00:00Z'),
  }).case;

describe('renderAcknowledgement', () => {
  it.each(tenantRegistry.list().map((t) => t.id))('gives %s subjects the reference, rights, due date and next steps, with no placeholders', (tenantId) => {
    const tenant = tenantRegistry.get(tenantId);
    const c = caseFor(tenantId, 'en');
    const message = renderAcknowledgement(tenant, c);
    for (const part of [c.reference, c.dueDate, 'access to your personal data (GDPR Art. 15)', 'erasure of your personal data (GDPR Art. 17)', 'https://vdai.lrv.lt', tenant.mailbox]) {
      expect(message.text).toContain(part);
    }
    expect(message.text).not.toMatch(/undefined|null|Not stated|\$\{/);
    expect(message.html).not.toContain('<script');
  });

  it('answers in Lithuanian only when the request is Lithuanian, and in both languages otherwise (003 §22.4)', () => {
    const gautora = tenantRegistry.get('gautora');
    const lt = renderAcknowledgement(gautora, caseFor('gautora', 'lt'));
    expect(lt.subject).toBe('Prašymas gautas – GAU-2026-000012');
    expect(lt.text).not.toContain('We have received');
    const en = renderAcknowledgement(gautora, caseFor('gautora', 'en'));
    expect(en.text.indexOf('We have received')).toBeLessThan(en.text.indexOf('Gavome Jūsų prašymą'));
  });

  it('tells an e-mail requester of Gautora that a qualified e-signature is needed (003 §21.4)', () => {
    const text = renderAcknowledgement(tenantRegistry.get('gautora'), caseFor('gautora', 'en', 'email')).text;
    expect(text).toContain('a document signed with a qualified electronic signature');
    expect(text).not.toContain('a copy of your identity document');
  });

  it('escapes the subject-supplied text in the HTML part', () => {
    const c = { ...caseFor('softera', 'en'), reference: '<img src=x onerror=alert(1)>' };
    expect(renderAcknowledgement(tenantRegistry.get('softera'), c).html).not.toContain('<img');
  });
});
