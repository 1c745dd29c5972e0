import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Certificate } from '#signatures/certificate.ts';
import { loadTrustedList } from '#signatures/trusted-list.ts';
import { UnsupportedFormatError, verifySignedFile } from '#signatures/verify-file.ts';
import { verdictJson } from '#signatures/verdict-json.ts';
import { validationReportXml } from '#signatures/etsi-report.ts';

export const VERIFY_SIGNATURE_USAGE =
  'npm run -s cli -- verify-signature <file> --trusted-list <TL.xml> [--tl-signer <cert>] [--content <file>]... [--at <ISO instant>] [--trust-anchor <cert>]... [--report <ETSI report.xml>]';

/**
 * `verify-signature` (docs/design.md §4.3): prints one JSON verdict and returns 0 whenever the file
 * could be judged, valid or not; 2 for bad arguments, 3 when it could not judge (unreadable
 * input, an untrusted list, a format not implemented yet).
 */
export async function verifySignatureCommand(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'trusted-list': { type: 'string' },
        'tl-signer': { type: 'string' },
        content: { type: 'string', multiple: true },
        at: { type: 'string' },
        'trust-anchor': { type: 'string', multiple: true },
        report: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${VERIFY_SIGNATURE_USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const file = positionals[0];
  const listPath = values['trusted-list'];
  if (!file || !listPath) {
    console.error(`Give the signed file and --trusted-list.\n\n${VERIFY_SIGNATURE_USAGE}`);
    return 2;
  }
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime())) {
    console.error('--at must be an ISO 8601 instant, e.g. 2026-11-21T12:00:00Z.');
    return 2;
  }
  try {
    // Without --tl-signer the list is read unverified and every verdict says it is not qualified.
    const signer = values['tl-signer'] ? Certificate.fromPemOrDer(await readFile(values['tl-signer'])) : null;
    const trustedList = loadTrustedList(await readFile(listPath), signer);
    const bytes = await readFile(file);
    // One --content is the signed file of a detached signature; several are a JAdES sigD's objects, by file name.
    const contents = await Promise.all((values.content ?? []).map(async (path) => ({ name: basename(path), bytes: new Uint8Array(await readFile(path)) })));
    const content = contents.length === 1 ? contents[0]!.bytes : undefined;
    const detachedFiles = contents.length > 1 ? contents : undefined;
    const trustAnchors = await Promise.all((values['trust-anchor'] ?? []).map(async (path) => Certificate.fromPemOrDer(await readFile(path))));
    const verdict = await verifySignedFile({ bytes, fileName: file, trustedList, at, trustAnchors, ...(content ? { content } : {}), ...(detachedFiles ? { detachedFiles } : {}) });
    if (values.report) await writeFile(values.report, validationReportXml(verdict, { fileName: basename(file), fileSha256: createHash('sha256').update(bytes).digest('hex') }));
    console.log(JSON.stringify(verdictJson(verdict), null, 2));
    return 0;
  } catch (error) {
    const message = error instanceof UnsupportedFormatError || error instanceof Error ? error.message : String(error);
    console.error(`Could not judge ${file}: ${message}`);
    return 3;
  }
}
