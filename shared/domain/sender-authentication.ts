import type { IdentityMethod } from './identity.ts';

/**
 * What an inbound e-mail proved about its sender (issue 16), kept on the case in a small shape of
 * its own so identity evidence and the console can read it: the receiving side's SPF, DKIM and
 * DMARC verdicts, the `From` address they vouch for, and what became of `Reply-To`.
 *
 * The rule: a `From` is *authenticated* when DMARC passed, or (where the verifier can tell) a
 * DKIM signature or the SPF check passed for a domain aligned with the `From` domain. Only an
 * authenticated `From` may receive an e-mail-control identity link; `Reply-To` is used only when
 * it is that same address, otherwise it is kept as *claimed* for staff to judge.
 */
export const AUTH_VERDICTS = ['pass', 'fail', 'none', 'neutral', 'softfail', 'temperror', 'permerror', 'unknown'] as const;
export type AuthVerdict = (typeof AUTH_VERDICTS)[number];

export interface AuthVerdicts {
  readonly spf: AuthVerdict;
  readonly dkim: AuthVerdict;
  readonly dmarc: AuthVerdict;
  /** Whether a passing DKIM signature / SPF domain aligns with the From domain; absent when the verifier does not say (SES's receipt event). */
  readonly alignedDkim?: boolean;
  readonly alignedSpf?: boolean;
  /** Who judged: SES's receipt (on AWS) or mailauth (the local SMTP listener). */
  readonly source: 'ses' | 'mailauth';
}

export interface SenderAuthentication {
  /** The `From` address the verdicts are about. */
  readonly from: string;
  readonly verdicts: AuthVerdicts | null;
  /** DMARC pass, or aligned DKIM/SPF pass: the From address is proven. */
  readonly authenticated: boolean;
  /** Why (or why not), in one sentence for staff. */
  readonly reason: string;
  /** A `Reply-To` other than the authenticated From: recorded, never written to. */
  readonly claimedReplyTo?: string;
  /** Set when no e-mail can be sent to the address (e.g. an SMTPUTF8 local part SES cannot deliver). */
  readonly cannotAnswerByEmail?: string;
}

/**
 * Example: `judgeSender('ona@example.lt', { spf: 'pass', dkim: 'pass', dmarc: 'pass', source: 'ses' })`
 * → `{ from: 'ona@example.lt', authenticated: true, reason: 'DMARC passed for example.lt.', … }`.
 */
export function judgeSender(from: string, verdicts: AuthVerdicts | null): SenderAuthentication {
  const domain = from.slice(from.lastIndexOf('@') + 1);
  if (!verdicts) return { from, verdicts: null, authenticated: false, reason: 'The receiving side gave no authentication verdicts, so the sender is not proven.' };
  if (verdicts.dmarc === 'pass') return { from, verdicts, authenticated: true, reason: `DMARC passed for ${domain}.` };
  if (verdicts.dkim === 'pass' && verdicts.alignedDkim === true) return { from, verdicts, authenticated: true, reason: `A DKIM signature of ${domain} (aligned with From) passed.` };
  if (verdicts.spf === 'pass' && verdicts.alignedSpf === true) return { from, verdicts, authenticated: true, reason: `SPF passed for a domain aligned with ${domain}.` };
  return {
    from,
    verdicts,
    authenticated: false,
    reason: `Not proven: DMARC ${verdicts.dmarc}, DKIM ${verdicts.dkim}${verdicts.alignedDkim === false ? ' (not aligned)' : ''}, SPF ${verdicts.spf}${verdicts.alignedSpf === false ? ' (not aligned)' : ''}.`,
  };
}

/** SES receipt verdict (`{ status: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' }`) in our words. */
export function fromSesVerdict(status: string | undefined): AuthVerdict {
  switch ((status ?? '').toUpperCase()) {
    case 'PASS':
      return 'pass';
    case 'FAIL':
      return 'fail';
    case 'GRAY':
      return 'none';
    case 'PROCESSING_FAILED':
      return 'temperror';
    default:
      return 'unknown';
  }
}

/**
 * E-mail control proves control of an address only when the request came from that address:
 * for an e-mail whose From is not authenticated, the method is taken out of the accepted ones
 * (every controller that accepts it also accepts a QES or an ID document).
 * Example: `identityForSender({ acceptedMethods: ['email_control', 'qes'], … }, { authenticated: false, … })` → `acceptedMethods: ['qes']`.
 */
export function identityForSender<T extends { readonly acceptedMethods: readonly IdentityMethod[] }>(identity: T, sender: SenderAuthentication | undefined): T {
  if (!sender || sender.authenticated || !identity.acceptedMethods.includes('email_control')) return identity;
  const rest = identity.acceptedMethods.filter((m) => m !== 'email_control');
  return rest.length === 0 ? identity : { ...identity, acceptedMethods: rest };
}
