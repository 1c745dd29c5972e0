import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostalMimeParser } from '#adapters/mail/postal-mime-parser.ts';
import type { AnswerContent } from '#domain/answer.ts';
import { randomIds, systemClock } from '#adapters/system.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { submitRequest } from '#usecases/submit-request.ts';
import { RecordingMailer } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';
import { channelsRig, unique, type ChannelsRig } from './channels-support.ts';

const DATA: AnswerContent = {
  data: [
    { category: 'Account', records: [{ field: 'name', value: 'Ona Petraitienė' }, { field: 'email', value: 'ona@example.lt' }] },
    { category: 'Orders', records: [{ order: 'A-1', total: 12.5, note: '=HYPERLINK("x")' }, { order: 'A-2', total: 7, note: 'Šaukštai, 2 vnt.' }] },
  ],
  results: [
    { type: 'access', outcome: 'fulfilled' },
    { type: 'portability', outcome: 'fulfilled' },
    { type: 'erasure', outcome: 'partially_fulfilled', erased: ['Newsletter subscription', 'Wish list'], kept: [{ data: 'Invoices', reason: 'Accounting law requires keeping them', until: '2036-12-31' }] },
  ],
  recipientsDisclosed: ['UAB Kurjeris (delivery of order A-1)'],
};

let rig: ChannelsRig;
beforeAll(async () => {
  rig = await channelsRig();
});
afterAll(() => rig.stop());

async function emailCase(tenantId: string, rights: Array<'access' | 'portability' | 'erasure'>, language: 'lt' | 'en') {
  const email = `ona.${unique()}@example.lt`;
  const { case: c } = await submitRequest(
    { tenants: tenantRegistry, repo: rig.repo, mailer: new RecordingMailer(), clock: systemClock, ids: randomIds, notifier: rig.adapters.notifier },
    { tenantId, channel: 'email', actor: { kind: 'subject', id: email }, request: { rights: rights.map((type) => ({ type })), subject: { name: 'Ona Petraitienė', email }, language } },
  );
  return { c, email };
}

