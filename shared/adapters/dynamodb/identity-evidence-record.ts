import * as z from 'zod/mini';
import { IDENTITY_METHODS } from '#domain/identity.ts';
import { EVIDENCE_VERDICTS, ID_DOCUMENT_TYPES, type IdentityEvidence } from '#domain/identity-evidence.ts';

// Built on first use (z.lazy): only an item that carries identity evidence parses it, so most cold starts never build it.
/** The stored identity evidence record (parsed, never cast; unknown fields are dropped). */
export const StoredIdentityEvidenceSchema = z.lazy(() => z.object({
  method: z.enum(IDENTITY_METHODS),
  verdict: z.enum(EVIDENCE_VERDICTS),
  reasons: z.array(z.string()),
  signer: z.optional(z.nullable(z.object({ name: z.string(), personalCode: z.optional(z.string()) }))),
  matched: z.optional(z.nullable(z.enum(['requester', 'represented']))),
  certificateSha256: z.optional(z.nullable(z.string())),
  trustedList: z.optional(z.nullable(z.object({ territory: z.string(), sequenceNumber: z.number(), sha256: z.string(), fetchedAt: z.optional(z.string()) }))),
  signedAt: z.optional(z.nullable(z.string())),
  document: z.optional(z.nullable(z.object({ type: z.enum(ID_DOCUMENT_TYPES), issuingCountry: z.string(), expiresOn: z.string(), lastDigits: z.string() }))),
  partnerSubject: z.optional(z.nullable(z.string())),
  representation: z.optional(z.nullable(z.object({ document: z.string() }))),
  reviewer: z.nullable(z.string()),
  checkedAt: z.string(),
}));

type Assignable<T, U extends T> = U;
export type IdentityEvidenceCheck = Assignable<IdentityEvidence, z.infer<typeof StoredIdentityEvidenceSchema>>;
