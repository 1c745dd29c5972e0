import { describe, expect, it } from 'vitest';
import { createConsoleApp } from '#http/console/app.ts';
import type { ApiDeps } from '#http/deps.ts';
import { consoleApp, ORIGIN } from '../support/console-app.ts';

/**
 * The console function (functions/console) makes the API's deps on the first request that needs
 * them (issue 15: its init loads only sign-in, the session check and the error pages). Pages must
 * answer as they do with the deps made up front.
 */
describe('the console function’s deps, made on first need', () => {
  async function deferredConsole(failFirst = false) {
    const harness = await consoleApp();
    const caseId = await harness.newCase();
    let loads = 0;
    const errors: unknown[] = [];
    const loadDeps = async (): Promise<ApiDeps> => {
      loads += 1;
      if (failFirst && loads === 1) throw new Error('configuration missing');
      return harness.deps;
    };
    const app = createConsoleApp({ limits: harness.deps.limits, logError: (_id, error) => void errors.push(error) }, loadDeps, harness.deps.console);
    return { app, caseId, loads: () => loads, errors };
  }

  it('serves sign-in and the assets without making them, then pages with them, made once', async () => {
    const { app, caseId, loads } = await deferredConsole();
    const login = await app.request('/console/login');
    expect(login.status).toBe(200);
    expect((await app.request('/console/assets/console.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await app.request('/console/lang/en?next=/console')).status).toBe(303);
    expect(loads()).toBe(0);

    const loginCookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const signedIn = await app.request('/console/login/dev', {
      method: 'POST',
      headers: { cookie: loginCookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, tenant: 'softera', role: 'agent' }),
    });
    expect(signedIn.status).toBe(303);
    const cookie = `${signedIn.headers.getSetCookie().find((c) => c.startsWith('rd_session='))!.split(';')[0]!}; rd_lang=en`;
    const inbox = await app.request('/console', { headers: { cookie } });
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain(`/console/cases/${caseId}`);
    const casePage = await app.request(`/console/cases/${caseId}`, { headers: { cookie } });
    expect(casePage.status).toBe(200);
    expect(casePage.headers.get('content-security-policy')).toBeTruthy();
    expect(loads()).toBe(1);
    // Without a session a page still sends the visitor to sign in; an unknown path is the 404 page.
    expect((await app.request(`/console/cases/${caseId}`)).headers.get('location')).toBe(`/console/login?next=%2Fconsole%2Fcases%2F${caseId}`);
    expect((await app.request('/console/nothing-here', { headers: { accept: 'text/html' } })).status).toBe(404);
  });

  it('answers the error page with a correlation id when making them fails, and tries again on the next request', async () => {
    const { app, loads, errors } = await deferredConsole(true);
    const failed = await app.request('/console', { headers: { accept: 'text/html' } });
    expect(failed.status).toBe(500);
    expect(await failed.text()).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(String(errors[0])).toMatch(/configuration missing/);
    const retried = await app.request('/console');
    expect(retried.status).toBe(303);
    expect(retried.headers.get('location')).toBe('/console/login?next=%2Fconsole');
    expect(loads()).toBe(2);
  });
});
