import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UnknownTenantError } from '#domain/errors.ts';
import { art15Of } from '#tenants/art15.ts';
import { bajtelTenant } from '#tenants/bajtel.ts';
import { gautoraTenant } from '#tenants/gautora.ts';
import { legalbalanceTenant } from '#tenants/legalbalance.ts';
import { lytagraTenant } from '#tenants/lytagra.ts';
import { findTenantByMailbox, getTenant, listTenants } from '#tenants/registry.ts';
import { TENANT_CONFIGS } from '#tenants/seed-list.ts';
import { createTenantRegistry, TenantConfigurationError } from '#tenants/validation.ts';
import { type DeadlinePolicy, type TenantConfig, TenantSchema } from '#domain/tenant-policy.ts';
import { softeraTenant } from '#tenants/softera.ts';

/** The seed policies (docs/policies/README.md); a `source` must cite one of these by number. */
const SEEDS: Record<string, string> = {
  '000': '000_91c785cb293c78a7.txt',
  '001': '001_604cd0b74ccd7c48.txt',
  '002': '002_850efd3707eb4c62.txt',
  '003': '003_7ae8af62d60f547f.txt',
  '004': '004_1452da6758f664c1.txt',
};
/** The policy texts ship with the repository (docs/policies, origin in its README). */
const SEEDS_DIR = fileURLToPath(new URL('../../docs/policies/', import.meta.url));

/** docs/design.md §1.4's per-controller table, written out independently of the tenant files. */
type Expected = {
  answer: DeadlinePolicy['answer'][number]['period'][];
  invalidRequestNotice: DeadlinePolicy['answer'][number]['period'] | null;
  directMarketingObjection: DeadlinePolicy['answer'][number]['period'] | null;
  restartOnRevisedRequest: boolean;
};
const DESIGN_TABLE: Record<string, Expected> = {
  softera: { answer: [{ unit: 'months', amount: 1 }], invalidRequestNotice: null, directMarketingObjection: null, restartOnRevisedRequest: false },
  legalbalance: { answer: [{ unit: 'months', amount: 1 }], invalidRequestNotice: null, directMarketingObjection: null, restartOnRevisedRequest: true },
  bajtel: { answer: [{ unit: 'months', amount: 1 }], invalidRequestNotice: null, directMarketingObjection: null, restartOnRevisedRequest: false },
  gautora: {
    answer: [{ unit: 'months', amount: 1 }, { unit: 'days', amount: 30 }],
    invalidRequestNotice: { unit: 'working_days', amount: 14 },
    directMarketingObjection: null,
    restartOnRevisedRequest: false,
  },
  lytagra: { answer: [{ unit: 'days', amount: 30 }], invalidRequestNotice: null, directMarketingObjection: { unit: 'hours', amount: 72 }, restartOnRevisedRequest: false },
};

/** Every `source` string anywhere in a config, with the path it was found at. */
function sourcesOf(value: unknown, path = ''): { path: string; source: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => sourcesOf(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'source' && typeof child === 'string' ? [{ path: `${path}.source`, source: child }] : sourcesOf(child, `${path}.${key}`),
  );
}

/** The tenant with its Art. 15 information (kept apart, art15-list.ts), which cites the same policy. */
const withArt15 = (tenant: TenantConfig) => ({ ...tenant, art15: art15Of(tenant.id) });

function withChanges(base: TenantConfig, changes: Partial<TenantConfig>): TenantConfig {
  return { ...base, ...changes };
}

