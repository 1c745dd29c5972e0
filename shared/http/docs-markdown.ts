/**
 * The Markdown of the OpenAPI document's descriptions, as HTML for `/docs`. The descriptions use
 * CommonMark code spans and paragraphs only, so this renders just those, in a few hundred bytes
 * instead of a 54 KB parser in the API bundle. tests/unit/docs-markdown.test.ts renders every
 * description of the served document with `marked` (CommonMark) as well and requires the same
 * HTML, so a description using more of Markdown fails that test rather than showing raw syntax.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

/** One line of Markdown (a summary, a parameter's description): code spans, everything else escaped. */
export function markdownInline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
}

/** Paragraphs separated by blank lines, each with its code spans. */
export function markdownBlocks(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${markdownInline(paragraph.trim())}</p>\n`)
    .join('');
}
