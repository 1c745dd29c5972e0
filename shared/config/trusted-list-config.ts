import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { awsRegion, optionalNonEmptyString, optionalUrl } from './env-fields.ts';

/**
 * Configuration of the trusted-list refresh job, read once at start-up (fail fast).
 * `TL_LOTL_SIGNERS` holds the pinned LOTL signer certificates (PEM, concatenated), as published
 * in the Official Journal of the EU.
 */
const EnvSchema = z.object({
  AWS_REGION: awsRegion,
  S3_ENDPOINT: optionalUrl,
  EVIDENCE_BUCKET: z.string().check(z.minLength(3)),
  TL_LOTL_URL: z._default(z.url(), 'https://ec.europa.eu/tools/lotl/eu-lotl.xml'),
  /** The LOTL signers' certificates as PEM text… */
  TL_LOTL_SIGNERS: z.optional(z.string().check(z.includes('-----BEGIN CERTIFICATE-----'))),
  /** …or a PEM file shipped beside the bundle (a Lambda environment holds only 4 KB). */
  TL_LOTL_SIGNERS_FILE: optionalNonEmptyString,
  TL_TERRITORIES: z._default(z.string(), ''),
});

export interface TrustedListConfig {
  readonly region: string;
  readonly s3Endpoint?: string;
  readonly cacheBucket: string;
  readonly lotlUrl: string;
  readonly lotlSignersPem: readonly string[];
  readonly territories: readonly string[];
}

export function loadTrustedListConfig(env: Record<string, string | undefined> = process.env): TrustedListConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid trusted-list configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  return {
    region: e.AWS_REGION,
    ...(e.S3_ENDPOINT ? { s3Endpoint: e.S3_ENDPOINT } : {}),
    cacheBucket: e.EVIDENCE_BUCKET,
    lotlUrl: e.TL_LOTL_URL,
    lotlSignersPem: signersPem(e.TL_LOTL_SIGNERS, e.TL_LOTL_SIGNERS_FILE).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [],
    territories: e.TL_TERRITORIES.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean),
  };
}

function signersPem(inline: string | undefined, file: string | undefined): string {
  const pem = inline ?? (file ? readFileSync(file, 'utf8') : '');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error('Invalid trusted-list configuration: set TL_LOTL_SIGNERS (PEM) or TL_LOTL_SIGNERS_FILE to the LOTL signers\' certificates.');
  }
  return pem;
}
