/** Ways a subject's identity can be established (docs/design.md §1.3). */
export const IDENTITY_METHODS = ['qes', 'id_document', 'in_person', 'email_control', 'partner_assertion', 'not_required'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

export const IDENTITY_STATUSES = ['not_required', 'pending', 'verified', 'failed'] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];
