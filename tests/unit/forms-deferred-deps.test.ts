import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import { createFormsAppDeferred, type FormsDeps } from '#http/forms/forms-app.tsx';
import { tenantRegistry } from '#tenants/registry.ts';

/**
 * The forms function (functions/forms) serves the form page from what init made, and makes the
 * rest of its deps (clients, repository, workflows) with the first request that needs them
 * (issue 15). A failure to make them is the form's own error page, and is tried again.
 */
describe('the forms function’s deps, made on first need', () => {
  it('opens the form without them, makes them for a submission, and retries after a failure', async () => {
    let loads = 0;
    const loadDeps = async (): Promise<FormsDeps> => {
      loads += 1;
      throw new Error('no table configured');
    };
    const page = { tenants: tenantRegistry, formTokens: new JoseFormTokens('s'.repeat(40)), frameAncestors: {} };
    const root = new Hono().route('/forms', createFormsAppDeferred(page, loadDeps));

    const form = await root.request('/forms/softera?lang=en');
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="formToken"');
    expect(form.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect((await root.request('/forms/nobody')).status).toBe(404);
    expect((await root.request('/forms/nobody/status?token=x')).status).toBe(404);
    expect(loads).toBe(0);

    const submitted = await root.request('/forms/softera?lang=en', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Ona&language=en' });
    expect(submitted.status).toBe(500);
    expect(await submitted.text()).toContain('Please try again later.');
    expect((await root.request('/forms/softera/status?token=x&lang=en')).status).toBe(500);
    expect(loads).toBe(2);
  });
});
