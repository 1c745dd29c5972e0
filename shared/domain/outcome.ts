/**
 * How a request ended, as the register and its statistics count it (docs/accountability.md):
 * derived from the case's final status and its rights' statuses (shared/domain/register.ts).
 */
export const OUTCOMES = ['granted', 'partly_granted', 'refused', 'invalid', 'withdrawn', 'identity_not_established', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];
