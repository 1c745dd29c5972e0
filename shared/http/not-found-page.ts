import type { Context } from 'hono';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A browser asking for a page (HTML first in `Accept`), not a client of the JSON APIs. */
export const wantsHtml = (c: Context) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false;
  if (c.req.path.startsWith('/v1/') || c.req.path.startsWith('/console/api/')) return false;
  return /^\s*text\/html/i.test(c.req.header('accept') ?? '');
};

/**
 * The 404 a person sees: an HTML page in Lithuanian (English when the browser prefers it),
 * never raw problem JSON. API clients keep their `application/problem+json`.
 */
export function notFoundPage(c: Context): Response {
  const en = /^\s*en\b/i.test(c.req.header('accept-language') ?? '');
  const lang = en ? 'en' : 'lt';
  const title = en ? 'Page not found' : 'Puslapis nerastas';
  const detail = en ? `There is no page at ${c.req.path}.` : `Adresu ${c.req.path} puslapio nėra.`;
  const links = en
    ? '<a href="/console">Staff console</a> · <a href="/docs">API reference</a>'
    : '<a href="/console">Darbuotojų konsolė</a> · <a href="/docs">API aprašas</a>';
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${escapeHtml(detail)}</p><p>${links}</p></main></body></html>`;
  return c.html(html, 404);
}
