import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineStyleSource } from '#http/csp.ts';
import { FORM_STYLE_SOURCE, PAGE_CSP } from '#http/csp-policies.ts';
import { DOCS_STYLE } from '#http/docs-style.ts';
import { FORM_STYLE } from '#http/forms/form-style.ts';

const sha256 = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

// The constant values are computed when a Lambda bundle is built (infra/build-time-modules.mjs);
// they must be what the rule (csp.ts) gives now.
describe('Content-Security-Policy (shared/http/csp.ts, csp-policies.ts)', () => {
  it('the pages’ policy allows only our origin and the /docs inline style, by hash; no framing', () => {
    expect(PAGE_CSP).toBe(contentSecurityPolicy([inlineStyleSource(DOCS_STYLE)]));
    expect(PAGE_CSP).toContain(`style-src 'self' ${sha256(DOCS_STYLE)};`);
    expect(PAGE_CSP).toContain("frame-ancestors 'none';");
    expect(PAGE_CSP).not.toContain('unsafe-inline');
  });

  it('the web form’s style source is its style’s hash, and the policy takes the tenant’s frame ancestors', () => {
    expect(FORM_STYLE_SOURCE).toBe(sha256(FORM_STYLE));
    const policy = contentSecurityPolicy([FORM_STYLE_SOURCE], ["'self'", 'https://www.bajtel.lt']);
    expect(policy).toContain(`style-src 'self' ${sha256(FORM_STYLE)};`);
    expect(policy).toContain("frame-ancestors 'self' https://www.bajtel.lt;");
  });
});
