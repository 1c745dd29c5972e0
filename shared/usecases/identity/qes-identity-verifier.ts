import type { Case } from '#domain/case.ts';
import type { IdentityVerifier } from '#ports/cases.ts';
import { qesCandidates } from '#usecases/identity/qes-candidates.ts';
import type { QesDeps } from '#usecases/identity/verify-qes-attachments.ts';

/**
 * The IdentityVerifier the intake step uses: a qualified signature that names the requester
 * establishes identity automatically (when the tenant's rule for the channel accepts `qes`);
 * a qualified signature by someone else goes to staff with the reason; anything else leaves
 * the case to ask the subject.
 */
export class QesIdentityVerifier implements IdentityVerifier {
  constructor(private readonly deps: QesDeps) {}

  async verifyAtIntake(c: Case) {
    if (!c.identity.acceptedMethods.includes('qes')) return null;
    // Most cases carry nothing signed: the validators (xmldom, asn1js, the ETSI checks: ~240 KB and
    // ~30 ms of every cold start of the intake step) load only for one that may (docs/performance.md).
    const candidates = await qesCandidates(this.deps, c);
    if (candidates.length === 0) return null;
    const { qesEvidenceFor } = await import('#usecases/identity/verify-qes-attachments.ts');
    const record = await qesEvidenceFor(this.deps, c, candidates);
    if (!record || record.verdict === 'rejected') return null;
    const summary = record.verdict === 'verified'
      ? `Qualified electronic signature by ${record.signer?.name ?? 'the requester'} (certificate ${record.certificateSha256?.slice(0, 16) ?? '?'}…, trusted list ${record.trustedList?.territory ?? '?'} #${record.trustedList?.sequenceNumber ?? '?'}).`
      : record.reasons.join(' ');
    return { method: 'qes' as const, evidence: summary, record, verdict: record.verdict };
  }
}
