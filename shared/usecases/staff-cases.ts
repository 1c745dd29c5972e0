import type { Case } from '#domain/case.ts';
import { NotFoundError } from '#domain/errors.ts';
import type { CaseMessage } from '#domain/mail.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';
import type { CaseRepository } from '#ports/cases.ts';
import { foldLithuanian } from '#domain/text.ts';

const MAX_RESULTS = 20;
/** Name search reads at most this many open cases (10 index pages), never the whole table. */
const NAME_SEARCH_BUDGET = 1000;
const PAGE = 100;
const REFERENCE = /^[A-Za-z]{3}-\d{4}-\d{6}$/;

/**
 * Finds a tenant's cases for staff by reference, e-mail address or name.
 *
 * Primary course: a reference is a direct lookup (reference item) → an e-mail address is the
 * subject index (GSI3) → a name is the subject index for name-only subjects, then a bounded walk
 * of the open-cases index (GSI2, at most NAME_SEARCH_BUDGET cases) matching every name token.
 * Example: `await searchCases({ repo }, { tenantId: 'softera', q: 'SOF-2026-000001' })`.
 */
export async function searchCases(deps: { readonly repo: CaseRepository }, input: { readonly tenantId: string; readonly q: string }): Promise<Case[]> {
  const q = input.q.trim();
  if (q === '') return [];
  if (REFERENCE.test(q)) {
    const id = await deps.repo.findCaseIdByReference(input.tenantId, q.toUpperCase());
    const found = id ? await deps.repo.getCase(input.tenantId, id) : null;
    return found ? [found] : [];
  }
  if (q.includes('@')) return bySubjectKey(deps.repo, input.tenantId, `email:${q.toLowerCase()}`);

  const name = q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
  const exact = await bySubjectKey(deps.repo, input.tenantId, `name:${name}`);
  const tokens = foldLithuanian(name).split(' ').filter(Boolean);
  const found = new Map(exact.map((c) => [c.id, c]));
  let cursor: string | null = null;
  for (let read = 0; read < NAME_SEARCH_BUDGET && found.size < MAX_RESULTS; read += PAGE) {
    const page = await deps.repo.listOpen(input.tenantId, { limit: PAGE, cursor });
    for (const c of page.items) {
      const hay = foldLithuanian(c.subject.name);
      if (tokens.every((t) => hay.includes(t))) found.set(c.id, c);
    }
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return [...found.values()].slice(0, MAX_RESULTS);
}

async function bySubjectKey(repo: CaseRepository, tenantId: string, subjectKey: string): Promise<Case[]> {
  const earlier = await repo.findBySubject(tenantId, subjectKey, MAX_RESULTS);
  const cases = await Promise.all(earlier.map((e) => repo.getCase(tenantId, e.id)));
  return cases.filter((c): c is Case => c !== null);
}

export interface CaseMessagesDeps {
  readonly repo: CaseRepository;
  readonly messages: MessageStore;
  readonly inboundMail?: BlobStore;
  readonly evidence?: BlobStore;
}

/**
 * Every message in and out of a case, oldest first, with its raw MIME (read from S3 when it was
 * too large for the table). Another tenant's case is not found.
 */
export async function listCaseMessages(deps: CaseMessagesDeps, input: { readonly tenantId: string; readonly caseId: string }): Promise<Array<Omit<CaseMessage, 'raw'> & { raw: string | null }>> {
  const c = await deps.repo.getCase(input.tenantId, input.caseId);
  if (!c) throw new NotFoundError(`No case with id "${input.caseId}".`);
  const messages = await deps.messages.listMessages(input.tenantId, input.caseId);
  return Promise.all(
    messages.map(async (m) => {
      if (m.raw !== undefined) return { ...m, raw: m.raw };
      const store = m.direction === 'inbound' ? deps.inboundMail : deps.evidence;
      const raw = store && m.rawKey ? new TextDecoder().decode(await store.get(m.rawKey)) : null;
      return { ...m, raw };
    }),
  );
}
