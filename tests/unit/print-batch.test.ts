import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadLetterFont, PdfLetterRenderer } from '#adapters/pdf/letter-pdf.ts';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import type { PrintItem } from '#ports/channels.ts';
import { consoleApp } from '../support/console-app.ts';
import { MemoryPrintQueue } from '../support/fuzz-deps.ts';
import { recordDispatches } from '#usecases/print-batch.ts';

const renderer = new PdfLetterRenderer(loadLetterFont());

/** The console on in-memory adapters with the paper channel: `n` cases, each with a letter in the print queue. */
async function withQueue(n: number, lang: 'lt' | 'en' = 'en') {
  const world = await consoleApp();
  const printQueue = new MemoryPrintQueue();
  const evidence = new InMemoryBlobStore();
  Object.assign(world.deps, { printQueue, evidence, messages: new InMemoryMessageStore(), pdfCombiner: renderer });
  const items: PrintItem[] = [];
  for (let i = 1; i <= n; i++) {
    const caseId = await world.newCase(`Subject ${i}`);
    const c = (await world.repo.getCase('softera', caseId))!;
    const pdf = await renderer.render({ letterhead: ['UAB Softera Baltic'], recipient: [`Subject ${i}`, 'Gedimino pr. 1', 'LT-01103 Vilnius'], dateLine: 'Vilnius, 2026-11-23', referenceLine: `Nr. ${c.reference}`, title: `Letter ${i}`, body: 'Received.', language: lang });
    const item: PrintItem = { id: `p-${i}`, tenantId: 'softera', caseId, reference: c.reference, delivery: 'post', notice: 'acknowledgement', title: `Letter ${i}`, recipient: [`Subject ${i}`, 'Gedimino pr. 1', 'LT-01103 Vilnius'], pdfKey: `letters/p-${i}.pdf`, pdfSize: pdf.byteLength, enclosures: [], status: 'queued', createdAt: `2026-11-23T08:0${i}:00.000Z` };
    await evidence.put(item.pdfKey, pdf, 'application/pdf');
    await printQueue.add(item);
    items.push(item);
  }
  const dispatchEvents = async (caseId: string) => (await world.repo.listEvents('softera', caseId)).filter((e) => e.type === 'letter.dispatched');
  return { world, printQueue, items, dispatchEvents };
}

