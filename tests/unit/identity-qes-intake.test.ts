import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedTrustedLists, StaticTrustedLists } from '#usecases/identity/cached-trusted-lists.ts';
import { FetchHttpFetcher } from '#adapters/identity/http-fetcher.ts';
import { QesIdentityVerifier } from '#usecases/identity/qes-identity-verifier.ts';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import { InMemoryValidationReportStore } from '#adapters/memory/validation-report-store.ts';
import type { Case } from '#domain/case.ts';
import type { CaseMessage } from '#domain/mail.ts';
import { openCase } from '#domain/open-case.ts';
import { Certificate } from '#signatures/certificate.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { refreshTrustedLists, TL_INDEX_KEY } from '#usecases/identity/refresh-trusted-lists.ts';
import type { IdentityFixtures } from '../../tools/fixtures/generate.ts';
import { fixtureTrustedList, identityFixtures, readBytes } from '../support/identity-fixtures.ts';

let fx: IdentityFixtures;
beforeAll(async () => {
  fx = await identityFixtures();
}, 60_000);

function gautoraEmailCase(name: string): Case {
  return openCase({
    tenant: tenantRegistry.get('gautora'),
    id: 'c1',
    referenceNumber: 1,
    channel: 'email',
    receivedAt: new Date(fx.generatedAt),
    request: { rights: [{ type: 'access' }], subject: { name, email: 'zydrunas@example.lt' } },
    actor: { kind: 'subject', id: 'zydrunas@example.lt' },
    earlierRequests: [],
    now: new Date(fx.generatedAt),
  }).case;
}

async function verifierWith(attachments: ReadonlyArray<{ filename: string; file: string }>, reports = new InMemoryValidationReportStore()) {
  const messages = new InMemoryMessageStore();
  const evidence = new InMemoryBlobStore();
  for (const a of attachments) await evidence.put(`att/${a.filename}`, readBytes(a.file), 'application/octet-stream');
  const message: CaseMessage = {
    id: 'm1', tenantId: 'gautora', caseId: 'c1', direction: 'inbound', channel: 'email', at: fx.generatedAt, subject: 'Prašymas',
    messageId: '<m1@example.lt>', inReplyTo: null, references: [], from: 'zydrunas@example.lt', to: ['privacy@gautora.lt'],
    raw: 'From: zydrunas@example.lt\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n',
    attachments: attachments.map((a) => ({ filename: a.filename, contentType: 'application/octet-stream', size: 1, key: `att/${a.filename}` })),
  };
  await messages.addMessage(message);
  const clock = { now: () => new Date(fx.at) };
  return new QesIdentityVerifier({ messages, evidence, inboundMail: new InMemoryBlobStore(), reports, trustedLists: new StaticTrustedLists([fixtureTrustedList(fx)], fx.generatedAt), clock });
}

describe('QesIdentityVerifier', () => {
  it('verifies identity at intake from a qualified PAdES attachment signed by the requester, with the evidence record', async () => {
    const verifier = await verifierWith([{ filename: 'prasymas.pdf', file: fx.files.pades.qualified.file }]);
    const result = await verifier.verifyAtIntake(gautoraEmailCase('Žydrūnas Čiurlionis'));
    expect(result).toMatchObject({ method: 'qes', verdict: 'verified' });
    expect(result?.record).toMatchObject({
      method: 'qes', verdict: 'verified', reasons: [], matched: 'requester',
      signer: { name: 'ŽYDRŪNAS ČIURLIONIS', personalCode: '38001010000' },
      certificateSha256: expect.stringMatching(/^[0-9a-f]{64}$/), trustedList: { territory: 'LT', sequenceNumber: 7 }, reviewer: null,
    });
  });

  it('pairs a detached .p7s with the attachment it signs', async () => {
    const verifier = await verifierWith([
      { filename: 'request.txt', file: fx.files['cades-detached'].qualified.content! },
      { filename: 'request.txt.p7s', file: fx.files['cades-detached'].qualified.file },
    ]);
    expect((await verifier.verifyAtIntake(gautoraEmailCase('Zydrunas Ciurlionis')))?.verdict).toBe('verified');
  });

  it('asks staff when the qualified signer is someone else than the requester', async () => {
    const verifier = await verifierWith([{ filename: 'request.json.jades', file: fx.files.jades.qualified.file }]);
    const result = await verifier.verifyAtIntake(gautoraEmailCase('Ona Onaitė'));
    expect(result).toMatchObject({ verdict: 'needs_review', record: { verdict: 'needs_review', reasons: [expect.stringMatching(/is not the requester "Ona Onaitė"/)] } });
  });

  it('keeps an ETSI TS 119 102-2 report for every file it judged, the refused ones too, with no document content', async () => {
    const reports = new InMemoryValidationReportStore();
    const verifier = await verifierWith(
      [
        { filename: 'prasymas.pdf', file: fx.files.pades.qualified.file },
        { filename: 'kitas.pdf', file: fx.files.pades['non-qualified'].file },
        { filename: 'pakeistas.asice', file: fx.files.asice['tampered-content'].file },
      ],
      reports,
    );
    await verifier.verifyAtIntake(gautoraEmailCase('Žydrūnas Čiurlionis'));
    const list = await reports.list('gautora', 'c1');
    expect(list.map((r) => r.fileName).sort()).toEqual(['kitas.pdf', 'pakeistas.asice', 'prasymas.pdf']);
    const passed = list.find((r) => r.fileName === 'prasymas.pdf')!;
    expect(passed).toMatchObject({ indication: 'TOTAL_PASSED', signatureLevel: 'QESig', provesIdentity: true, inWords: { lt: 'Galiojantis asmens kvalifikuotas elektroninis parašas.' } });
    const tampered = list.find((r) => r.fileName === 'pakeistas.asice')!;
    expect(tampered).toMatchObject({ indication: 'TOTAL_FAILED', provesIdentity: false });
    expect(tampered.inWords.en).toMatch(/^Invalid signature/);
    const xml = (await reports.xml('gautora', 'c1', passed.id))!;
    expect(xml).toContain('<ValidationReport xmlns="http://uri.etsi.org/19102/v1.2.1#"');
    expect(xml).toContain('urn:etsi:019102:mainindication:total-passed');
    expect(passed.sizeBytes).toBe(Buffer.byteLength(xml));
    expect(passed.sizeBytes).toBeLessThan(16 * 1024);
    // No document content: not one 32-byte run of the signed PDF appears in the report.
    const pdf = readBytes(fx.files.pades.qualified.file);
    const body = Buffer.from(pdf).toString('latin1');
    for (let i = 0; i + 32 < pdf.length; i += 997) expect(xml).not.toContain(body.slice(i, i + 32));
    // A retried intake stores each file's report once.
    await verifier.verifyAtIntake(gautoraEmailCase('Žydrūnas Čiurlionis'));
    expect(await reports.list('gautora', 'c1')).toHaveLength(3);
  });

  it('does not establish identity with a non-qualified or unsigned (scanned) PDF', async () => {
    expect(await (await verifierWith([{ filename: 'a.pdf', file: fx.files.pades['non-qualified'].file }])).verifyAtIntake(gautoraEmailCase('Petras Petraitis'))).toBeNull();
    expect(await (await verifierWith([])).verifyAtIntake(gautoraEmailCase('Žydrūnas Čiurlionis'))).toBeNull();
  });
});

