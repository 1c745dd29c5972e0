import { createHash } from 'node:crypto';

/**
 * Content-Security-Policy for every page we serve (console, /docs, problem pages, the web form,
 * 404s): scripts and styles only from our own origin, plus the exact inline `<style>` blocks we
 * wrote (by hash, never 'unsafe-inline'); no plugins, no framing, no `<base>`, forms post only
 * to us. The console's script and stylesheet are files under /console/assets.
 * Example: `contentSecurityPolicy([DOCS_STYLE])` →
 * `"default-src 'none'; script-src 'self'; style-src 'self' 'sha256-…'; …"`.
 */
export function contentSecurityPolicy(inlineStyles: readonly string[] = [], frameAncestors: readonly string[] = ["'none'"]): string {
  const styles = ["'self'", ...inlineStyles.map((css) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`)];
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styles.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}
