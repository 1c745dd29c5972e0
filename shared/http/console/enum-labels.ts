import type { CaseStatus } from '#domain/case.ts';
import type { Channel, Language } from '#domain/channels.ts';
import type { IdentityMethod, IdentityStatus } from '#domain/identity.ts';
import type { RightStatus, RightType } from '#domain/rights.ts';

/** The domain's closed vocabularies (statuses, channels, rights, methods, steps, roles) in lt and en. */
type Enum<K extends string> = Record<K, Record<Language, string>>;

export const STATUS_LABEL: Enum<CaseStatus> = {
  received: { en: 'Received', lt: 'Gauta' },
  awaiting_identity: { en: 'Awaiting identity', lt: 'Laukiama tapatybės' },
  in_progress: { en: 'In progress', lt: 'Vykdoma' },
  awaiting_approval: { en: 'Awaiting approval', lt: 'Laukia tvirtinimo' },
  answered: { en: 'Answered', lt: 'Atsakyta' },
  refused: { en: 'Refused', lt: 'Atsisakyta' },
  invalid: { en: 'Invalid', lt: 'Netinkamas' },
  withdrawn: { en: 'Withdrawn', lt: 'Atsiimta' },
  closed: { en: 'Closed', lt: 'Užbaigta' },
};

export const CHANNEL_LABEL: Enum<Channel> = {
  email: { en: 'E-mail', lt: 'El. paštas' },
  post: { en: 'Post', lt: 'Paštas' },
  in_person: { en: 'In person', lt: 'Atvykus' },
  api: { en: 'Partner API', lt: 'Partnerio API' },
  web_form: { en: 'Web form', lt: 'Interneto forma' },
};

export const RIGHT_SHORT: Enum<RightType> = {
  access: { en: 'Access', lt: 'Susipažinti' },
  rectification: { en: 'Rectification', lt: 'Ištaisyti' },
  erasure: { en: 'Erasure', lt: 'Ištrinti' },
  restriction: { en: 'Restriction', lt: 'Apriboti' },
  portability: { en: 'Portability', lt: 'Perkeliamumas' },
  objection: { en: 'Objection', lt: 'Nesutikimas' },
  direct_marketing_objection: { en: 'Direct marketing objection', lt: 'Nesutikimas dėl rinkodaros' },
  automated_decision_review: { en: 'Automated decision', lt: 'Automatizuotas sprendimas' },
  consent_withdrawal: { en: 'Consent withdrawal', lt: 'Sutikimo atšaukimas' },
  information: { en: 'Information', lt: 'Informacija' },
};

export const RIGHT_STATUS_LABEL: Enum<RightStatus> = {
  pending: { en: 'Pending', lt: 'Laukia' },
  in_progress: { en: 'In progress', lt: 'Vykdoma' },
  fulfilled: { en: 'Fulfilled', lt: 'Įvykdyta' },
  partially_fulfilled: { en: 'Partly fulfilled', lt: 'Įvykdyta iš dalies' },
  refused: { en: 'Refused', lt: 'Atsisakyta' },
  withdrawn: { en: 'Withdrawn', lt: 'Atsiimta' },
};

export const IDENTITY_STATUS_LABEL: Enum<IdentityStatus> = {
  not_required: { en: 'Not required', lt: 'Nereikia' },
  pending: { en: 'Pending', lt: 'Laukiama' },
  verified: { en: 'Verified', lt: 'Patvirtinta' },
  failed: { en: 'Not established', lt: 'Nenustatyta' },
};

export const METHOD_LABEL: Enum<IdentityMethod> = {
  qes: { en: 'Qualified e-signature', lt: 'Kvalifikuotas el. parašas' },
  id_document: { en: 'ID document', lt: 'Asmens dokumentas' },
  in_person: { en: 'In person', lt: 'Atvykus' },
  email_control: { en: 'E-mail control', lt: 'El. pašto kontrolė' },
  partner_assertion: { en: 'Partner assertion', lt: 'Partnerio patvirtinimas' },
  not_required: { en: 'Not required', lt: 'Nereikia' },
};

export const STEP_LABEL: Enum<'identity_review' | 'subject_identity' | 'answer_draft' | 'approval' | 'rights_confirmation' | 'subject_clarification'> = {
  rights_confirmation: { en: 'staff confirmation of the rights', lt: 'darbuotojo patvirtinimo, kokių teisių prašoma' },
  subject_clarification: { en: 'the subject to send the missing details', lt: 'subjekto trūkstamos informacijos' },
  identity_review: { en: 'staff identity review', lt: 'darbuotojo tapatybės patikros' },
  subject_identity: { en: 'the subject to prove identity', lt: 'subjekto tapatybės patvirtinimo' },
  answer_draft: { en: 'the answer to be drafted', lt: 'atsakymo projekto' },
  approval: { en: 'approval of the answer', lt: 'atsakymo patvirtinimo' },
};

export const ROLE_LABEL: Enum<'agent' | 'approver' | 'admin'> = {
  agent: { en: 'Agent', lt: 'Specialistas' },
  approver: { en: 'Approver', lt: 'Tvirtintojas' },
  admin: { en: 'Administrator', lt: 'Administratorius' },
};
