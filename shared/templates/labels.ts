import type { Language } from '#domain/channels.ts';
import type { IdentityMethod } from '#domain/identity.ts';
import type { RightType } from '#domain/rights.ts';

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Language, string>>>>;

export const RIGHT_LABEL: Labels<RightType> = {
  access: { en: 'access to your personal data', lt: 'susipažinti su savo asmens duomenimis' },
  rectification: { en: 'rectification of your personal data', lt: 'ištaisyti asmens duomenis' },
  erasure: { en: 'erasure of your personal data', lt: 'ištrinti asmens duomenis' },
  restriction: { en: 'restriction of processing', lt: 'apriboti duomenų tvarkymą' },
  portability: { en: 'data portability', lt: 'į duomenų perkeliamumą' },
  objection: { en: 'objection to processing', lt: 'nesutikti su duomenų tvarkymu' },
  direct_marketing_objection: { en: 'objection to direct marketing', lt: 'nesutikti su tiesioginės rinkodaros tikslais vykdomu tvarkymu' },
  automated_decision_review: { en: 'review of an automated decision', lt: 'nebūti automatizuoto sprendimo objektu' },
  consent_withdrawal: { en: 'withdrawal of consent', lt: 'atšaukti sutikimą' },
  information: { en: 'information about how we process personal data', lt: 'gauti informaciją apie duomenų tvarkymą' },
};

export const IDENTITY_METHOD_LABEL: Labels<IdentityMethod> = {
  qes: { en: 'a document signed with a qualified electronic signature', lt: 'kvalifikuotu elektroniniu parašu pasirašytas dokumentas' },
  id_document: { en: 'a copy of your identity document (by post: a notarised or certified copy)', lt: 'asmens tapatybės dokumento kopija (paštu – notaro ar kitaip patvirtinta kopija)' },
  in_person: { en: 'showing your identity document at our office', lt: 'asmens tapatybės dokumento pateikimas mūsų biure' },
  email_control: { en: 'confirming a one-time link we send to your e-mail address', lt: 'patvirtinimas vienkartine nuoroda, kurią atsiųsime el. paštu' },
  partner_assertion: { en: 'confirmation by the website where you are signed in', lt: 'patvirtinimas svetainėje, kurioje esate prisijungę' },
  not_required: { en: 'no identity check is needed', lt: 'tapatybės tikrinti nereikia' },
};