describe('answers per right (e-mail channel, real stand-ins)', () => {
  it('sends an access + portability + erasure answer with the Art. 15 information and JSON + CSV attachments, kept in the raw MIME', async () => {
    const { c, email } = await emailCase('gautora', ['access', 'portability', 'erasure'], 'en');
    await rig.answer(c, 'Please find our answer below.', DATA);

    const answer = (await rig.outboxTo(email)).find((m) => m.subject.includes('The answer to your request'));
    expect(answer).toBeDefined();
    const text = answer!.body.text ?? '';
    // Gautora's Art. 15 information (003), in English and in Lithuanian (the official language).
    expect(text).toContain('Electronic commerce: order fulfilment');
    expect(text).toContain('GDPR Art. 6(1)(b)');
    expect(text).toContain('Recipients your data were disclosed to in the last 12 months (003 §13.1)');
    expect(text).toContain('UAB Kurjeris (delivery of order A-1)');
    expect(text).toContain('State Data Protection Inspectorate');
    expect(text).toContain('Gavėjai, kuriems Jūsų duomenys buvo teikti per paskutinius 12 mėn.');
    expect(text).toContain('Invoices – Accounting law requires keeping them (until 2036-12-31)');
    expect(text).toContain('Ištrinta:');
    expect(text).not.toMatch(/undefined|null|\[object/);

    const names = answer!.attachments.map((a) => a.filename).sort();
    expect(names).toEqual([`${c.reference}-account.csv`, `${c.reference}-data.json`, `${c.reference}-orders.csv`]);
    const json = JSON.parse(Buffer.from(answer!.attachments.find((a) => a.filename?.endsWith('.json'))!.content, 'base64').toString('utf8')) as { categories: Array<{ category: string }> };
    expect(json.categories.map((x) => x.category)).toEqual(['Account', 'Orders']);
    const csv = Buffer.from(answer!.attachments.find((a) => a.filename?.endsWith('orders.csv'))!.content, 'base64').toString('utf8');
    expect(csv).toContain('note,order,total');
    expect(csv).toContain(`"'=HYPERLINK(""x"")",A-1,12.5`); // formula defused
    expect(csv).toContain('"Šaukštai, 2 vnt.",A-2,7');

    // The evidence: the outbound message's raw MIME carries the same attachments.
    const messages = await rig.adapters.messages.listMessages(c.tenantId, c.id);
    const stored = messages.find((m) => m.notice === 'answer');
    expect(stored?.attachments.map((a) => a.filename).sort()).toEqual(names);
    const raw = stored!.raw ?? new TextDecoder().decode(await rig.adapters.evidence.get(stored!.rawKey!));
    const parsed = await new PostalMimeParser().parse(new TextEncoder().encode(raw));
    expect(parsed.attachments.map((a) => a.filename).sort()).toEqual(names);
    expect(new TextDecoder().decode(parsed.attachments.find((a) => a.filename?.endsWith('orders.csv'))!.content)).toContain('Šaukštai');
    expect(parsed.text).toContain('Electronic commerce');
  });

  it('answers a Lithuanian portability request once, in Lithuanian only, with the files', async () => {
    const { c, email } = await emailCase('bajtel', ['portability'], 'lt');
    await rig.answer(c, '', { data: DATA.data!, results: [{ type: 'portability', outcome: 'fulfilled' }] });
    const answer = (await rig.outboxTo(email)).find((m) => m.subject.includes('Atsakymas į Jūsų prašymą'));
    expect(answer?.subject).not.toContain('The answer');
    expect(answer?.body.text).toContain('kompiuterio skaitomu formatu (JSON ir CSV)');
    expect(answer?.attachments).toHaveLength(3);
  });
});

describe('files attached to answers (beyond the API request size)', () => {
  it('uploads a file straight to storage with a presigned PUT, names it in the draft, and sends it with the answer', async () => {
    const { c, email } = await emailCase('softera', ['access'], 'en');
    const content = new TextEncoder().encode(`${'Užsakymų eksportas;'.repeat(6000)}\n`); // ~120 KB: more than the API takes in a request
    const started = await rig.staff('softera', 'POST', `/console/api/cases/${c.id}/answer-files`, { filename: 'Užsakymai 2026.csv', contentType: 'text/csv', size: content.byteLength });
    expect(started.status).toBe(201);
    const { id, upload } = (await started.json()) as { id: string; upload: { method: string; url: string; headers: Record<string, string> } };
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: content });
    expect(put.status).toBe(200);

    const { resolveAnswerFiles } = await import('#usecases/answer-files.ts');
    const files = await resolveAnswerFiles(rig.answerFiles, { tenantId: 'softera', caseId: c.id }, [{ id, filename: 'Užsakymai 2026.csv' }]);
    expect(files).toEqual([{ id, filename: 'Užsakymai 2026.csv', contentType: 'text/csv', size: content.byteLength, key: `answer-files/softera/${c.id}/${id}/U_sakymai_2026.csv` }]);
    // Another case cannot name it.
    await expect(resolveAnswerFiles(rig.answerFiles, { tenantId: 'softera', caseId: crypto.randomUUID() }, [{ id, filename: 'Užsakymai 2026.csv' }])).rejects.toThrow('was not uploaded');

    await rig.answer(c, 'Attached is the export of your orders.', undefined, { files });
    const answer = (await rig.outboxTo(email)).find((m) => m.subject.includes('The answer'));
    const attached = answer?.attachments.find((a) => a.filename === 'Užsakymai 2026.csv');
    expect(attached).toBeDefined();
    expect(attached?.size).toBeGreaterThan(100_000);
  });

  it('refuses an upload for a closed case, an empty or oversized file, and a path as a name', async () => {
    const { c } = await emailCase('softera', ['access'], 'en');
    const start = (body: Record<string, unknown>) => rig.staff('softera', 'POST', `/console/api/cases/${c.id}/answer-files`, body);
    expect((await start({ filename: 'a.pdf', contentType: 'application/pdf', size: 0 })).status).toBe(422);
    expect((await start({ filename: 'a.pdf', contentType: 'application/pdf', size: 200 * 1024 * 1024 })).status).toBe(422);
    expect((await start({ filename: '../../etc/passwd', contentType: 'text/plain', size: 10 })).status).toBe(422);
    expect((await rig.staff('gautora', 'POST', `/console/api/cases/${c.id}/answer-files`, { filename: 'a.pdf', contentType: 'application/pdf', size: 10 })).status).toBe(404);
    await rig.answer(c, 'Done.');
    expect((await start({ filename: 'late.pdf', contentType: 'application/pdf', size: 10 })).status).toBe(409);
  });
});

