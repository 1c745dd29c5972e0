import { describe, expect, it } from 'vitest';
import { openCase } from '#domain/open-case.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { Art15InfoSchema, type LocalizedText } from '#domain/tenant-policy.ts';
import { answerTemplate } from '#templates/answer-draft.ts';
import { renderNotice } from '#templates/notices.ts';
import { art15Of } from '#tenants/art15.ts';
import { ART15_CONFIGS } from '#tenants/art15-list.ts';
import { validateArt15Sheets } from '#tenants/art15-validation.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { TENANT_CONFIGS } from '#tenants/seed-list.ts';
import { ENGLISH } from '../support/english-words.ts';

/**
 * Each controller's Art. 15 standard information reaches a Lithuanian subject in Lithuanian: the
 * staff draft and the sent answer carry no English words. Names of products and companies are
 * quoted („Google Analytics“, „Tawk.to“) and are not words of the text, so they are left out.
 */
const words = (text: string) =>
  text
    .replace(/„[^“]*“/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b[\w-]+\.(json|csv)\b/g, ' ');

const ltCase = (tenantId: string) =>
  openCase({
    tenant: tenantRegistry.get(tenantId),
    id: 'c1',
    referenceNumber: 7,
    channel: 'email',
    receivedAt: new Date('2026-12-10T10:00:00Z'),
    request: { rights: RIGHT_TYPES.map((type) => ({ type })), subject: { name: 'Ona Žemaitė', email: 'ona@example.lt' }, language: 'lt' },
    actor: { kind: 'subject', id: 'ona@example.lt' },
    earlierRequests: [],
    now: new Date('2026-12-10T10:00:00Z'),
  }).case;

describe("the tenants' Art. 15 information in Lithuanian", () => {
  it.each(TENANT_CONFIGS.map((t) => t.id))('%s: the lt draft and answer contain no English words', (tenantId) => {
    const tenant = tenantRegistry.get(tenantId);
    const c = ltCase(tenantId);
    const draft = answerTemplate(tenant, c);
    const { text } = renderNotice(tenant, c, { kind: 'answer', body: 'Pridedame informaciją.', answer: { data: [{ category: 'Paskyra', records: [{ vardas: 'Ona' }] }] } });
    for (const shown of [draft, text]) {
      expect([...new Set(words(shown).match(ENGLISH) ?? [])], tenantId).toEqual([]);
      const art15 = art15Of(tenantId);
      for (const p of art15.purposes) expect(shown).toContain(p.purpose.lt);
      expect(shown).toContain(art15.automatedDecisionMaking.description.lt);
    }
  });

  it('refuses Art. 15 information whose text lacks Lithuanian, at compile time and when validated', () => {
    // @ts-expect-error a text without `lt` does not type-check: the missing language is a compile error.
    const englishOnly: LocalizedText = { en: 'Accounting' };
    const sheet = ART15_CONFIGS.softera!;
    const [first, ...rest] = sheet.purposes;
    const broken = { ...sheet, purposes: [{ ...first!, purpose: englishOnly }, ...rest] };
    expect(Art15InfoSchema.safeParse(broken).success).toBe(false);
    expect(Art15InfoSchema.safeParse(sheet).success).toBe(true);
    expect(() => validateArt15Sheets({ ...ART15_CONFIGS, softera: broken }, TENANT_CONFIGS.map((t) => t.id))).toThrow(/Tenant "softera" has invalid Art\. 15 information: purposes\.0\.purpose\.lt/);
  });
});
