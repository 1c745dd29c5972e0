import type { DeadlinePolicy } from '#domain/tenant-policy.ts';

/**
 * docs/design.md §1.4's per-controller deadline table, written out independently of the tenant files so
 * the deadline tests check the engine against the spec, not against our own configuration.
 */
export const softera: DeadlinePolicy = {
  answer: [{ period: { unit: 'months', amount: 1 }, source: '000 §9' }],
  extension: { total: { unit: 'months', amount: 3 }, noticeRequired: true, noticeMustGiveReasons: true, source: '000 §9' },
  invalidRequestNotice: null,
  directMarketingObjection: null,
  restartOnRevisedRequest: { applies: false },
};
export const legalbalance: DeadlinePolicy = {
  answer: [{ period: { unit: 'months', amount: 1 }, source: '001 §7.2' }],
  extension: { total: { unit: 'months', amount: 3 }, noticeRequired: true, noticeMustGiveReasons: true, source: '001 §7.2' },
  invalidRequestNotice: null,
  directMarketingObjection: null,
  restartOnRevisedRequest: { applies: true, source: '001 §7.2' },
};
export const gautora: DeadlinePolicy = {
  answer: [
    { period: { unit: 'months', amount: 1 }, source: '003 §21.10' },
    { period: { unit: 'days', amount: 30 }, source: '003 §21.1' },
  ],
  extension: { total: { unit: 'months', amount: 3 }, noticeRequired: true, noticeMustGiveReasons: true, source: '003 §21.10' },
  invalidRequestNotice: { period: { unit: 'working_days', amount: 14 }, source: '003 §22.2' },
  directMarketingObjection: null,
  restartOnRevisedRequest: { applies: false },
};
export const lytagra: DeadlinePolicy = {
  answer: [{ period: { unit: 'days', amount: 30 }, source: '004 §3.5' }],
  extension: { total: { unit: 'months', amount: 3 }, noticeRequired: true, noticeMustGiveReasons: true, source: 'GDPR Art. 12(3)' },
  invalidRequestNotice: null,
  directMarketingObjection: { period: { unit: 'hours', amount: 72 }, source: '004 §3.7' },
  restartOnRevisedRequest: { applies: false },
};