describe('signed download links (answers too large to attach)', () => {
  it('sends a link the web form redeems for a fresh presigned URL at each use, for this tenant only', async () => {
    const signed = await channelsRig({ attachmentLimitBytes: 200, signedDownloadLinks: true });
    try {
      const email = `signed.${unique()}@example.lt`;
      const { case: c } = await submitRequest(
        { tenants: tenantRegistry, repo: signed.repo, mailer: new RecordingMailer(), clock: systemClock, ids: randomIds, notifier: signed.adapters.notifier },
        { tenantId: 'softera', channel: 'email', actor: { kind: 'subject', id: email }, request: { rights: [{ type: 'access' }], subject: { name: 'Big Data', email }, language: 'en' } },
      );
      await signed.answer(c, 'Your data are too large to attach.', DATA);
      const answer = (await signed.outboxTo(email)).find((m) => m.subject.includes('The answer'));
      const link = /(http:\/\/forms\.test\/forms\/softera\/download\?token=\S+)/.exec(answer?.body.text ?? '')?.[1];
      expect(link).toBeDefined();
      expect(link).not.toContain('X-Amz-');
      const redirect = await signed.forms.request(link!);
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('cache-control')).toBe('no-store');
      const presigned = redirect.headers.get('location')!;
      expect(presigned).toContain('X-Amz-Expires=300');
      const downloaded = await fetch(presigned);
      expect(downloaded.status).toBe(200);
      expect(((await downloaded.json()) as { reference: string }).reference).toBe(c.reference);
      // The same token on another tenant's route, or altered, is refused.
      expect((await signed.forms.request(link!.replace('/softera/', '/gautora/'))).status).toBe(400);
      expect((await signed.forms.request(`${link!.slice(0, -4)}AAAA`)).status).toBe(400);
    } finally {
      signed.stop();
    }
  });
});

