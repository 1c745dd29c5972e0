import { describe, expect, it } from 'vitest';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { PostalMimeParser } from '#adapters/mail/postal-mime-parser.ts';
import { encodeWords, quotedPrintable } from '#adapters/mail/mime-compose.ts';
import { loadLetterFont, PdfLetterRenderer } from '#adapters/pdf/letter-pdf.ts';
import { dataFiles, toCsv, type AnswerContent } from '#domain/answer.ts';
import { openCase } from '#domain/open-case.ts';
import { RIGHT_TYPES, type RightType } from '#domain/rights.ts';
import { receiptInstant } from '#usecases/paper-requests.ts';
import { letterFor } from '#templates/letter.ts';
import { renderNotice } from '#templates/notices.ts';
import { art15Of } from '#tenants/art15.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { RecordingMailer } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';

const caseFor = (tenantId: string, language: 'lt' | 'en', rights: readonly RightType[], channel: 'email' | 'post' = 'email') =>
  openCase({
    tenant: tenantRegistry.get(tenantId),
    id: 'c1',
    referenceNumber: 7,
    channel,
    receivedAt: new Date('2026-12-10T10:00:00Z'),
    request: { rights: rights.map((type) => ({ type })), subject: { name: 'Ona Žemaitė', email: 'ona@example.lt', postalAddress: 'Laisvės al. 1; LT-44001 Kaunas' }, language },
    actor: { kind: 'subject', id: 'ona@example.lt' },
    earlierRequests: [],
    now: new Date('2026-12-10T10:00:00Z'),
  }).case;

const content: AnswerContent = {
  data: [{ category: 'Užsakymai', records: [{ id: 1, item: 'Šaukštas' }] }],
  results: [
    { type: 'erasure', outcome: 'partially_fulfilled', erased: ['Account'], kept: [{ data: 'Invoices', reason: 'Accounting law' }] },
    { type: 'rectification', outcome: 'fulfilled', summary: 'Address corrected.' },
  ],
};

describe('answer templates', () => {
  const rows = tenantRegistry.list().flatMap((t) => (['lt', 'en'] as const).map((lang) => [t.id, lang] as const));
  it.each(rows)('renders every right for %s (%s) without undefined, in the case and the official language', (tenantId, lang) => {
    const tenant = tenantRegistry.get(tenantId);
    const c = caseFor(tenantId, lang, RIGHT_TYPES);
    const files = dataFiles(c.reference, content.data!, new Date('2026-12-11T00:00:00Z'));
    const { text, subject } = renderNotice(tenant, c, { kind: 'answer', body: 'See below.', answer: content, attachments: files });
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    expect(subject).toContain(c.reference);
    // Art. 15(1): purposes, recipients, sources, automated decisions, transfers, the authority.
    const art15 = art15Of(tenantId);
    const purpose = art15.purposes[0]!.purpose;
    expect(text).toContain(lang === 'lt' ? (purpose.lt ?? purpose.en) : purpose.en);
    expect(text).toContain(tenant.supervisoryAuthority.website);
    expect(text).toContain(lang === 'lt' || tenant.languages.official === 'lt' ? 'Teisinis pagrindas' : 'Legal basis');
    if (lang === 'en') expect(text).toContain('Legal basis');
    expect(text).toContain(`${c.reference}-data.json`);
    expect(text).toContain(lang === 'lt' ? 'Išsaugota ir kodėl' : 'Kept, and why');
    if (art15.recipientsWindow) expect(text).toContain(`${art15.recipientsWindow.months}`);
  });

  it('says there is nothing to port when no data are attached', () => {
    const c = caseFor('softera', 'en', ['portability']);
    expect(renderNotice(tenantRegistry.get('softera'), c, { kind: 'answer' }).text).toContain('We hold no data to which the right to data portability applies.');
  });
});

describe('data files', () => {
  it('writes one JSON and one CSV per category, with a BOM, quoting and defused formulas', () => {
    const files = dataFiles('SOF-2026-000001', [{ category: 'Orders', records: [{ a: '=1+1', b: 'x,y', c: null }] }, { category: 'Orders', records: [] }], new Date(0));
    expect(files.map((f) => f.filename)).toEqual(['SOF-2026-000001-data.json', 'SOF-2026-000001-orders.csv', 'SOF-2026-000001-orders-2.csv']);
    expect(toCsv({ category: 'x', records: [{ b: 1, a: '@cmd' }, { c: 'line\nbreak' }] })).toBe('\uFEFFa,b,c\r\n\'@cmd,1,\r\n,,"line\nbreak"\r\n');
  });
});

