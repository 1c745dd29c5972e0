import { markdownBlocks, markdownInline } from './docs-markdown.ts';
import { DOCS_STYLE } from './docs-style.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface Operation {
  summary?: string;
  description?: string;
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string }>;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description: string }>;
}

/**
 * A self-contained, readable API reference rendered from the OpenAPI document: no CDN, no
 * script, so it works offline and inside a locked-down Lambda.
 */
export function renderDocsPage(doc: Record<string, unknown>): string {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
  const operations = Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = (op.parameters ?? [])
        .map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''})${p.description ? ` — ${markdownInline(p.description)}` : ''}</li>`)
        .join('');
      const body = op.requestBody ? Object.values(op.requestBody.content)[0]?.schema.$ref?.split('/').pop() : undefined;
      const responses = Object.entries(op.responses)
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${markdownInline(r.description)}</li>`)
        .join('');
      return `<section id="${esc(op.operationId ?? path)}"><h3><span class="m">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p>${markdownInline(op.summary ?? '')}</p>${op.description ? markdownBlocks(op.description) : ''}${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}${body ? `<h4>Body</h4><p><a href="#schema-${esc(body)}">${esc(body)}</a></p>` : ''}
<h4>Responses</h4><ul>${responses}</ul></section>`;
    }),
  );
  // tabindex: a block that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
  const schemaBlocks = Object.entries(schemas)
    .map(([name, schema]) => `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3><pre tabindex="0">${esc(JSON.stringify(schema, null, 2))}</pre></section>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} reference</title>
<style>${DOCS_STYLE}</style>
</head><body><main><h1>${esc(info.title)} <small>v${esc(info.version)}</small></h1>
${markdownBlocks(info.description)}<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Operations</h2>${operations.join('')}<h2>Schemas</h2>${schemaBlocks}</main></body></html>`;
}
