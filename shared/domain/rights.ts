/** The rights a data subject can exercise (docs/design.md §1.1, GDPR Art. 7(3), 13–22). */
export const RIGHT_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'direct_marketing_objection',
  'automated_decision_review',
  'consent_withdrawal',
  'information',
] as const;
export type RightType = (typeof RIGHT_TYPES)[number];

/** The GDPR article each right comes from, shown to subjects and staff. */
export const RIGHT_ARTICLE: Record<RightType, string> = {
  access: 'Art. 15',
  rectification: 'Art. 16',
  erasure: 'Art. 17',
  restriction: 'Art. 18',
  portability: 'Art. 20',
  objection: 'Art. 21(1)',
  direct_marketing_objection: 'Art. 21(2)–(3)',
  automated_decision_review: 'Art. 22',
  consent_withdrawal: 'Art. 7(3)',
  information: 'Art. 13–14',
};

export const RIGHT_STATUSES = ['pending', 'in_progress', 'fulfilled', 'partially_fulfilled', 'refused', 'withdrawn'] as const;
export type RightStatus = (typeof RIGHT_STATUSES)[number];
