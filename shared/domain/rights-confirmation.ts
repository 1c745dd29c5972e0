import type { RightType } from './rights.ts';

/**
 * Rights read from free text with too little confidence (or not at all) wait for a person: the
 * case opens with the best reading, says "rights need staff confirmation", and its workflow waits
 * at `rights_confirmation` until staff confirm (or correct) them. Only then is identity asked
 * for, so a subject is never told "no identity check is needed" because a request was misread.
 */
export interface RightsConfirmation {
  readonly status: 'needed' | 'confirmed';
  /** When the case began needing it (its receipt). */
  readonly since: string;
  /** The classifier's confidence per right it read (0–1), shown to staff. */
  readonly confidence: Partial<Record<RightType, number>>;
  readonly confirmedBy?: string;
  readonly confirmedAt?: string;
}

export const RIGHTS_NEED_CONFIRMATION = 'rights need staff confirmation';

/** True while staff have not confirmed the rights of a case that needs it. */
export function rightsAwaitConfirmation(c: { readonly rightsConfirmation?: RightsConfirmation | null }): boolean {
  return c.rightsConfirmation?.status === 'needed';
}
