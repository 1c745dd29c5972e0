import { existsSync, readFileSync } from 'node:fs';
import { authenticate, type DNSResolver } from 'mailauth';

/**
 * The local stand-in for SES's receipt verdicts: mailauth (pinned) checks SPF, DKIM and DMARC of a
 * message received by the SMTP listener, against a DNS the caller gives — a stub the tests
 * control, or, for `npm start`, the records in `.local/dns.json` (none by default: like SES, a
 * message from 127.0.0.1 for someone else's domain proves nothing). The result is written into
 * the receipt event exactly as SES writes it (`spfVerdict`, `dkimVerdict`, `dmarcVerdict`:
 * `{ status: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' }`), plus the DKIM/SPF alignment with
 * the From domain, which mailauth can tell and SES's event does not.
 */
export interface ReceiptVerdicts {
  readonly spfVerdict: { status: string };
  readonly dkimVerdict: { status: string };
  readonly dmarcVerdict: { status: string };
  readonly alignment: { dkim: boolean; spf: boolean };
}

/** DNS answers by name and type: `{ 'example.lt': { TXT: [['v=spf1 ip4:127.0.0.1 -all']] } }`. */
export type DnsRecords = Readonly<Record<string, Readonly<Record<string, ReadonlyArray<string[] | string>>>>>;

/** A resolver answering only from `records`; anything else is NXDOMAIN, as for an unknown name. */
export function stubResolver(records: DnsRecords): DNSResolver {
  return async (name, rrtype) => {
    const found = records[name.toLowerCase().replace(/\.$/, '')]?.[rrtype.toUpperCase()];
    if (!found || found.length === 0) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return found as string[][] | string[];
  };
}

const SES_STATUS: Record<string, string> = { pass: 'PASS', fail: 'FAIL', softfail: 'FAIL', permerror: 'FAIL', temperror: 'PROCESSING_FAILED', none: 'GRAY', neutral: 'GRAY', policy: 'FAIL' };
const ses = (result: string | undefined) => ({ status: SES_STATUS[result ?? 'none'] ?? 'GRAY' });

/**
 * Example: `await verifyLocally(raw, { ip: '127.0.0.1', helo: 'mail.example.lt', mailFrom: 'ona@example.lt', resolver })`
 * → `{ spfVerdict: { status: 'PASS' }, dkimVerdict: { status: 'PASS' }, dmarcVerdict: { status: 'PASS' }, alignment: { dkim: true, spf: true } }`.
 */
export async function verifyLocally(raw: Uint8Array, envelope: { ip: string; helo: string; mailFrom: string; resolver: DNSResolver }): Promise<ReceiptVerdicts> {
  const result = await authenticate(Buffer.from(raw), { ip: envelope.ip, helo: envelope.helo, sender: envelope.mailFrom, mta: 'rightsdesk.local', resolver: envelope.resolver, disableArc: true, disableBimi: true });
  const dkimResults = result.dkim?.results ?? [];
  const dkimPass = dkimResults.some((r) => r.status?.result === 'pass');
  const dmarc = result.dmarc === false ? undefined : result.dmarc;
  return {
    spfVerdict: ses(result.spf === false ? 'none' : result.spf?.status?.result),
    dkimVerdict: ses(dkimPass ? 'pass' : (dkimResults[0]?.status?.result ?? 'none')),
    dmarcVerdict: ses(dmarc?.status?.result),
    alignment: { dkim: Boolean(dmarc?.alignment?.dkim?.result), spf: Boolean(dmarc?.alignment?.spf?.result) },
  };
}

/** The records `npm start` answers from: `.local/dns.json` when it exists, else none. */
export function localDnsRecords(file: string): DnsRecords {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DnsRecords) : {};
}
