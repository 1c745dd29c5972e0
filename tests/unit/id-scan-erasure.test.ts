import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InMemoryBlobEraser } from '#adapters/memory/blob-eraser.ts';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import type { CaseMessage } from '#domain/mail.ts';
import { redactMime } from '#domain/mime-redact.ts';
import { eraseIdScan } from '#usecases/identity/erase-id-scan.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const wrap = (s: string) => s.match(/.{1,76}/g)!.join('\r\n');

function mail(scan: Buffer, eol = '\r\n'): string {
  return [
    'From: Ona <ona@example.lt>',
    'Subject: =?UTF-8?Q?Pra=C5=A1ymas?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    'preamble',
    '--outer',
    'Content-Type: multipart/alternative; boundary=inner',
    '',
    '--inner',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Pra=C5=A1au kopijos.',
    '--inner',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Prašau kopijos.</p>',
    '--inner--',
    '--outer',
    'Content-Type: image/jpeg; name="pasas.jpg"',
    'Content-Disposition: attachment;',
    ' filename="pasas.jpg"',
    'Content-Transfer-Encoding: base64',
    '',
    wrap(scan.toString('base64')),
    '--outer',
    'Content-Type: application/pdf; name=letter.pdf',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4 letter').toString('base64'),
    '--outer--',
    'epilogue',
    '',
  ].join('\r\n').replace(/\r\n/g, eol);
}

describe('redactMime', () => {
  for (const eol of ['\r\n', '\n']) {
    it(`replaces only the scan's part, byte for byte elsewhere (${eol === '\r\n' ? 'CRLF' : 'LF'})`, () => {
      const scan = randomBytes(3000);
      const raw = mail(scan, eol);
      const digest = sha(scan);
      const out = redactMime(raw, (b) => sha(b) === digest, (p) => `removed ${p.filename} ${p.contentType} ${p.size}`);
      expect(out.removed).toEqual([{ filename: 'pasas.jpg', contentType: 'image/jpeg', size: 3000 }]);
      expect(out.raw).not.toContain(scan.toString('base64').slice(0, 60));
      expect(out.raw).toContain(`Content-Type: text/plain; charset=us-ascii${eol}Content-Transfer-Encoding: 7bit${eol}Content-Disposition: inline${eol}${eol}removed pasas.jpg image/jpeg 3000${eol}--outer${eol}`);
      // Everything before and after the part is as received.
      const [head, tail] = raw.split(wrap(scan.toString('base64')).replace(/\r\n/g, eol));
      expect(out.raw.startsWith(head!.slice(0, head!.indexOf('Content-Type: image/jpeg')))).toBe(true);
      expect(out.raw.endsWith(tail!)).toBe(true);
    });
  }

  it('leaves a message without the scan exactly as it was', () => {
    const raw = mail(randomBytes(100));
    expect(redactMime(raw, () => false, () => 'x')).toEqual({ raw, removed: [] });
  });

  it('finds a quoted-printable or 8-bit part by its decoded bytes', () => {
    const raw = 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nsecret=3Dcode\n--b--\n';
    const out = redactMime(raw, (b) => Buffer.from(b).toString('latin1') === 'secret=code', () => 'gone');
    expect(out.removed).toHaveLength(1);
    expect(out.raw).toBe('Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\nContent-Disposition: inline\n\ngone\n--b--\n');
  });
});

describe('eraseIdScan', () => {
  async function world() {
    const scan = randomBytes(2000);
    const raw = mail(scan);
    const evidence = new InMemoryBlobStore();
    const inbound = new InMemoryBlobStore();
    const messages = new InMemoryMessageStore();
    await evidence.put('cases/softera/c1/d1/02-pasas.jpg', scan, 'image/jpeg');
    await evidence.put('cases/softera/c1/d1/03-letter.pdf', Buffer.from('%PDF-1.4 letter'), 'application/pdf');
    await inbound.put('inbound/d1', Buffer.from(raw, 'latin1'), 'message/rfc822');
    const message: CaseMessage = {
      id: 'd1', tenantId: 'softera', caseId: 'c1', direction: 'inbound', channel: 'email', at: '2026-11-20T08:00:00.000Z', subject: 'Prašymas',
      messageId: '<d1@example.lt>', inReplyTo: null, references: [], from: 'ona@example.lt', to: ['duomenuapsauga@softera.lt'], raw, rawKey: 'inbound/d1',
      attachments: [
        { filename: 'pasas.jpg', contentType: 'image/jpeg', size: 2000, key: 'cases/softera/c1/d1/02-pasas.jpg' },
        { filename: 'letter.pdf', contentType: 'application/pdf', size: 15, key: 'cases/softera/c1/d1/03-letter.pdf' },
      ],
    };
    await messages.addMessage(message);
    const deps = { messages, evidence, evidenceEraser: new InMemoryBlobEraser(evidence), inboundMail: inbound, inboundEraser: new InMemoryBlobEraser(inbound), clock: { now: () => new Date('2026-11-23T09:00:00Z') } };
    return { scan, deps, evidence, inbound, messages };
  }

  it('erases the copy, rewrites both stored raws, marks only that attachment, and a retry changes nothing', async () => {
    const { scan, deps, evidence, inbound, messages } = await world();
    const result = await eraseIdScan(deps, { tenantId: 'softera', caseId: 'c1', key: 'cases/softera/c1/d1/02-pasas.jpg' });
    expect(result).toEqual({ messagesRewritten: 1, sha256: sha(scan) });
    expect(evidence.objects.has('cases/softera/c1/d1/02-pasas.jpg')).toBe(false);
    expect(evidence.objects.has('cases/softera/c1/d1/03-letter.pdf')).toBe(true);
    const b64 = scan.toString('base64').slice(0, 60);
    const bucketRaw = Buffer.from(await inbound.get('inbound/d1')).toString('latin1');
    const [m] = await messages.listMessages('softera', 'c1');
    for (const text of [bucketRaw, m!.raw!]) {
      expect(text).not.toContain(b64);
      expect(text).toContain(`"pasas.jpg", image/jpeg, 2000 bytes, SHA-256 ${sha(scan)}`);
      expect(text).toContain(Buffer.from('%PDF-1.4 letter').toString('base64'));
    }
    expect(m!.attachments.map((a) => a.removed ?? null)).toEqual([{ at: '2026-11-23T09:00:00.000Z', sha256: sha(scan) }, null]);

    const again = await eraseIdScan(deps, { tenantId: 'softera', caseId: 'c1', key: 'cases/softera/c1/d1/02-pasas.jpg' });
    expect(again).toEqual({ messagesRewritten: 0, sha256: sha(scan) });
    expect((await messages.listMessages('softera', 'c1'))[0]).toEqual(m);
  });
});
