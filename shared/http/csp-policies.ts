import { contentSecurityPolicy, inlineStyleSource } from './csp.ts';
import { DOCS_STYLE } from './docs-style.ts';
import { FORM_STYLE } from './forms/form-style.ts';

/**
 * The constant Content-Security-Policy values (the rule is csp.ts): the policy of every page the
 * API, console and fulfilment apps serve (base-app.ts: /docs' inline style), and the web form's
 * style source (forms-app.tsx adds each tenant's frame-ancestors per request).
 *
 * A Lambda bundle holds this module's values, not its code: the deploy's esbuild plugin
 * (infra/build-time-modules.mjs) computes them when the bundle is built, so no function hashes
 * its constant styles with node:crypto at init (issue 15: ~0.4 ms of each HTTP function's init).
 */
export const PAGE_CSP: string = contentSecurityPolicy([inlineStyleSource(DOCS_STYLE)]);

/** The web form's one inline style, by hash. */
export const FORM_STYLE_SOURCE: string = inlineStyleSource(FORM_STYLE);
