import { createHash } from 'node:crypto';

/** The CSP source that allows one inline `<style>` block: its SHA-256, e.g. `'sha256-…'`. */
export function inlineStyleSource(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/**
 * Content-Security-Policy for every page we serve (console, /docs, problem pages, the web form,
 * 404s): scripts and styles only from our own origin, plus the exact inline `<style>` blocks we
 * wrote (by hash, never 'unsafe-inline'); no plugins, no framing, no `<base>`, forms post only
 * to us. The console's script and stylesheet are files under /console/assets.
 * `styleSources` are the blocks' hashes (`inlineStyleSource`); the constant policies and sources
 * are computed when the bundle is built (csp-policies.ts), so no function hashes at init.
 * Example: `contentSecurityPolicy([inlineStyleSource(DOCS_STYLE)])` →
 * `"default-src 'none'; script-src 'self'; style-src 'self' 'sha256-…'; …"`.
 */
export function contentSecurityPolicy(styleSources: readonly string[] = [], frameAncestors: readonly string[] = ["'none'"]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${["'self'", ...styleSources].join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}
