import { InMemoryConsoleSessions } from '#adapters/memory/console-sessions.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryValidationReportStore } from '#adapters/memory/validation-report-store.ts';
import { loadConsoleConfig } from '#config/console-config.ts';
import { partnerTokenVerifier, staffTokenVerifier, STAFF_ROLES } from '#http/auth.ts';
import { createApp } from '#http/app.ts';
import { consoleUiExtension } from '#http/console/app.ts';
import type { ApiDeps } from '#http/deps.ts';
import { Certificate } from '#signatures/certificate.ts';
import { loadTrustedList } from '#signatures/trusted-list.ts';
import { verifySignedFile } from '#signatures/verify-file.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { validationReportOf } from '#usecases/identity/verify-qes-attachments.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';
import { fixedClock, RecordingMailer } from '../support/harness.ts';

/**
 * The ETSI reports kept at intake, as staff reach them: listed with the indication in plain
 * words on the case page's identity section, downloadable there (console session) and through
 * the staff JSON API (bearer token), and nowhere for another tenant. The reports are made from
 * real files (digidoc4j's DDOC test files) the way the intake makes them.
 */
const DD = fileURLToPath(new URL('../fixtures/libdigidocpp/', import.meta.url));
const RW = fileURLToPath(new URL('../fixtures/real-world/digidoc4j/', import.meta.url));
const ORIGIN = 'http://localhost';
const NOW = new Date('2026-11-23T09:00:00Z');

async function setup() {
  const issuer = await ephemeralIssuer();
  const auth = { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks };
  const validationReports = new InMemoryValidationReportStore();
  const deps = {
    tenants: tenantRegistry,
    repo: new InMemoryCaseRepository(),
    mailer: new RecordingMailer(),
    clock: fixedClock(NOW.toISOString()),
    ids: { caseId: () => 'case-1' },
    verifyPartnerToken: partnerTokenVerifier(auth),
    verifyStaffToken: staffTokenVerifier(auth),
    limits: { maxBodyBytes: 64 * 1024 },
    workflows: { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async () => undefined },
    validationReports,
    console: {
      sessions: new InMemoryConsoleSessions(),
      config: { ...loadConsoleConfig({ CONSOLE_AUTH: 'dev', CONSOLE_SESSION_SECRET: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c' }), secureCookies: false },
      devIdp: {
        staff: STAFF_ROLES.map((role) => ({ tenantId: 'softera', tenantName: 'Softera Baltic', role, userId: `${role}@softera.local` })),
        mint: (tenantId: string, role: (typeof STAFF_ROLES)[number]) => issuer.mintStaffToken({ tenant: tenantId, role }),
      },
    },
  } satisfies ApiDeps;
  const app = createApp(deps, [consoleUiExtension(deps, deps.console)]);
  const partner = await issuer.mintPartnerToken({ tenant: 'softera' });
  await app.request('/v1/requests', {
    method: 'POST',
    headers: { authorization: `Bearer ${partner}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' }, language: 'lt' }),
  });
  const trustedList = loadTrustedList(readFileSync(`${DD}EE_T.xml`), Certificate.fromPemOrDer(readFileSync(`${DD}TSL.crt`)));
  const reports = [];
  for (const name of ['ddoc_for_testing.ddoc', 'changed_digidoc_test.ddoc']) {
    const bytes = new Uint8Array(readFileSync(RW + name));
    const verdict = await verifySignedFile({ bytes, fileName: name, trustedList, at: NOW });
    const { summary, xml } = validationReportOf(verdict, name, bytes, NOW);
    await validationReports.save('softera', 'case-1', summary, xml);
    reports.push(summary);
  }
  const signIn = async () => {
    const login = await app.request('/console/login');
    const loginCookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const response = await app.request('/console/login/dev', {
      method: 'POST',
      headers: { cookie: loginCookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, tenant: 'softera', role: 'agent' }),
    });
    return response.headers.getSetCookie().find((c) => c.startsWith('rd_session='))!.split(';')[0]!;
  };
  const bearer = (tenant: string) => issuer.mintStaffToken({ tenant, role: 'agent' });
  return { app, reports, signIn, bearer };
}

describe('ETSI validation reports on the case page and in the staff API', () => {
  it('shows each judged file with its ETSI indication, level and the indication in plain Lithuanian and English', async () => {
    const { app, signIn } = await setup();
    const cookie = await signIn();
    const lt = await (await app.request('/console/cases/case-1', { headers: { cookie, 'accept-language': 'lt' } })).text();
    expect(lt).toContain('Parašų patikros rezultatai (ETSI EN 319 102-1)');
    expect(lt).toMatch(/ddoc_for_testing\.ddoc[\s\S]*?TOTAL_PASSED[\s\S]*?QESig[\s\S]*?Galiojantis asmens kvalifikuotas elektroninis parašas\./);
    expect(lt).toMatch(/changed_digidoc_test\.ddoc[\s\S]*?TOTAL_FAILED \/ HASH_FAILURE[\s\S]*?NA[\s\S]*?Negaliojantis parašas: pasirašytas turinys pakeistas po pasirašymo\./);
    const en = await (await app.request('/console/cases/case-1', { headers: { cookie, 'accept-language': 'en' } })).text();
    expect(en).toContain('Valid qualified electronic signature of a person.');
    expect(en).toContain('Invalid signature: the signed content was changed after signing.');
  });

  it('offers each report as an XML download behind the console session', async () => {
    const { app, reports, signIn } = await setup();
    const href = `/console/cases/case-1/identity/reports/${reports[0]!.id}`;
    const anonymous = await app.request(href);
    expect(anonymous.status).toBe(303); // to the sign-in page
    const cookie = await signIn();
    const page = await (await app.request('/console/cases/case-1', { headers: { cookie } })).text();
    expect(page).toContain(`href="${href}"`);
    const res = await app.request(href, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="validation-report-ddoc_for_testing.ddoc.xml"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const xml = await res.text();
    expect(xml).toContain('urn:etsi:019102:mainindication:total-passed');
    expect(xml).toContain(reports[0]!.id);
    expect((await app.request('/console/cases/case-1/identity/reports/' + 'f'.repeat(64), { headers: { cookie } })).status).toBe(404);
    expect((await app.request('/console/cases/case-1/identity/reports/..%2F..%2Fetc', { headers: { cookie } })).status).toBe(404);
  });

  it('lists and serves the reports through the staff JSON API, and not to another tenant', async () => {
    const { app, reports, bearer } = await setup();
    const token = await bearer('softera');
    const list = await app.request('/console/api/cases/case-1/identity/reports', { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: Array<Record<string, unknown>> };
    expect(body.items).toHaveLength(2);
    expect(body.items.find((i) => i.fileName === 'ddoc_for_testing.ddoc')).toMatchObject({
      format: 'ddoc', indication: 'TOTAL_PASSED', subIndication: null, signatureLevel: 'QESig', provesIdentity: true,
      inWords: { en: 'Valid qualified electronic signature of a person.', lt: 'Galiojantis asmens kvalifikuotas elektroninis parašas.' },
      href: `/console/api/cases/case-1/identity/reports/${reports[0]!.id}`,
    });
    const xml = await app.request(`/console/api/cases/case-1/identity/reports/${reports[1]!.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(xml.status).toBe(200);
    expect(await xml.text()).toContain('urn:etsi:019102:mainindication:total-failed');
    const other = await bearer('gautora');
    const foreign = await app.request('/console/api/cases/case-1/identity/reports', { headers: { authorization: `Bearer ${other}` } });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await app.request(`/console/api/cases/case-1/identity/reports/${reports[0]!.id}`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(404);
  });
});
