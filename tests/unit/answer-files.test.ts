import { describe, expect, it } from 'vitest';
import { answerFileKey } from '#domain/answer.ts';
import type { AnswerFileStore } from '#ports/channels.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { updateCase } from '#domain/workflow.ts';
import { harness } from '../support/harness.ts';

/** The answers bucket in memory: what was put, and the upload URLs handed out. */
class MemoryAnswerFiles implements AnswerFileStore {
  readonly objects = new Map<string, { content: Uint8Array; contentType: string }>();
  async uploadUrl(key: string, contentType: string, size: number) {
    return { url: `https://answers.example/${key}?signed`, headers: { 'content-type': contentType, 'content-length': String(size) }, expiresAt: '2026-11-23T09:15:00.000Z' };
  }
  async put(key: string, content: Uint8Array, contentType: string) {
    this.objects.set(key, { content, contentType });
  }
  async head(key: string) {
    const o = this.objects.get(key);
    return o ? { size: o.content.byteLength, contentType: o.contentType } : null;
  }
  async read(key: string) {
    return this.objects.get(key)!.content;
  }
}

const engine: WorkflowEngine & { sent: unknown[] } = { sent: [], startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async (_t, output) => void engine.sent.push(output) };

async function waitingForDraft() {
  const files = new MemoryAnswerFiles();
  const h = await harness({ workflows: engine, answerFiles: files });
  const token = await h.issuer.mintPartnerToken({ tenant: 'softera', partnerId: 'p1' });
  const created = await h.app.request('/v1/requests', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' } }),
  });
  const id = ((await created.json()) as { id: string }).id;
  const c = (await h.repo.getCase('softera', id))!;
  const { case: waiting, events } = updateCase({ ...c, status: 'in_progress' }, h.clock.now(), { waiting: { step: 'answer_draft', taskToken: 'tok', since: h.clock.now().toISOString() } }, []);
  await h.repo.saveCase(waiting, events);
  const staff = await h.issuer.mintStaffToken({ tenant: 'softera', role: 'agent' });
  const post = (path: string, body: unknown) => h.app.request(`/console/api/cases/${id}${path}`, { method: 'POST', headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { h, id, files, post };
}

describe('answer files through the staff API', () => {
  it('hands out a presigned upload, then a draft names the uploaded file and keeps its stored size and type', async () => {
    const { h, id, files, post } = await waitingForDraft();
    const started = await post('/answer-files', { filename: 'export.zip', contentType: 'application/zip', size: 5 });
    expect(started.status).toBe(201);
    const { id: fileId, upload } = (await started.json()) as { id: string; upload: { method: string; url: string; headers: Record<string, string> } };
    const key = answerFileKey('softera', id, fileId, 'export.zip');
    expect(upload).toEqual({ method: 'PUT', url: `https://answers.example/${key}?signed`, headers: { 'content-type': 'application/zip', 'content-length': '5' }, expiresAt: '2026-11-23T09:15:00.000Z' });

    // Naming a file that was never uploaded is a validation problem, and nothing is decided.
    const missing = await post('/decisions', { step: 'answer_draft', decision: 'draft', body: 'Here it is.', files: [{ id: fileId, filename: 'export.zip' }] });
    expect(missing.status).toBe(422);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(engine.sent).toEqual([]);

    await files.put(key, new Uint8Array([1, 2, 3, 4, 5]), 'application/zip');
    const drafted = await post('/decisions', { step: 'answer_draft', decision: 'draft', body: 'Here it is.', files: [{ id: fileId, filename: 'export.zip' }] });
    expect(drafted.status).toBe(202);
    expect((await h.repo.getCase('softera', id))!.draft?.files).toEqual([{ id: fileId, filename: 'export.zip', contentType: 'application/zip', size: 5, key }]);
  });

  it('validates the announced file: a type, a size within the limit, an id in the draft', async () => {
    const { post } = await waitingForDraft();
    expect((await post('/answer-files', { filename: 'x.pdf', contentType: 'pdf', size: 5 })).status).toBe(422);
    expect((await post('/answer-files', { filename: 'x.pdf', contentType: 'application/pdf', size: 1.5 })).status).toBe(422);
    expect((await post('/decisions', { step: 'answer_draft', decision: 'draft', body: 'x', files: [{ id: 'not-a-uuid', filename: 'x.pdf' }] })).status).toBe(422);
  });
});
