import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth';
import { describe, expect, it } from 'vitest';
import { fromSesVerdict, judgeSender } from '#domain/sender-authentication.ts';
import { stubResolver, verifyLocally } from '../../local/services/mail-auth.ts';

/**
 * The local verdicts (mailauth against a DNS stub this test controls) that the SMTP listener puts
 * in the receipt event where SES puts its own, and how they are judged.
 */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

const message = (from: string) =>
  [`From: Ona <${from}>`, 'To: duomenuapsauga@softera.lt', 'Subject: Prašymas', 'Message-ID: <auth-1@example.lt>', 'Date: Mon, 23 Nov 2026 09:00:00 +0200', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'Prašau ištrinti mano duomenis.', ''].join('\r\n');

async function signed(from: string, domain: string): Promise<Uint8Array> {
  const raw = message(from);
  const { signatures, errors } = await dkimSign(raw, {
    canonicalization: 'relaxed/relaxed',
    // The typings name the top-level fields; mailauth 4.13 signs with signatureData (the top-level form alone signs nothing).
    signingDomain: domain,
    selector: 'sel',
    privateKey: pem,
    signatureData: [{ signingDomain: domain, selector: 'sel', privateKey: pem }],
  });
  expect(errors).toEqual([]);
  expect(signatures).toContain('DKIM-Signature');
  return new TextEncoder().encode(signatures + raw);
}

const dns = stubResolver({
  'example.lt': { TXT: [['v=spf1 ip4:192.0.2.10 -all']] },
  '_dmarc.example.lt': { TXT: [['v=DMARC1; p=reject']] },
  'sel._domainkey.example.lt': { TXT: [[`v=DKIM1; k=rsa; p=${p}`]] },
  'evil.test': { TXT: [['v=spf1 ip4:198.51.100.7 -all']] },
  'sel._domainkey.evil.test': { TXT: [[`v=DKIM1; k=rsa; p=${p}`]] },
});
const judge = (from: string, v: Awaited<ReturnType<typeof verifyLocally>>) =>
  judgeSender(from, { spf: fromSesVerdict(v.spfVerdict.status), dkim: fromSesVerdict(v.dkimVerdict.status), dmarc: fromSesVerdict(v.dmarcVerdict.status), alignedDkim: v.alignment.dkim, alignedSpf: v.alignment.spf, source: 'mailauth' });

describe('local sender verdicts with mailauth against a DNS stub', () => {
  it('DKIM signed by the From domain, sent from its SPF address: DMARC passes and the sender is authenticated', async () => {
    const v = await verifyLocally(await signed('ona@example.lt', 'example.lt'), { ip: '192.0.2.10', helo: 'mail.example.lt', mailFrom: 'ona@example.lt', resolver: dns });
    expect(v).toEqual({ spfVerdict: { status: 'PASS' }, dkimVerdict: { status: 'PASS' }, dmarcVerdict: { status: 'PASS' }, alignment: { dkim: true, spf: true } });
    expect(judge('ona@example.lt', v).authenticated).toBe(true);
  });

  it('a spoofed From (signed and sent by another domain): DKIM passes for evil.test, but DMARC fails and the sender is not authenticated', async () => {
    const v = await verifyLocally(await signed('ona@example.lt', 'evil.test'), { ip: '198.51.100.7', helo: 'mx.evil.test', mailFrom: 'bounce@evil.test', resolver: dns });
    expect(v.dkimVerdict.status).toBe('PASS');
    expect(v.dmarcVerdict.status).toBe('FAIL');
    expect(v.alignment).toEqual({ dkim: false, spf: false });
    expect(judge('ona@example.lt', v)).toMatchObject({ authenticated: false });
  });

  it('an unsigned message from an address outside SPF: nothing passes', async () => {
    const v = await verifyLocally(new TextEncoder().encode(message('ona@example.lt')), { ip: '127.0.0.1', helo: 'localhost', mailFrom: 'ona@example.lt', resolver: dns });
    expect(v.spfVerdict.status).toBe('FAIL');
    expect(v.dmarcVerdict.status).toBe('FAIL');
    expect(judge('ona@example.lt', v).authenticated).toBe(false);
  });
});
