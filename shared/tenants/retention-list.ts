import type { RetentionRule } from '#domain/retention.ts';

/**
 * How long each controller keeps a closed rights-request case (counted from closure), with the
 * clause it comes from. None of the five policies names a period for rights-request records as
 * such; where a clause covers them (communications, accountability logs) it is cited, and where
 * the policy is silent `source` is null and `reason` says why the default was chosen. Each
 * controller may change its own entry (docs/accountability.md); it is validated in
 * `retention-rules.ts`: when a Lambda bundle is built, and when the local stack or a test loads it.
 */
const SILENT_DEFAULT =
  'Policy silent on rights-request records: 3 years after closure, the general limitation period for claims ' +
  'under the Lithuanian Civil Code (art. 1.125(8), damages) and the period within which a complaint to the VDAI can still be examined.';

export const RETENTION_CONFIGS: Readonly<Record<string, RetentionRule>> = {
  // 000 §7 ("no longer than is necessary") names no period for request records.
  softera: { period: { unit: 'years', amount: 3 }, source: null, reason: SILENT_DEFAULT },
  // 001 §4.5: technical log records "to ensure accountability ... shall be stored for 3 (three) years".
  legalbalance: { period: { unit: 'years', amount: 3 }, source: '001 §4.5', reason: 'Accountability records of processing are kept 3 years (001 §4.5, technical log records).' },
  // 002 §12.1 ("as long as necessary ... criteria compliant with laws") names no period.
  bajtel: { period: { unit: 'years', amount: 3 }, source: null, reason: SILENT_DEFAULT },
  // 003 §7.1.5: "data relating to a communication shall be retained ... for 2 years from the last moment of the communication".
  gautora: { period: { unit: 'years', amount: 2 }, source: '003 §7.1.5', reason: 'A request and its answer are a communication: 2 years from its last moment (003 §7.1.5).' },
  // 004 §2.4 covers clients' and marketing data only; nothing on request records.
  lytagra: { period: { unit: 'years', amount: 3 }, source: null, reason: SILENT_DEFAULT },
};
