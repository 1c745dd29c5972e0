import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConsoleConfig } from '#config/console-config.ts';
import { updateCase } from '#domain/workflow.ts';
import { consoleApp as sharedConsoleApp, ORIGIN } from '../support/console-app.ts';

/** The shared console harness with one partner case already open. */
async function consoleApp() {
  const harness = await sharedConsoleApp();
  return { ...harness, caseId: await harness.newCase() };
}

describe('console pages', () => {
  it('ends the session on the server at sign-out: the same cookie replayed is sent to sign in', async () => {
    const { app, signIn } = await consoleApp();
    const { cookie, csrf } = await signIn('agent');
    expect((await app.request('/console', { headers: { cookie } })).status).toBe(200);
    const out = await app.request('/console/logout', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf }) });
    expect(out.status).toBe(303);
    const replayed = await app.request('/console', { headers: { cookie } });
    expect(replayed.status).toBe(303);
    expect(replayed.headers.get('location')).toMatch(/^\/console\/login/);
    const replayedPost = await app.request('/console/logout', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf }) });
    expect(replayedPost.status).toBe(401);
  });

  it('lasts at most 8 hours (a longer CONSOLE_SESSION_HOURS is refused at start)', () => {
    expect(loadConsoleConfig({ CONSOLE_AUTH: 'dev', CONSOLE_SESSION_SECRET: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c' }).sessionTtlSeconds).toBe(8 * 3600);
    expect(() => loadConsoleConfig({ CONSOLE_AUTH: 'dev', CONSOLE_SESSION_SECRET: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c', CONSOLE_SESSION_HOURS: '9' })).toThrow(/CONSOLE_SESSION_HOURS/);
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    const { app } = await consoleApp();
    const response = await app.request('/console/cases/abc');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/console/login?next=%2Fconsole%2Fcases%2Fabc');
  });

  it('lists the tenant’s open cases with days left when signed in', async () => {
    const { app, signIn } = await consoleApp();
    const { cookie } = await signIn('agent');
    const html = await (await app.request('/console', { headers: { cookie, 'accept-language': 'en' } })).text();
    expect(html).toContain('SOF-2026-000001');
    expect(html).toMatch(/chip ok">\d+ d left/);
  });

  it('refuses a sign-in form without the browser’s login cookie, and a POST from another origin', async () => {
    const { app, signIn, caseId } = await consoleApp();
    const noCookie = await app.request('/console/login/dev', { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: 'x'.repeat(32), tenant: 'softera', role: 'admin' }) });
    expect(noCookie.status).toBe(403);
    const { cookie, csrf } = await signIn('agent');
    const crossSite = await app.request(`/console/cases/${caseId}/decide`, { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, step: 'approval', decision: 'approve' }) });
    expect(crossSite.status).toBe(403);
  });

  it('shows the four-eyes refusal on the case page when the drafter approves their own answer', async () => {
    const { app, repo, decisions, signIn, caseId } = await consoleApp();
    const c = (await repo.getCase('softera', caseId))!;
    const now = new Date('2026-11-23T09:00:00Z');
    const waiting = updateCase({ ...c, status: 'awaiting_approval' }, now, { waiting: { step: 'approval', taskToken: 't-1', since: now.toISOString() }, draft: { body: 'Your data.', draftedBy: 'approver@softera.local', draftedAt: now.toISOString() } }, []);
    await repo.saveCase(waiting.case, waiting.events);
    const { cookie, csrf } = await signIn('approver');
    const response = await app.request(`/console/cases/${caseId}/decide`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      body: new URLSearchParams({ _csrf: csrf, step: 'approval', decision: 'approve' }),
    });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Four-eyes: the answer must be approved by someone other than the person who drafted it.');
    expect(decisions).toEqual([]);
  });

  it('records an extension with its reasons and resumes the workflow when an agent submits the form', async () => {
    const { app, repo, decisions, signIn, caseId } = await consoleApp();
    const c = (await repo.getCase('softera', caseId))!;
    const now = new Date('2026-11-23T09:00:00Z');
    const waiting = updateCase({ ...c, status: 'in_progress' }, now, { waiting: { step: 'answer_draft', taskToken: 't-2', since: now.toISOString() } }, []);
    await repo.saveCase(waiting.case, waiting.events);
    const { cookie, csrf } = await signIn('agent');
    const response = await app.request(`/console/cases/${caseId}/decide`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, step: 'answer_draft', decision: 'extend', reasons: 'Three archives\r\nMany records' }),
    });
    expect(response.status).toBe(303);
    expect(decisions).toEqual([{ decision: 'extend', reasons: ['Three archives', 'Many records'] }]);
    const events = await repo.listEvents('softera', caseId);
    expect(events.at(-1)).toMatchObject({ type: 'decision.extend', actor: { kind: 'staff', id: 'agent@softera.local' } });
  });
});

describe('Content-Security-Policy on every page', () => {
  /** Each inline <style> must be allowed by its hash; no inline script, handler or style attribute. */
  const checkPage = (html: string, csp: string | null) => {
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/frame-ancestors 'none'/);
    for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(css!, 'utf8').digest('base64')}'`);
    }
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  };

  it('covers the console (signed out and in), /docs, problem pages and 404s', async () => {
    const { app, signIn, caseId } = await consoleApp();
    const { cookie } = await signIn('agent');
    for (const [path, headers] of [
      ['/console/login', {}],
      ['/console', { cookie }],
      [`/console/cases/${caseId}`, { cookie }],
      ['/console/unprocessed', { cookie }],
      ['/docs', {}],
      ['/problems/not-found', {}],
      ['/no/such/page', {}],
    ] as const) {
      const res = await app.request(path, { headers });
      expect(res.status, path).toBeLessThan(500);
      checkPage(await res.text(), res.headers.get('content-security-policy'));
    }
  });
});