describe('MIME composer', () => {
  it('round-trips Lithuanian subject, text and attachments through a MIME parser', async () => {
    const mailer = new RecordingMailer();
    const { raw } = await new MimeEmailSender(mailer).send({
      from: 'UAB Gautora <sales@gautora.lt>',
      to: ['ona@example.lt'],
      subject: 'Atsakymas į Jūsų prašymą – GAU-2026-000001 / The answer to your request',
      text: `Laba diena,\n\nŠtai duomenys. ${'ąčęėįšųūž '.repeat(20)}\nLine = with equals.`,
      html: '<p>Ąžuolas</p>',
      messageId: '<m1@gautora.lt>',
      inReplyTo: '<in@example.lt>',
      references: ['<a@x>', '<in@example.lt>'],
      date: new Date('2026-12-01T10:00:00Z'),
      headers: { 'X-Rightsdesk-Case': 'GAU-2026-000001' },
      attachments: [{ filename: 'duomenys-ž.csv', contentType: 'text/csv', content: new TextEncoder().encode('a,b\r\nŠ,1\r\n') }],
    });
    expect(raw).toContain('References: <a@x> <in@example.lt>');
    expect(raw).toContain('Message-ID: <m1@gautora.lt>');
    expect(mailer.sent[0]?.attachments?.[0]?.filename).toBe('duomenys-ž.csv');
    const parsed = await new PostalMimeParser().parse(new TextEncoder().encode(raw));
    expect(parsed.subject).toBe('Atsakymas į Jūsų prašymą – GAU-2026-000001 / The answer to your request');
    expect(parsed.text).toContain('Štai duomenys. ąčęėįšųūž');
    expect(parsed.text).toContain('Line = with equals.');
    expect(parsed.from?.name).toBe('UAB Gautora');
    expect(parsed.attachments[0]?.filename).toBe('duomenys-ž.csv');
    expect(new TextDecoder().decode(parsed.attachments[0]!.content)).toBe('a,b\r\nŠ,1\r\n');
  });

  it('keeps encoded words and quoted-printable lines within their limits', () => {
    expect(encodeWords('Plain ASCII')).toBe('Plain ASCII');
    for (const word of encodeWords('ą'.repeat(100)).split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    for (const line of quotedPrintable('ž'.repeat(300)).split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
  });
});

describe('letters', () => {
  it('renders a postal answer as a PDF whose text has the letterhead, address, reference and Lithuanian letters', async () => {
    const tenant = tenantRegistry.get('gautora');
    const c = caseFor('gautora', 'lt', ['access', 'erasure'], 'post');
    const letter = letterFor(tenant, c, { kind: 'answer', body: 'Ąžuolas, čiužinys, ėriukas, įlanka, šuo, ųžūt, ūkis, žąsis.', answer: content }, new Date('2026-12-11T10:00:00Z'));
    expect(letter.recipient).toEqual(['Ona Žemaitė', 'Laisvės al. 1', 'LT-44001 Kaunas']);
    expect(letter.dateLine).toBe('Kaunas, 2026-12-11');
    const text = await pdfText(await new PdfLetterRenderer(loadLetterFont()).render(letter));
    for (const expected of ['UAB GAUTORA', 'Įmonės kodas 300551533', 'Ona Žemaitė', 'Nr. GAU-2026-000007', 'Ąžuolas, čiužinys, ėriukas, įlanka, šuo, ųžūt, ūkis, žąsis.']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Please reply to this e-mail');
  });
});

describe('receipt date of paper requests', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('takes a local date as the start of that day in Vilnius', () => {
    expect(receiptInstant('2026-11-20', 'Europe/Vilnius', now).toISOString()).toBe('2026-11-19T22:00:00.000Z');
    expect(receiptInstant('2026-07-20', 'Europe/Vilnius', now).toISOString()).toBe('2026-07-19T21:00:00.000Z');
  });
  it('keeps an instant with offset, and refuses the future and the far past', () => {
    expect(receiptInstant('2026-11-20T09:15:00+02:00', 'Europe/Vilnius', now).toISOString()).toBe('2026-11-20T07:15:00.000Z');
    expect(() => receiptInstant('2026-11-24', 'Europe/Vilnius', now)).toThrow(/future/);
    expect(() => receiptInstant('2024-01-01', 'Europe/Vilnius', now)).toThrow(/days ago/);
  });
});