describe('the print batch in the console', () => {
  it('opens the ticked letters as one inline PDF and records their dispatch in one submit, once, in lt', async () => {
    const { world, items, dispatchEvents } = await withQueue(3);
    const { cookie, csrf } = await world.signIn('agent', 'lt');

    const queue = await (await world.app.request('/console/print-queue', { headers: { cookie } })).text();
    expect(queue).toContain('Spausdinti pažymėtus laiškus');
    expect(queue).toContain(`name="ids" value="p-1" form="print-batch"`);

    const batch = await world.app.request('/console/print-batch?ids=p-1&ids=p-3', { headers: { cookie } });
    expect(batch.status).toBe(200);
    const page = await batch.text();
    expect(page).toContain('Atverti laiškus kaip vieną PDF (2)');
    expect(page).toContain('Įrašyti visų išsiuntimą (2)');
    expect(page).not.toContain('p-2');
    const batchKey = /name="batchKey" value="([^"]+)"/.exec(page)![1]!;

    const pdf = await world.app.request('/console/print-batch/letters.pdf?ids=p-1,p-3', { headers: { cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    const combined = await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()));
    expect(combined.getPageCount()).toBe(2);

    const form = { _csrf: csrf, batchKey, ids: ['p-1', 'p-3'], at: '2026-11-23', 'tracking-p-1': 'RR123456789LT', 'tracking-p-3': '' };
    const first = await world.post('/console/print-batch/dispatch', cookie, form);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/console/print-queue?done=batch&n=2');
    // A double submit (the same form again): the same answer, nothing recorded twice.
    const second = await world.post('/console/print-batch/dispatch', cookie, form);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe('/console/print-queue?done=batch&n=2');
    expect(await dispatchEvents(items[0]!.caseId)).toHaveLength(1);
    expect(await dispatchEvents(items[2]!.caseId)).toHaveLength(1);
    expect(await dispatchEvents(items[1]!.caseId)).toHaveLength(0);
    expect((await dispatchEvents(items[0]!.caseId))[0]!.details).toMatchObject({ printItemId: 'p-1', trackingNumber: 'RR123456789LT', by: 'agent@softera.local' });

    const done = await (await world.app.request('/console/print-queue?done=batch&n=2', { headers: { cookie } })).text();
    expect(done).toContain('Įrašyta išsiųstų laiškų: 2.');
    expect(done).not.toContain('dispatched');
    expect(done).not.toContain('value="p-1"');
    expect(done).toContain('value="p-2"');
  });

  it('says so per letter when one was recorded by someone else meanwhile (en)', async () => {
    const { world, dispatchEvents, items } = await withQueue(2);
    const { cookie, csrf } = await world.signIn('agent', 'en');
    const page = await (await world.app.request('/console/print-batch?ids=p-1,p-2', { headers: { cookie } })).text();
    const batchKey = /name="batchKey" value="([^"]+)"/.exec(page)![1]!;
    // A colleague records p-2 alone first.
    expect((await world.post('/console/print-queue/p-2/dispatch', cookie, { _csrf: csrf, at: '2026-11-22' })).status).toBe(303);
    const res = await world.post('/console/print-batch/dispatch', cookie, { _csrf: csrf, batchKey, ids: ['p-1', 'p-2'], at: '2026-11-23' });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Not every letter was recorded; see each row.');
    expect(html).toMatch(/data-outcome="dispatched">recorded</);
    expect(html).toMatch(/data-outcome="already_recorded">was already recorded earlier \(22 Nov 2026\); nothing added</);
    expect(await dispatchEvents(items[0]!.caseId)).toHaveLength(1);
    expect(await dispatchEvents(items[1]!.caseId)).toHaveLength(1);
  });

  it('opens a single letter inline too, never cached', async () => {
    const { world } = await withQueue(1);
    const { cookie } = await world.signIn('agent', 'lt');
    const res = await world.app.request('/console/print-queue/p-1/letter.pdf', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const api = await world.app.request('/console/api/print-queue/p-1/letter.pdf', { headers: { authorization: `Bearer ${await world.staffToken('agent')}` } });
    expect(api.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(api.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the print batch in the staff API', () => {
  const call = async (world: Awaited<ReturnType<typeof withQueue>>['world'], body: unknown) => {
    const res = await world.app.request('/console/api/print-batch/dispatch', { method: 'POST', headers: { authorization: `Bearer ${await world.staffToken('agent')}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { results: Array<{ id: string; outcome: string; replayed?: boolean; code?: string }> } };
  };

  it('records each letter once: a retry is a replay, another batch finds it recorded, an unknown id fails alone', async () => {
    const { world, items, dispatchEvents } = await withQueue(2);
    const body = { at: '2026-11-23', items: [{ id: 'p-1', trackingNumber: 'RR1LT' }, { id: 'p-2' }], batchKey: 'retry-test-0001' };
    const first = await call(world, body);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => [r.id, r.outcome, r.replayed])).toEqual([['p-1', 'dispatched', false], ['p-2', 'dispatched', false]]);
    const retry = await call(world, body);
    expect(retry.body.results.map((r) => [r.id, r.outcome, r.replayed])).toEqual([['p-1', 'dispatched', true], ['p-2', 'dispatched', true]]);
    const other = await call(world, { ...body, batchKey: 'another-batch-01', items: [{ id: 'p-1' }, { id: 'nope' }] });
    expect(other.body.results.map((r) => [r.id, r.outcome, r.code])).toEqual([['p-1', 'already_recorded', undefined], ['nope', 'failed', 'not_found']]);
    for (const item of items) expect(await dispatchEvents(item.caseId)).toHaveLength(1);
  });

  it('completes the event of a letter marked dispatched when the write of its event never happened (a crash), once', async () => {
    const { world, printQueue, items, dispatchEvents } = await withQueue(1);
    const item = items[0]!;
    // The first attempt stopped after marking the item: the case has no event yet.
    expect(await printQueue.markDispatched(item, { at: '2026-11-23T00:00:00.000Z', by: 'agent@softera.local', recordedAt: '2026-11-23T09:00:00.000Z', batchKey: 'crashed-batch-1' })).toBe(true);
    expect(await dispatchEvents(item.caseId)).toHaveLength(0);
    const body = { at: '2026-11-23', items: [{ id: item.id }], batchKey: 'crashed-batch-1' };
    // Two retries at once (a double click after the timeout): one event.
    const [a, b] = await Promise.all([call(world, body), call(world, body)]);
    expect([a.body.results[0]!.outcome, b.body.results[0]!.outcome]).toEqual(['dispatched', 'dispatched']);
    expect(await dispatchEvents(item.caseId)).toHaveLength(1);
  });

  it('appends the event once when two retries read the case at the same moment (both see no event)', async () => {
    const { world, printQueue, items, dispatchEvents } = await withQueue(1);
    const item = items[0]!;
    await printQueue.markDispatched(item, { at: '2026-11-23T00:00:00.000Z', by: 'agent@softera.local', recordedAt: '2026-11-23T09:00:00.000Z', batchKey: 'raced-batch-01' });
    // A barrier: neither retry reads on before both have listed the events.
    let arrived = 0;
    let release!: () => void;
    const both = new Promise<void>((resolve) => (release = resolve));
    const repo = Object.create(world.repo) as typeof world.repo;
    repo.listEvents = async (tenantId, caseId) => {
      const events = await world.repo.listEvents(tenantId, caseId);
      if (++arrived === 2) release();
      await both;
      return events;
    };
    const deps = { ...world.deps, repo, printQueue, evidence: new InMemoryBlobStore() };
    const input = { tenantId: 'softera', items: [{ id: item.id }], at: '2026-11-23', batchKey: 'raced-batch-01', actor: { kind: 'staff' as const, id: 'agent@softera.local' } };
    const [a, b] = await Promise.all([recordDispatches(deps, input), recordDispatches(deps, input)]);
    expect([a[0]!.outcome, b[0]!.outcome]).toEqual(['dispatched', 'dispatched']);
    expect(arrived).toBeGreaterThanOrEqual(2);
    expect(await dispatchEvents(item.caseId)).toHaveLength(1);
  });

  it('refuses a malformed batch as a problem: empty, duplicated, too many ids', async () => {
    const { world } = await withQueue(1);
    expect((await call(world, { at: '2026-11-23', items: [] })).status).toBe(422);
    expect((await call(world, { at: '2026-11-23', items: [{ id: 'p-1' }, { id: 'p-1' }] })).status).toBe(422);
    expect((await call(world, { at: '2026-11-23', items: Array.from({ length: 51 }, (_, i) => ({ id: `x-${i}` })) })).status).toBe(422);
    const token = await world.staffToken('agent');
    const pdf = await world.app.request('/console/api/print-batch/letters.pdf?ids=p-1,no-such', { headers: { authorization: `Bearer ${token}` } });
    expect(pdf.status).toBe(404);
    expect(pdf.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const bad = await world.app.request('/console/api/print-batch/letters.pdf?ids=../etc', { headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(422);
  });
});