describe('tenant configurations', () => {
  it('parses all five seed controllers with TenantSchema', () => {
    // Prepare / Act
    const ids = TENANT_CONFIGS.map((config) => TenantSchema.parse(config).id);

    // Assess
    expect(ids).toEqual(['softera', 'legalbalance', 'bajtel', 'gautora', 'lytagra']);
  });

  it('gives each tenant a unique id, reference prefix and mailbox', () => {
    const tenants = listTenants();

    expect(new Set(tenants.map((t) => t.id)).size).toBe(5);
    expect(new Set(tenants.map((t) => t.mailbox.toLowerCase())).size).toBe(5);
    expect(Object.fromEntries(tenants.map((t) => [t.id, t.referencePrefix]))).toEqual({
      softera: 'SOF',
      legalbalance: 'LGB',
      bajtel: 'BAJ',
      gautora: 'GAU',
      lytagra: 'LYT',
    });
  });

  it.each(Object.entries(DESIGN_TABLE))('matches the docs/design.md §1.4 deadline table for %s', (id, expected) => {
    const { deadlines } = getTenant(id);

    expect(deadlines.answer.map((rule) => rule.period)).toEqual(expected.answer);
    expect(deadlines.extension.total).toEqual({ unit: 'months', amount: 3 });
    expect(deadlines.extension.noticeRequired).toBe(true);
    expect(deadlines.invalidRequestNotice?.period ?? null).toEqual(expected.invalidRequestNotice);
    expect(deadlines.directMarketingObjection?.period ?? null).toEqual(expected.directMarketingObjection);
    expect(deadlines.restartOnRevisedRequest.applies).toBe(expected.restartOnRevisedRequest);
  });

  it('requires a qualified e-signature, not an ID copy, for Gautora e-mail and refuses scanned signatures', () => {
    const { identity } = getTenant('gautora');

    expect(identity.byChannel.email.acceptedMethods).toContain('qes');
    expect(identity.byChannel.email.acceptedMethods).not.toContain('id_document');
    expect(identity.byChannel.email.acceptedMethods).not.toContain('email_control');
    expect(identity.scannedSignatureAccepted).toBe(false);
    expect(identity.byChannel.post.acceptedMethods).toEqual(['id_document']);
  });

  it('uses the repeat rules the policies set: one free copy a year for Gautora, six months for Lytagra', () => {
    expect(getTenant('gautora').repeats).toMatchObject({ kind: 'free_per_calendar_year', count: 1, rights: ['access'] });
    expect(getTenant('lytagra').repeats).toMatchObject({ kind: 'min_interval_months', months: 6, rights: ['access'] });
    for (const id of ['softera', 'legalbalance', 'bajtel']) expect(getTenant(id).repeats.kind).toBe('excessive_only');
  });

  it.each(listTenants().map((t) => [t.id, t] as const))('cites only its own seed policy in every source of %s', (_id, tenant) => {
    const seed = Object.keys(SEEDS).find((n) => tenant.policyDocument.endsWith(SEEDS[n] ?? '\0'));
    const sources = sourcesOf(withArt15(tenant));

    expect(seed).toBeDefined();
    expect(sources.length).toBeGreaterThan(10);
    for (const { path, source } of sources) {
      expect(source, path).toMatch(/^00[0-4] §\d+(\.\d+)*/);
      expect(source.slice(0, 3), path).toBe(seed);
    }
  });

  it.each(listTenants().map((t) => [t.id, t] as const))('cites only clauses that exist in the policy text of %s', (_id, tenant) => {
    expect(existsSync(SEEDS_DIR), `the policy texts must ship in ${SEEDS_DIR}`).toBe(true);
    const files = readdirSync(SEEDS_DIR);
    const file = files.find((f) => tenant.policyDocument.endsWith(f));
    expect(file, tenant.policyDocument).toBeDefined();
    const text = readFileSync(join(SEEDS_DIR, file ?? ''), 'utf8');

    for (const { path, source } of sourcesOf(withArt15(tenant))) {
      for (const [, clause] of source.matchAll(/§(\d+(?:\.\d+)*)/g)) {
        const pattern = new RegExp(`^\\s*${clause?.replaceAll('.', '\\.')}(\\.|\\s|[A-Za-z])`, 'm');
        expect(pattern.test(text), `${path}: ${source}`).toBe(true);
      }
    }
  });

  it('lists at least three Art. 15 purposes, each with categories, for every tenant', () => {
    for (const tenant of listTenants()) {
      const { purposes } = art15Of(tenant.id);
      expect(purposes.length, tenant.id).toBeGreaterThanOrEqual(3);
      for (const purpose of purposes) expect(purpose.dataCategories.length, purpose.purpose.en).toBeGreaterThan(0);
    }
  });

  it('lets Lytagra act on a direct marketing objection without identity (004 §3.4.3, §3.7: 72 hours)', () => {
    expect(getTenant('lytagra').identity.notRequiredFor).toEqual(['information', 'direct_marketing_objection']);
    expect(getTenant('gautora').identity.notRequiredFor).toEqual(['information']);
  });

  it('answers Art. 13/14 information requests without identity and keeps four-eyes approval on', () => {
    for (const tenant of listTenants()) {
      expect(tenant.identity.notRequiredFor, tenant.id).toContain('information');
      expect(tenant.approvals.fourEyes, tenant.id).toBe(true);
      expect(tenant.supervisoryAuthority.website).toBe('https://vdai.lrv.lt');
    }
  });
});

