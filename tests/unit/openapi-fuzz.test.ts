import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { loadLetterFont, PdfLetterRenderer } from '#adapters/pdf/letter-pdf.ts';
import { planTasks } from '#domain/fulfilment/tasks.ts';
import { updateCase } from '#domain/workflow.ts';
import { fulfilmentExtension } from '#http/fulfilment-app.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { describe, expect, it } from 'vitest';
import { allStaffPorts, MemoryAnswerFiles, recordingEngine } from '../support/fuzz-deps.ts';
import { accessRequest, harness, type Harness } from '../support/harness.ts';
import { inputArbitrary, parameterArbitrary, validArbitrary, type Components, type JsonSchema } from '../support/schema-arbitrary.ts';

/**
 * Schema-driven fuzz of every operation in `/openapi.json` (issue 11 §5). Inputs come from the
 * published JSON Schemas (generated from the zod schemas that validate requests): valid ones,
 * ones broken in one place, any JSON, hostile text in parameters and headers, and every kind of
 * token. For each response: no 5xx, the status is one documented for the operation, and the body
 * matches the schema documented for that status and media type. A body the published schema
 * accepts, sent with a good token, must be accepted (the schema must not promise more than the
 * server takes). Fixed seed, 100 runs per operation: about the time one integration test takes.
 */

// ajv-formats is CommonJS with a default export; under ESM interop the function is `.default`.
type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

const SEED = 20261205;
const RUNS = 100;
const TENANTS = ['softera', 'legalbalance', 'bajtel', 'gautora', 'lytagra'] as const;

/**
 * One body each that the server accepts, mixed into the generated ones: a staff body has rules
 * beyond its schema (a postal request needs an address; a decision fits the step the case waits
 * at), so generated bodies alone seldom reach the success.
 */
const EXAMPLES: Record<string, unknown> = {
  staffRegisterRequest: { channel: 'post', receivedAt: '2026-11-20', subject: { name: 'Jonas Jonaitis', postalAddress: 'Gedimino pr. 1, LT-01103 Vilnius' }, rights: [{ type: 'access' }] },
  staffDecide: { step: 'answer_draft', decision: 'extend', reasons: ['Many systems hold the data.'] },
  staffDispatch: { at: '2026-11-23', trackingNumber: 'RR123456789LT' },
  staffHandleCase: { action: 'note', text: 'Called the subject; the account number follows by post.' },
  // Each case succeeds or fails on its own: an id of no case is a failed row in a 200.
  staffBulk: { action: 'assign', caseIds: ['0b8f5d4e-1c2a-4f7e-9a3b-5d6c7e8f9a0b'], userId: null },
  // Fulfilment: a read of the database (access), a manual system's result, a skip, a task added
  // for a recipient of the register (bajtel's debt recovery; softera's IT provider).
  runTask: { mode: 'run' },
  recordTaskResult: { outcome: 'not_found', summary: 'Looked in the system; nothing held on the subject.' },
  skipTask: { reason: 'The system was retired before the request arrived.' },
  addTask: { right: 'access', targetId: 'debt_recovery', reason: 'The subject asks about the debt recovery agency.' },
};
/**
 * Operations whose success needs a case a workflow holds at a particular step with its state (the
 * question asked, the ID scan or authorization under review); this harness runs no workflows, so
 * their 2xx is covered where workflows run: replies by tests/integration/procedure-legalbalance.test.ts
 * and tests/integration/workflows-clarification.test.ts, ID document reviews by
 * tests/unit/identity-console-routes.test.ts, representation reviews by tests/unit/identity-representation.test.ts.
 * They are fuzzed here all the same for every refusal.
 */
const SUCCESS_ELSEWHERE = new Set(['replyToRequest', 'staffRegisterReply', 'staffReviewIdDocument', 'staffReviewRepresentation']);
/** Query values the server accepts, mixed in likewise (a register needs a period of at most 366 days). */
const QUERY_EXAMPLES: Record<string, Record<string, string>> = { getRegister: { from: '2026-11-01', to: '2026-11-30' } };

interface Operation {
  operationId: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Components };
}