describe('retried workflow steps (Step Functions Retry)', () => {
  it('does not send the answer twice when the conclude step fails after sending and is retried', async () => {
    const { c, email } = await emailCase('softera', ['access'], 'en');
    await rig.answer(c, 'Here is your data.', { results: [{ type: 'access', outcome: 'fulfilled' }] }, { stepFailsAfterSending: true });
    const answers = (await rig.outboxTo(email)).filter((m) => m.subject.includes("The answer") && !/acknowledg|received/i.test(m.subject));
    expect(answers).toHaveLength(1);
    expect((await rig.repo.getCase(c.tenantId, c.id))?.status).toBe('closed');
    const messages = await rig.adapters.messages.listMessages(c.tenantId, c.id);
    expect(messages.filter((m) => m.notice === 'answer')).toHaveLength(1);
    expect(messages.find((m) => m.notice === 'answer')?.noticeKey).toMatch(/^answer#v\d+$/);
  });
});

describe('large answers (download links)', () => {
  it('publishes the files as time-limited links instead of attaching them above the size limit', async () => {
    const small = await channelsRig({ attachmentLimitBytes: 200 });
    try {
      const email = `big.${unique()}@example.lt`;
      const { case: c } = await submitRequest(
        { tenants: tenantRegistry, repo: small.repo, mailer: new RecordingMailer(), clock: systemClock, ids: randomIds, notifier: small.adapters.notifier },
        { tenantId: 'softera', channel: 'email', actor: { kind: 'subject', id: email }, request: { rights: [{ type: 'access' }], subject: { name: 'Big Data', email }, language: 'en' } },
      );
      await small.answer(c, 'Your data are too large to attach.', DATA);
      const answer = (await small.outboxTo(email)).find((m) => m.subject.includes('The answer'));
      expect(answer?.attachments).toEqual([]);
      const url = /(http:\/\/127\.0\.0\.1:\d+\/channels-test-answers\/\S+data\.json\S*)/.exec(answer?.body.text ?? '')?.[1];
      expect(url).toBeDefined();
      expect(url).toContain('X-Amz-Expires=3600');
      const downloaded = await fetch(url!);
      expect(downloaded.status).toBe(200);
      expect(((await downloaded.json()) as { reference: string }).reference).toBe(c.reference);
    } finally {
      small.stop();
    }
  });
});

describe('post and in person (staff intake, letters, print queue)', () => {
  it('registers a postal request with its scan, queues letter PDFs (acknowledgement, answer) with Lithuanian text, and records the dispatch', async () => {
    const scan = Buffer.from('%PDF-1.4\n% scanned letter\n').toString('base64');
    const created = await rig.staff('gautora', 'POST', '/console/api/cases', {
      channel: 'post',
      receivedAt: '2026-11-20',
      subject: { name: 'Ona Petraitienė', postalAddress: 'Laisvės al. 1-2; LT-44001 Kaunas' },
      rights: [{ type: 'access' }, { type: 'erasure', details: 'Paskyra' }],
      language: 'lt',
      note: 'Registruotas laiškas RR123',
      scan: { filename: 'laiskas.pdf', contentType: 'application/pdf', contentBase64: scan },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { case: { id: string; reference: string; receivedAt: string; dueDate: string; channel: string }; scan: { key: string } };
    // A local date is the start of that day in Vilnius; Gautora: the earlier of 1 month and 30 days.
    expect(body.case).toMatchObject({ channel: 'post', receivedAt: '2026-11-19T22:00:00.000Z', dueDate: '2026-12-21' });
    expect(new TextDecoder().decode(await rig.adapters.evidence.get(body.scan.key))).toContain('scanned letter');
    const c = { id: body.case.id, tenantId: 'gautora' };

    const queue = async () => ((await (await rig.staff('gautora', 'GET', '/console/api/print-queue?limit=200')).json()) as { items: Array<{ id: string; caseId: string; notice: string; pdf: { url: string }; enclosures: unknown[] }> }).items.filter((i) => i.caseId === c.id);
    const ack = (await queue()).find((i) => i.notice === 'acknowledgement');
    expect(ack).toBeDefined();
    const ackPdf = await rig.staff('gautora', 'GET', ack!.pdf.url);
    expect(ackPdf.headers.get('content-type')).toBe('application/pdf');
    const ackText = await pdfText(new Uint8Array(await ackPdf.arrayBuffer()));
    expect(ackText).toContain('UAB GAUTORA');
    expect(ackText).toContain('Ona Petraitienė');
    expect(ackText).toContain('Laisvės al. 1-2');
    expect(ackText).toContain(`Nr. ${body.case.reference}`);
    expect(ackText).toContain('Gavome Jūsų prašymą');

    await rig.answer(c, 'Atsakymas į Jūsų laišką.', DATA);
    const answerItem = (await queue()).find((i) => i.notice === 'answer');
    expect(answerItem?.enclosures).toHaveLength(3);
    const answerText = await pdfText(new Uint8Array(await (await rig.staff('gautora', 'GET', answerItem!.pdf.url)).arrayBuffer()));
    expect(answerText).toContain('Atsakymas į Jūsų laišką.');
    expect(answerText).toContain('Teisė susipažinti su savo asmens duomenimis');
    expect(answerText).toContain('Išsaugota ir kodėl');
    expect(answerText).toContain('Valstybinė duomenų apsaugos');

    const dispatched = await rig.staff('gautora', 'POST', `/console/api/print-queue/${answerItem!.id}/dispatch`, { at: new Date().toISOString().slice(0, 10), trackingNumber: 'RR987654321LT' });
    expect(dispatched.status).toBe(200);
    expect(((await dispatched.json()) as { status: string }).status).toBe('dispatched');
    expect((await rig.staff('gautora', 'POST', `/console/api/print-queue/${answerItem!.id}/dispatch`, { at: new Date().toISOString().slice(0, 10) })).status).toBe(409);
    expect((await queue()).some((i) => i.id === answerItem!.id)).toBe(false);
    const events = await rig.repo.listEvents('gautora', c.id);
    expect(events.find((e) => e.type === 'letter.dispatched')).toMatchObject({ visibility: 'public', details: { trackingNumber: 'RR987654321LT' } });

    // The staff messages API lists the letter in (the scan) and the letters out.
    const messages = (await (await rig.staff('gautora', 'GET', `/console/api/cases/${c.id}/messages`)).json()) as { items: Array<{ direction: string; channel: string }> };
    expect(messages.items.map((m) => `${m.direction}:${m.channel}`)).toEqual(['inbound:post', 'outbound:post', 'outbound:post']);
  });

  it('queues an in-person request’s acknowledgement as a hand-over and records it', async () => {
    const created = await rig.staff('lytagra', 'POST', '/console/api/cases', {
      channel: 'in_person',
      receivedAt: new Date().toISOString(),
      subject: { name: 'Jonas Jonaitis' },
      rights: [{ type: 'information' }],
      language: 'en',
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { case: { id: string } }).case.id;
    const items = ((await (await rig.staff('lytagra', 'GET', '/console/api/print-queue?limit=200')).json()) as { items: Array<{ id: string; caseId: string; delivery: string }> }).items;
    const item = items.find((i) => i.caseId === id);
    expect(item?.delivery).toBe('in_person');
    expect((await rig.staff('lytagra', 'POST', `/console/api/print-queue/${item!.id}/dispatch`, { at: new Date().toISOString().slice(0, 10), handedTo: 'Jonas Jonaitis (ID card shown)' })).status).toBe(200);
    const events = await rig.repo.listEvents('lytagra', id);
    expect(events.find((e) => e.type === 'handover.recorded')?.summary).toContain('Jonas Jonaitis (ID card shown)');
  });

  it('refuses a postal request without an address, a future receipt date and an oversized scan', async () => {
    const base = { channel: 'post', subject: { name: 'X' }, rights: [{ type: 'access' }] };
    const noAddress = await rig.staff('softera', 'POST', '/console/api/cases', { ...base, receivedAt: '2026-11-20' });
    expect(noAddress.status).toBe(422);
    const future = await rig.staff('softera', 'POST', '/console/api/cases', { ...base, subject: { name: 'X', postalAddress: 'Vilnius' }, receivedAt: '2999-01-01' });
    expect(future.status).toBe(422);
    const huge = await rig.staff('softera', 'POST', '/console/api/cases', {
      ...base,
      subject: { name: 'X', postalAddress: 'Vilnius' },
      receivedAt: '2026-11-20',
      scan: { filename: 'big.pdf', contentType: 'application/pdf', contentBase64: Buffer.alloc(4 * 1024 * 1024 + 10).toString('base64') },
    });
    expect(huge.status).toBe(413);
  });
});