describe('tenant registry', () => {
  it('finds a tenant by mailbox whatever the letter case or angle brackets', () => {
    expect(findTenantByMailbox('DUOMENYS@LegalBalance.LT')?.id).toBe('legalbalance');
    expect(findTenantByMailbox(' <Sales@Gautora.lt> ')?.id).toBe('gautora');
    expect(findTenantByMailbox('nobody@example.lt')).toBeUndefined();
  });

  it('throws UnknownTenantError from get and returns undefined from find when the id is unknown', () => {
    const registry = createTenantRegistry(TENANT_CONFIGS);

    expect(() => registry.get('nosuch')).toThrow(UnknownTenantError);
    expect(registry.find('nosuch')).toBeUndefined();
    expect(registry.get('lytagra').referencePrefix).toBe('LYT');
  });

  it('serves a registry built from a custom list', () => {
    const registry = createTenantRegistry([softeraTenant, gautoraTenant]);

    expect(registry.list().map((t) => t.id)).toEqual(['softera', 'gautora']);
    expect(registry.find('bajtel')).toBeUndefined();
  });

  it('rejects two tenants with the same id', () => {
    const clone = withChanges(bajtelTenant, { mailbox: 'other@eleme.lt', referencePrefix: 'BAX' });

    expect(() => createTenantRegistry([bajtelTenant, clone])).toThrow(/same id "bajtel"/);
  });

  it('rejects two tenants with the same mailbox, compared case-insensitively', () => {
    const clone = withChanges(lytagraTenant, { id: 'lytagra2', referencePrefix: 'LYX', mailbox: 'BDAR@lytagra.lt' });

    expect(() => createTenantRegistry([lytagraTenant, clone])).toThrow(/same mailbox "bdar@lytagra.lt"/);
  });

  it('rejects two tenants with the same reference prefix', () => {
    const clone = withChanges(legalbalanceTenant, { id: 'legalbalance2', mailbox: 'other@legalbalance.lt' });

    expect(() => createTenantRegistry([legalbalanceTenant, clone])).toThrow(/same reference prefix "LGB"/);
  });

  it('names the tenant when its configuration is invalid', () => {
    const broken = withChanges(softeraTenant, { referencePrefix: 'sof' });

    expect(() => createTenantRegistry([broken])).toThrow(TenantConfigurationError);
    expect(() => createTenantRegistry([broken])).toThrow(/Tenant "softera" .*referencePrefix/);
  });

  it('hands out frozen configuration so one caller cannot change another tenant’s rules', () => {
    const tenant = getTenant('gautora');

    expect(Object.isFrozen(tenant.deadlines.answer)).toBe(true);
    expect(Object.isFrozen(tenant.identity.byChannel.email.acceptedMethods)).toBe(true);
  });
});
