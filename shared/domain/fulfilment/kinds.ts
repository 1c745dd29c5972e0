// Apart from register.ts, whose register schemas only validation needs (when a Lambda bundle is
// built: shared/tenants/fulfilment/registers.ts): the case record, task planning and the notices
// use these lists at run time without bundling the schemas (issue 15).

/** What an identity method can prove about the subject, and so what systems may be searched by. */
export const IDENTIFIER_KINDS = ['email', 'personal_code', 'customer_id'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Rights whose carrying out must be told to recipients (GDPR Art. 19: Art. 16, 17(1), 18). */
export const ART19_RIGHTS = ['rectification', 'erasure', 'restriction'] as const;