type TokenKind = 'staff-admin' | 'staff-approver' | 'staff-agent' | 'good' | 'read-only' | 'write-only' | 'no-scope' | 'unknown-tenant' | 'expired' | 'garbage' | 'none' | 'not-bearer';
interface Token {
  kind: TokenKind;
  header?: string;
}

async function tokenPool(h: Harness): Promise<Token[]> {
  const pool: Token[] = [];
  for (const tenant of TENANTS) pool.push({ kind: 'good', header: `Bearer ${await h.token(tenant, { partnerId: 'fuzz-partner' })}` });
  pool.push({ kind: 'read-only', header: `Bearer ${await h.token('softera', { partnerId: 'fuzz-partner', scopes: ['requests:read'] })}` });
  pool.push({ kind: 'write-only', header: `Bearer ${await h.token('bajtel', { partnerId: 'fuzz-partner', scopes: ['requests:write'] })}` });
  pool.push({ kind: 'no-scope', header: `Bearer ${await h.token('gautora', { partnerId: 'fuzz-partner', scopes: [] })}` });
  pool.push({ kind: 'unknown-tenant', header: `Bearer ${await h.token('nosuchtenant', { partnerId: 'fuzz-partner' })}` });
  pool.push({ kind: 'expired', header: `Bearer ${await h.issuer.mintPartnerToken({ tenant: 'softera', partnerId: 'fuzz-partner', ttlSeconds: -3600 })}` });
  pool.push({ kind: 'garbage', header: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
  pool.push({ kind: 'none' });
  pool.push({ kind: 'not-bearer', header: 'Basic dXNlcjpwYXNz' });
  return pool;
}

/** Staff operations (`staffJwt`) get staff tokens of every role, and the partner pool's wrong kinds. */
async function staffTokenPool(h: Harness, partnerPool: Token[]): Promise<Token[]> {
  const pool: Token[] = [];
  for (const tenant of ['softera', 'bajtel'] as const) {
    for (const role of ['admin', 'approver', 'agent'] as const) pool.push({ kind: `staff-${role}`, header: `Bearer ${await h.issuer.mintStaffToken({ tenant, role })}` });
  }
  return [...pool, ...partnerPool.filter((t) => ['good', 'expired', 'garbage', 'none', 'not-bearer'].includes(t.kind))];
}

/** Header values must be ByteStrings without CR/LF for `new Request()`; keep what a client can send. */
const headerSafe = (s: string | undefined) => s === undefined ? s :  s.replace(/[^\x20-\x7e\x80-\xff]/g, '').trim();

describe('every operation in /openapi.json, fuzzed from its own schemas', async () => {
  // Every optional port in memory, so every staff route is served (a deployment without one answers 404: tests/unit/staff-not-configured.test.ts).
  let ports: ReturnType<typeof allStaffPorts> | undefined;
  // The fulfilment routes are their own function on AWS; here they join the app as they do locally.
  const h = await harness({ workflows: recordingEngine(), answerFiles: new MemoryAnswerFiles(), extra: (repo) => (ports = allStaffPorts(repo)), extensions: (deps) => [fulfilmentExtension(deps)] });
  const doc = (await (await h.get('/openapi.json')).json()) as OpenApi;
  const components = doc.components.schemas;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // Each schema is compiled as the root of a document holding the components, so the published
  // `#/components/schemas/X` references resolve as they do in /openapi.json.
  const compiled = new Map<JsonSchema, ReturnType<typeof ajv.compile>>();
  const validate = (schema: JsonSchema, value: unknown) => {
    let check = compiled.get(schema);
    if (!check) compiled.set(schema, (check = ajv.compile({ ...schema, components: { schemas: components } })));
    const ok = check(value);
    return { ok, errors: check.errors };
  };
  const tokens = await tokenPool(h);
  /** Known (case, task) pairs of a case with fulfilment tasks, so the task operations reach a task of the case. */
  const knownTasks: Array<{ id: string; taskId: string }> = [];
  /** Cases with fulfilment tasks: drawn for the fulfilment operations only (the others' draws stay as they were). */
  const knownFulfilment: string[] = [];
  const isFulfilment = (op: Operation) => (op.tags ?? []).includes('fulfilment');
  const staffTokens = await staffTokenPool(h, tokens);
  // `security: []` (the public probes) asks for no token, as no `security` at all does.
  const needsToken = (op: Operation) => (op.security ?? []).length > 0;
  const isStaff = (op: Operation) => JSON.stringify(op.security ?? []).includes('staffJwt');

  const letterPdf = new PdfLetterRenderer(loadLetterFont()).render({ letterhead: ['UAB Softera'], recipient: ['Jonas Jonaitis'], dateLine: '2026-11-23', referenceLine: 'SOF-1', title: 'Acknowledgement', body: 'Received.', language: 'en' });
  // Cases this partner created, so `getRequest` reaches 200 as well as 404 and 422.
  const known: string[] = [];
  for (const tenant of ['softera', 'bajtel'] as const) {
    const res = await h.post('/v1/requests', accessRequest(), { token: await h.token(tenant, { partnerId: 'fuzz-partner' }) });
    known.push(((await res.json()) as { id: string }).id);
  }
  // Staff operations reach their success too: a case of each staff tenant waits for an answer draft
  // (a decision is taken), a letter is in each print queue (a dispatch), an unprocessed message
  // waits in each tenant's list (a retry).
  for (const tenant of ['softera', 'bajtel'] as const) {
    const id = ((await (await h.post('/v1/requests', accessRequest(), { token: await h.token(tenant, { partnerId: 'fuzz-partner' }) })).json()) as { id: string }).id;
    const c = (await h.repo.getCase(tenant, id))!;
    const { case: waiting, events } = updateCase({ ...c, status: 'in_progress' }, h.clock.now(), { waiting: { step: 'answer_draft', taskToken: `tok-${tenant}`, since: h.clock.now().toISOString() } }, []);
    await h.repo.saveCase(waiting, events);
    known.push(id);
    const staff = `Bearer ${await h.issuer.mintStaffToken({ tenant, role: 'agent' })}`;
    const letter = await h.app.request('/console/api/cases', { method: 'POST', headers: { authorization: staff, 'content-type': 'application/json' }, body: JSON.stringify(EXAMPLES.staffRegisterRequest) });
    expect(letter.status, await letter.clone().text()).toBe(201);
    const registered = ((await letter.json()) as { case: { id: string; reference: string } }).case;
    // The acknowledgement letter itself is rendered by the workflow (not run here): queue one as it would.
    const itemId = `letter-${registered.id}`;
    await ports!.printQueue!.add({ id: itemId, tenantId: tenant, caseId: registered.id, reference: registered.reference, delivery: 'post', notice: 'acknowledgement', title: 'Acknowledgement', recipient: ['Jonas Jonaitis', 'Gedimino pr. 1, LT-01103 Vilnius'], pdfKey: `letters/${itemId}.pdf`, pdfSize: 1, enclosures: [], status: 'queued', createdAt: h.clock.now().toISOString() });
    known.push(itemId);
    // A print batch of this letter: its PDF, and the batch operations' examples (softera's: the tokens of both tenants draw them).
    await h.evidence.put(`letters/${itemId}.pdf`, await letterPdf, 'application/pdf');
    if (tenant === 'softera') {
      QUERY_EXAMPLES.staffPrintBatchLetters = { ids: itemId };
      EXAMPLES.staffBatchDispatch = { at: '2026-11-23', items: [{ id: itemId, trackingNumber: 'RR123456789LT' }], batchKey: 'fuzz-batch-0001' };
    }
    const deliveryId = `fuzz-${tenant}-delivery`;
    await ports!.ledger!.record({ deliveryId, rawKey: `inbound/${deliveryId}`, receivedAt: '2026-11-23T08:00:00.000Z', recipients: [`privacy@${tenant}.example`], tenantId: tenant, nextAttemptAt: '2026-11-23T08:00:00.000Z' });
    await ports!.ledger!.fail(deliveryId, 'fuzz: the handler failed', h.clock.now(), true);
    known.push(deliveryId);

    // Fulfilment: a case whose identity is settled (the e-mail address proved) with the tasks its
    // register plans for access and erasure, as the workflow records them; and a case waiting for
    // its answer draft whose tasks are all finished (the answer is assembled from them).
    const rights = { rights: [{ type: 'access' }, { type: 'erasure' }] };
    for (const waitingForDraft of [false, true]) {
      const fid = ((await (await h.post('/v1/requests', { ...accessRequest(), ...rights }, { token: await h.token(tenant, { partnerId: 'fuzz-partner' }) })).json()) as { id: string }).id;
      const fc0 = (await h.repo.getCase(tenant, fid))!;
      const now = h.clock.now();
      const planned = planTasks(fc0, fulfilmentRegisters.get(tenant), now);
      const tasks = waitingForDraft ? planned.map((t) => ({ ...t, status: 'done' as const, result: { outcome: 'not_found' as const, summary: 'Nothing held.', at: now.toISOString(), by: { kind: 'staff' as const, id: 'fuzz' } } })) : planned;
      const fulfilment = { identifiers: [{ kind: 'email' as const, value: 'ona@example.lt', method: 'email_control' as const, provedAt: now.toISOString() }], plannedAt: now.toISOString(), tasks };
      const waiting = waitingForDraft ? { waiting: { step: 'answer_draft' as const, taskToken: `tok-draft-${tenant}`, since: now.toISOString() } } : {};
      const { case: next, events } = updateCase({ ...fc0, status: 'in_progress' }, now, { fulfilment, ...waiting }, []);
      await h.repo.saveCase(next, events);
      knownFulfilment.push(fid);
      if (!waitingForDraft) knownTasks.push(...planned.map((t) => ({ id: fid, taskId: t.id })));
    }
  }

  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

  it('covers every documented operation', () => {
    const partnerOps = operations.filter((o) => !isStaff(o.op)).map((o) => o.op.operationId).sort();
    expect(partnerOps).toEqual(['createRequest', 'getDeadlines', 'getRequest', 'health', 'readiness', 'replyToRequest']);
    // The staff API is documented in the same document, and fuzzed below with staff tokens.
    expect(operations.filter((o) => isStaff(o.op)).length).toBeGreaterThan(10);
    // The staff fulfilment API (staff-openapi.ts, merged into the same document) is fuzzed too.
    expect(operations.filter((o) => isFulfilment(o.op)).map((o) => o.op.operationId).sort()).toEqual(['addTask', 'assembleAnswer', 'getFulfilment', 'listNotices', 'listTasks', 'recordTaskResult', 'runTask', 'sendNotices', 'skipTask']);
  });

  // Every operation, the staff API's (staff tokens of every role, and wrong kinds) included.
  it.each(operations.map((o) => [o.op.operationId, o] as const))('%s: no 5xx, only documented statuses, documented bodies', async (_id, { path, method, op }) => {
    const params = op.parameters ?? [];
    const paramArbs: Record<string, fc.Arbitrary<string | undefined>> = {};
    for (const p of params) {
      let arb: fc.Arbitrary<string | undefined> = parameterArbitrary(p.schema, components);
      if (p.in === 'path' && p.name === 'id') arb = fc.oneof({ arbitrary: arb, weight: 1 }, { arbitrary: fc.constantFrom(...known, ...(isFulfilment(op) ? knownFulfilment : [])), weight: 2 });
      if (p.in === 'path' && p.name === 'taskId') arb = fc.oneof({ arbitrary: arb, weight: 1 }, { arbitrary: fc.constantFrom(...knownTasks.map((t) => t.taskId)), weight: 2 });
      const example = QUERY_EXAMPLES[op.operationId]?.[p.name];
      if (example !== undefined) arb = fc.oneof(arb, fc.constant(example));
      if (p.in === 'header') arb = arb.map(headerSafe);
      if (p.in === 'path') arb = arb.filter((v) => v !== undefined && v.length > 0);
      paramArbs[p.name] = p.required ? arb : fc.option(arb, { nil: undefined });
    }
    const bodySchema = op.requestBody?.content['application/json']?.schema;
    const bodyArb: fc.Arbitrary<{ raw: string; contentType: string; value?: unknown } | undefined> = bodySchema
      ? fc.oneof(
          { arbitrary: inputArbitrary(bodySchema, components).map((value) => ({ raw: JSON.stringify(value) ?? 'null', contentType: 'application/json', value })), weight: 8 },
          { arbitrary: validArbitrary(bodySchema, components).map((value) => ({ raw: JSON.stringify(value), contentType: 'text/plain', value })), weight: 1 },
          { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((raw) => ({ raw, contentType: 'application/json' })), weight: 1 },
          ...(EXAMPLES[op.operationId] ? [{ arbitrary: fc.constant({ raw: JSON.stringify(EXAMPLES[op.operationId]), contentType: 'application/json', value: EXAMPLES[op.operationId] }), weight: 3 }] : []),
        )
      : fc.constant(undefined);
    // A task is reached through its own case: the pair is drawn together as often as apart.
    const pairArb = params.some((p) => p.name === 'taskId') ? fc.option(fc.constantFrom(...knownTasks), { nil: undefined }) : fc.constant(undefined);
    const seen = new Map<number, number>();
    const errorsBefore = h.errors.length;
    const tokenArb = needsToken(op) ? fc.constantFrom(...(isStaff(op) ? staffTokens : tokens)) : fc.constant<Token>({ kind: 'none' });

    await fc.assert(
      fc.asyncProperty(fc.record(paramArbs), bodyArb, tokenArb, pairArb, async (drawn, body, token, pair) => {
        const values = pair ? { ...drawn, ...pair } : drawn;
        let url = path;
        const query = new URLSearchParams();
        const headers: Record<string, string> = {};
        for (const p of params) {
          const v = values[p.name];
          if (v === undefined) continue;
          if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(v));
          else if (p.in === 'query') query.set(p.name, v);
          else if (v !== '') headers[p.name] = v;
        }
        if (token.header) headers.authorization = token.header;
        if (body) headers['content-type'] = body.contentType;
        const target = query.size > 0 ? `${url}?${query}` : url;
        const res = await h.app.request(target, { method, headers, ...(body ? { body: body.raw } : {}) });
        const text = await res.text();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        const where = `${method} ${target} (${token.kind}) → ${res.status} ${text.slice(0, 400)}`;

        expect(res.status, where).toBeLessThan(500 + (op.responses['503'] ? 3 : 0)); // 503 only where documented
        expect(res.status, where).not.toBe(500);
        const documented = op.responses[String(res.status)];
        expect(documented, `undocumented status: ${where}`).toBeDefined();
        const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
        const content = documented?.content?.[mediaType];
        expect(content, `undocumented media type ${mediaType}: ${where}`).toBeDefined();
        // JSON bodies are checked against their schema; files (PDF, ZIP, CSV) only by media type.
        if (/[/+]json$/.test(mediaType)) {
          const parsed: unknown = JSON.parse(text);
          const result = validate(content!.schema, parsed);
          expect(result.ok, `${where}\n${JSON.stringify(result.errors)}`).toBe(true);
        }

        // What the published schema accepts, with a token allowed to write, is accepted.
        if (op.operationId === 'createRequest' && body?.contentType === 'application/json' && body.value !== undefined && ['good', 'write-only'].includes(token.kind) && headers['Idempotency-Key'] === undefined) {
          if (validate(bodySchema!, body.value).ok) expect(res.status, `schema-valid body refused: ${where}`).toBe(201);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(h.errors.slice(errorsBefore), 'no error reached the 500 mapper').toEqual([]);
    // The fuzz reaches the operation's success as well as its refusals (not only 401s).
    const statuses = [...seen.keys()];
    if (!SUCCESS_ELSEWHERE.has(op.operationId)) expect(statuses.some((s) => s < 300), JSON.stringify([...seen])).toBe(true);
    if (needsToken(op)) expect(statuses.some((s) => s >= 400), JSON.stringify([...seen])).toBe(true);
  }, 60_000);
});
