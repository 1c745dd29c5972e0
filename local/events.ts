import { readFile } from 'node:fs/promises';

/**
 * Loads a sample event from `events/` and fills its placeholders: `{{partnerToken:<tenant>}}`
 * with a freshly minted token and `{{caseId}}` with the given id. Shared by `npm run invoke`
 * and the handler tests, so the samples stay runnable.
 */
export async function loadEvent(
  file: string,
  fill: { partnerToken: (tenant: string) => Promise<string>; caseId?: string },
): Promise<Record<string, unknown>> {
  let text = await readFile(file, 'utf8');
  const tenants = new Set([...text.matchAll(/\{\{partnerToken:([a-z0-9]+)\}\}/g)].map((m) => m[1] as string));
  for (const tenant of tenants) text = text.replaceAll(`{{partnerToken:${tenant}}}`, await fill.partnerToken(tenant));
  if (text.includes('{{caseId}}')) {
    if (!fill.caseId) throw new Error(`${file} needs a case id (--case-id).`);
    text = text.replaceAll('{{caseId}}', fill.caseId);
  }
  return JSON.parse(text) as Record<string, unknown>;
}
