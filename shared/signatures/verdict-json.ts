import { indicationInWords } from './indication-text.ts';
import type { FileVerdict, SignatureVerdict } from './verdict.ts';

/**
 * The verdict as printed by `verify-signature` (DESIGN §4.3): the original fields first and
 * unchanged (`format`, `valid`, `qualified`, `signer`, `signingTime`, `reasons`), then the
 * ETSI EN 319 102-1 fields, then one entry per signature.
 */
export function verdictJson(v: FileVerdict): Record<string, unknown> {
  const first = v.signatures[0];
  return {
    format: v.format,
    valid: v.valid,
    qualified: v.qualified,
    signer: { commonName: first?.signer?.commonName ?? null, serialNumber: first?.signer?.serialNumber ?? null },
    signingTime: first?.signingTime?.toISOString() ?? null,
    reasons: v.reasons,
    indication: v.indication,
    subIndication: v.subIndication,
    signatureLevel: v.signatureLevel,
    inWords: indicationInWords(v.indication, v.subIndication, v.signatureLevel),
    errors: v.errors,
    warnings: v.warnings,
    infos: v.infos,
    validatedAt: v.validatedAt.toISOString(),
    signatures: v.signatures.map(signatureJson),
  };
}

function signatureJson(s: SignatureVerdict): Record<string, unknown> {
  return {
    id: s.id,
    indication: s.indication,
    subIndication: s.subIndication,
    signatureLevel: s.signatureLevel,
    baselineLevel: s.baselineLevel,
    valid: s.valid,
    qualified: s.qualified,
    signer: s.signer,
    claimedSigningTime: s.claimedSigningTime?.toISOString() ?? null,
    signingTime: s.signingTime?.toISOString() ?? null,
    bestSignatureTime: s.bestSignatureTime.toISOString(),
    scope: s.scope,
    certificateChain: s.certificateChain.map((c) => ({ ...c, notBefore: c.notBefore.toISOString(), notAfter: c.notAfter.toISOString() })),
    revocation: s.revocation.map((r) => ({ ...r, issuedAt: r.issuedAt.toISOString() })),
    timestamps: s.timestamps.map((t) => ({ ...t, genTime: t.genTime?.toISOString() ?? null })),
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
  };
}
