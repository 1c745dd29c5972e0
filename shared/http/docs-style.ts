/**
 * The reference page's only style, inline; its hash is in the Content-Security-Policy (csp-policies.ts). A
 * module apart from docs-page.ts, so the headers every response carries (base-app.ts) do not bring
 * the page's renderer into each init: it loads with the first /docs (issue 15).
 */
export const DOCS_STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}code,pre{font-family:ui-monospace,monospace}pre{background:#f4f4f4;padding:1rem;overflow:auto;font-size:13px}.m{background:#1d4ed8;color:#fff;padding:0 .4rem;border-radius:3px;font-size:.8em}section{border-top:1px solid #ddd;padding-top:.5rem}';
