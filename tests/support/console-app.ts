import { expect } from 'vitest';
import { InMemoryConsoleSessions } from '#adapters/memory/console-sessions.ts';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { loadConsoleConfig } from '#config/console-config.ts';
import type { Case } from '#domain/case.ts';
import type { Notice } from '#domain/notices.ts';
import type { SubjectNotifier, WorkflowEngine } from '#ports/cases.ts';
import { partnerTokenVerifier, staffTokenVerifier, STAFF_ROLES } from '#http/auth.ts';
import { createApp } from '#http/app.ts';
import { consoleUiExtension } from '#http/console/app.ts';
import type { ApiDeps } from '#http/deps.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';
import { fixedClock, RecordingMailer } from './harness.ts';

export const ORIGIN = 'http://localhost';

/**
 * The console and the staff API on in-memory adapters for softera, signed in through the
 * development identity provider: the decisions the workflow was resumed with and the notices
 * the subject was sent are recorded, so tests see what left the system.
 */
export async function consoleApp(now = '2026-11-23T09:00:00Z') {
  const issuer = await ephemeralIssuer();
  const repo = new InMemoryCaseRepository();
  const decisions: Array<Record<string, unknown>> = [];
  const notices: Array<{ caseId: string; notice: Notice }> = [];
  const workflows: WorkflowEngine = { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async (_token, output) => void decisions.push(output) };
  const notifier: SubjectNotifier = { notify: async (c: Case, notice: Notice) => (notices.push({ caseId: c.id, notice }), { channel: c.channel }) };
  const auth = { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks };
  const clock = fixedClock(now);
  let n = 0;
  const deps = {
    tenants: tenantRegistry,
    repo,
    mailer: new RecordingMailer(),
    clock,
    ids: { caseId: () => `case-${++n}` },
    verifyPartnerToken: partnerTokenVerifier(auth),
    verifyStaffToken: staffTokenVerifier(auth),
    limits: { maxBodyBytes: 64 * 1024 },
    workflows,
    notifier,
    console: {
      config: { ...loadConsoleConfig({ CONSOLE_AUTH: 'dev', CONSOLE_SESSION_SECRET: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c' }), secureCookies: false },
      sessions: new InMemoryConsoleSessions(),
      devIdp: {
        staff: STAFF_ROLES.map((role) => ({ tenantId: 'softera', tenantName: 'Softera Baltic', role, userId: `${role}@softera.local` })),
        mint: (tenantId, role) => issuer.mintStaffToken({ tenant: tenantId, role }),
      },
    },
  } satisfies ApiDeps;
  const app = createApp(deps, [consoleUiExtension(deps, deps.console)]);
  const signIn = async (role: 'agent' | 'approver' | 'admin', lang: 'lt' | 'en' = 'en') => {
    const login = await app.request('/console/login');
    const loginCookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const response = await app.request('/console/login/dev', {
      method: 'POST',
      headers: { cookie: loginCookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, tenant: 'softera', role }),
    });
    expect(response.status).toBe(303);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('rd_session='))!;
    // The session cookie is never readable by page scripts and is not sent on cross-site posts.
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const session = setCookie.split(';')[0]!;
    const cookie = `${session}; rd_lang=${lang}`;
    const page = await (await app.request('/console', { headers: { cookie } })).text();
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)![1]! };
  };
  const staffToken = (role: 'agent' | 'approver' | 'admin') => issuer.mintStaffToken({ tenant: 'softera', role });
  const partner = await issuer.mintPartnerToken({ tenant: 'softera' });
  const newCase = async (name = 'Ona Petraitienė', language: 'lt' | 'en' = 'en') => {
    const created = await app.request('/v1/requests', {
      method: 'POST',
      headers: { authorization: `Bearer ${partner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rights: [{ type: 'access' }], subject: { name, email: 'ona@example.lt' }, language }),
    });
    expect(created.status).toBe(201);
    return ((await created.json()) as { id: string }).id;
  };
  const post = (path: string, cookie: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return app.request(path, { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body });
  };
  return { app, repo, deps, clock, decisions, notices, signIn, staffToken, newCase, post };
}
