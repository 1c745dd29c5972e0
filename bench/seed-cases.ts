import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { caseIndexAttributes, caseKey } from '#adapters/dynamodb/keys.ts';
import { OPEN_STATUSES, type Case } from '#domain/case.ts';
import { CHANNELS } from '#domain/channels.ts';
import { openCase } from '#domain/open-case.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';

const FIRST = ['Ona', 'Jonas', 'Rūta', 'Petras', 'Eglė', 'Tomas', 'Gintarė', 'Mantas', 'Aistė', 'Darius'];
const LAST = ['Petraitienė', 'Jonaitis', 'Kazlauskas', 'Vasiliauskaitė', 'Žukauskas', 'Butkutė', 'Paulauskas', 'Urbonaitė'];
const DAY = 86_400_000;

/** A deterministic pseudo-random sequence, so two seedings of the same size are the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Cases as the product stores them (the repository's key design: case item with its GSI1/GSI2/GSI3
 * keys), 70 % open in the four open statuses and 30 % closed with an approved answer (some late),
 * received over the last 120 days.
 */
export function seedCase(tenant: TenantConfig, n: number, now: Date, random: () => number): Case {
  // Open cases arrived in the last four weeks (a few are overdue); closed ones over four months.
  const open = random() < 0.7;
  const receivedAt = new Date(now.getTime() - Math.floor(random() * (open ? 32 : 120) * DAY));
  const name = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(random() * LAST.length)]}`;
  const { case: c } = openCase({
    tenant,
    id: `seed-${n.toString(36).padStart(6, '0')}-${Math.floor(random() * 1e9).toString(36)}`,
    referenceNumber: 100_000 + n,
    channel: CHANNELS[Math.floor(random() * CHANNELS.length)]!,
    receivedAt,
    request: { rights: [{ type: RIGHT_TYPES[Math.floor(random() * 6)]! }], subject: { name, email: `seed${n}@example.lt` }, language: random() < 0.7 ? 'lt' : 'en' },
    actor: { kind: 'system', id: 'seed' },
    earlierRequests: [],
    now,
  });
  if (open) return { ...c, status: OPEN_STATUSES[Math.floor(random() * OPEN_STATUSES.length)]! };
  const late = random() < 0.15;
  const answeredMs = late ? Date.parse(c.dueAt) + Math.floor(random() * 10 * DAY) : Date.parse(c.receivedAt) + Math.floor(random() * (Date.parse(c.dueAt) - Date.parse(c.receivedAt)));
  const at = new Date(Math.min(answeredMs, now.getTime())).toISOString();
  return {
    ...c,
    status: 'closed',
    rights: c.rights.map((r) => ({ ...r, status: 'fulfilled' as const })),
    identity: { ...c.identity, status: 'verified', method: 'id_document' },
    draft: { body: 'Seeded answer.', draftedBy: 'agent@seed', draftedAt: at, approvedBy: 'approver@seed', approvedAt: at },
  };
}

/**
 * Writes `count` cases with BatchWriteItem (25 per call), `concurrency` calls in flight, retrying
 * unprocessed items. Returns the elapsed milliseconds.
 */
export async function seedCases(input: { client: DynamoDBClient; tableName: string; tenant: TenantConfig; count: number; now: Date; concurrency?: number; seed?: number }): Promise<number> {
  const started = performance.now();
  const doc = DynamoDBDocumentClient.from(input.client, { marshallOptions: { removeUndefinedValues: true } });
  const random = rng(input.seed ?? 42);
  let next = 0;
  const worker = async () => {
    while (next < input.count) {
      const batch: Array<Record<string, unknown>> = [];
      while (batch.length < 25 && next < input.count) {
        const c = seedCase(input.tenant, next, input.now, random);
        next += 1;
        batch.push({ PutRequest: { Item: { ...caseKey(c.tenantId, c.id), ...caseIndexAttributes(c), type: 'case', version: c.version, data: c } } });
      }
      let pending: Record<string, unknown[]> | undefined = { [input.tableName]: batch };
      for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
        // The document client's BatchWrite input type is a union the literal above satisfies.
        const out = await doc.send(new BatchWriteCommand({ RequestItems: pending as never }));
        pending = out.UnprocessedItems as Record<string, unknown[]> | undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: input.concurrency ?? 8 }, worker));
  return performance.now() - started;
}

/** p50/p95 of a list of milliseconds. */
export function percentiles(ms: readonly number[]): { p50: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: Math.round(at(0.5) * 10) / 10, p95: Math.round(at(0.95) * 10) / 10, max: Math.round(sorted[sorted.length - 1]! * 10) / 10 };
}

/** Signs in through the development identity provider and returns the session cookie. */
export async function devSession(base: string, tenant: string, role: string): Promise<string> {
  const login = await fetch(`${base}/console/login`);
  const loginCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
  const response = await fetch(`${base}/console/login/dev`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: loginCookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, tenant, role, next: '/console' }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('rd_session='));
  if (!session) throw new Error(`dev sign-in failed: HTTP ${response.status}`);
  return session.split(';')[0]!;
}

/** Loads the inbox's first page `n` times (sequentially, after one warm-up) and times each. */
export async function timeInbox(base: string, cookie: string, n: number, path = '/console'): Promise<{ ms: number[]; bytes: number; rows: number }> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return { ms: performance.now() - started, html };
  };
  const warm = await get();
  const ms: number[] = [];
  for (let i = 0; i < n; i += 1) ms.push((await get()).ms);
  // One row per case, each carrying its id (the header and bulk-action rows carry none).
  return { ms, bytes: Buffer.byteLength(warm.html), rows: (warm.html.match(/<tr [^>]*data-case-id=/g) ?? []).length };
}