describe('refreshTrustedLists', () => {
  let server: Server;
  let base: string;
  const served = new Map<string, Uint8Array>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.writeHead(body ? 200 : 404).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    served.set('/LOTL.xml', readBytes(fx.lotl));
    served.set('/TL-LT.xml', readBytes(fx.trustedList));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // The LOTL points at http://127.0.0.1/TL-LT.xml (no port); the fetcher maps it to the test server.
  const http = () => {
    const real = new FetchHttpFetcher();
    return { get: (url: string) => real.get(url.replace('http://127.0.0.1/', `${base}/`)) };
  };

  it('fetches the LOTL, verifies the national list with the certificate the LOTL publishes, and caches it for validation', async () => {
    const cache = new InMemoryBlobStore();
    const clock = { now: () => new Date(fx.at) };
    const lotlSigner = Certificate.fromPemOrDer(readFileSync(fx.lotlSigner));
    const result = await refreshTrustedLists({ http: http(), cache, clock }, { lotlUrl: `${base}/LOTL.xml`, lotlSigners: [lotlSigner], territories: [] });
    expect(result).toEqual({ refreshed: ['LT'], failed: {} });
    expect(cache.objects.has(TL_INDEX_KEY)).toBe(true);
    const source = await new CachedTrustedLists(cache, clock).current();
    expect(source?.lists.map((l) => [l.territory, l.sequenceNumber, l.sha256])).toEqual([['LT', 7, fixtureTrustedList(fx).sha256]]);
  });

  it('refuses a LOTL not signed by the pinned signer, and keeps the old copy of a list that fails', async () => {
    const cache = new InMemoryBlobStore();
    const clock = { now: () => new Date(fx.at) };
    const wrong = Certificate.fromPemOrDer(readFileSync(fx.tlSigner));
    await expect(refreshTrustedLists({ http: http(), cache, clock }, { lotlUrl: `${base}/LOTL.xml`, lotlSigners: [wrong], territories: [] })).rejects.toThrow(/does not verify/);
    const lotlSigner = Certificate.fromPemOrDer(readFileSync(fx.lotlSigner));
    await refreshTrustedLists({ http: http(), cache, clock }, { lotlUrl: `${base}/LOTL.xml`, lotlSigners: [lotlSigner], territories: ['LT'] });
    const tampered = Buffer.from(readBytes(fx.trustedList)).toString('utf8').replace('<tsl:TSLSequenceNumber>7<', '<tsl:TSLSequenceNumber>8<');
    served.set('/TL-LT.xml', new Uint8Array(Buffer.from(tampered)));
    try {
      const result = await refreshTrustedLists({ http: http(), cache, clock }, { lotlUrl: `${base}/LOTL.xml`, lotlSigners: [lotlSigner], territories: ['LT'] });
      expect(result.failed.LT).toMatch(/changed after it was signed/);
      expect((await new CachedTrustedLists(cache, clock).current())?.lists[0]?.sequenceNumber).toBe(7);
    } finally {
      served.set('/TL-LT.xml', readBytes(fx.trustedList));
    }
  });
});
