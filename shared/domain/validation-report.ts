/**
 * What staff see of one ETSI TS 119 102-2 validation report kept with a case's identity evidence:
 * one per signed file judged at intake (a re-judged file replaces its report). The XML itself
 * holds no document content — file name and digest, signatures, certificates by digest — so it
 * can be kept as long as the case and shown to the State Data Protection Inspectorate.
 */
export interface ValidationReportSummary {
  /** SHA-256 (hex) of the judged file: one report per file and case. */
  readonly id: string;
  readonly fileName: string;
  readonly format: string;
  readonly indication: 'TOTAL_PASSED' | 'INDETERMINATE' | 'TOTAL_FAILED';
  readonly subIndication: string | null;
  readonly signatureLevel: string;
  /** The indication in plain words for staff (shared/signatures/indication-text.ts). */
  readonly inWords: { readonly en: string; readonly lt: string };
  /** TOTAL_PASSED + QESig + qualified: whether this file can prove identity (the name match aside). */
  readonly provesIdentity: boolean;
  readonly checkedAt: string;
  readonly sizeBytes: number;
}

/** Report ids are SHA-256 hex digests; anything else is not a report of ours. */
export const VALIDATION_REPORT_ID = /^[0-9a-f]{64}$/;
