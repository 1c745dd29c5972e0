import * as z from 'zod/mini';
import { CHANNELS, LANGUAGES } from './channels.ts';
import { IDENTITY_METHODS } from './identity.ts';
import { RIGHT_TYPES } from './rights.ts';

/**
 * A controller (tenant) as validated configuration. Every rule carries `source`: the clause of
 * the controller's privacy policy it comes from (e.g. "003 §21.10"), so staff and subjects can
 * see why a date or a requirement applies.
 */
const source = z.string().check(z.minLength(3));
const nonEmpty = z.string().check(z.minLength(1));

export const PeriodSchema = z.object({
  unit: z.enum(['months', 'days', 'working_days', 'hours']),
  amount: z.int().check(z.positive()),
});

const PeriodRuleSchema = z.object({ period: PeriodSchema, source });

export const DeadlinePolicySchema = z.object({
  /** The answer is due at the EARLIEST of these periods (Gautora: 1 month and 30 days, 003 §21.1/§21.10). */
  answer: z.array(PeriodRuleSchema).check(z.minLength(1)),
  /** The extended due date, counted from receipt (1 month + 2 months = 3 months from receipt). */
  extension: z.object({
    total: PeriodSchema,
    noticeRequired: z.boolean(),
    noticeMustGiveReasons: z.boolean(),
    source,
  }),
  /** Deadline to tell the subject a request is not valid, and why (Gautora: 14 working days). */
  invalidRequestNotice: z.nullable(PeriodRuleSchema),
  /** Deadline to act on a direct marketing objection (Lytagra: 72 hours). */
  directMarketingObjection: z.nullable(PeriodRuleSchema),
  /** Whether the answer period restarts when the subject sends a revised request (001 §7.2). */
  restartOnRevisedRequest: z.object({ applies: z.boolean(), source: z.optional(source) }),
});

const IdentityRuleSchema = z.object({
  /** Any one of these methods establishes identity for the channel. */
  acceptedMethods: z.array(z.enum(IDENTITY_METHODS)).check(z.minLength(1)),
  source,
  note: z.optional(z.string()),
});

export const IdentityPolicySchema = z.object({
  byChannel: z.record(z.enum(CHANNELS), IdentityRuleSchema),
  /** Rights answered without identity (general information under Art. 13/14). */
  notRequiredFor: z.array(z.enum(RIGHT_TYPES)),
  representative: z.object({ requires: z.array(nonEmpty).check(z.minLength(1)), source }),
  /** A scanned, hand-signed letter sent electronically is not enough (003 §21.9). */
  scannedSignatureAccepted: z.boolean(),
  /** The clause that refuses scanned signatures, cited to the subject (Gautora: 003 §21.9). */
  scannedSignatureSource: z.optional(source),
  whenInDoubt: z.optional(z.object({ action: nonEmpty, source })),
});

export const RepeatRuleSchema = z.discriminatedUnion('kind', [
  /** Only "manifestly unfounded or excessive, in particular repetitive" (000 §9, 002 §13.1). */
  z.object({ kind: z.literal('excessive_only'), source }),
  /** N free copies per calendar year (Gautora: one, 003 §13.1). */
  z.object({ kind: z.literal('free_per_calendar_year'), count: z.int().check(z.positive()), rights: z.array(z.enum(RIGHT_TYPES)), source }),
  /** More often than once per N months is abuse (Lytagra: 6 months, 004 §3.6). */
  z.object({ kind: z.literal('min_interval_months'), months: z.int().check(z.positive()), rights: z.array(z.enum(RIGHT_TYPES)), source }),
]);

/**
 * Text shown to subjects and staff (the Art. 15 information, the authority's name): Lithuanian and
 * English are both required, so a tenant file missing one fails to compile (`satisfies TenantConfig`
 * or `satisfies Art15Info`) and fails validation when the bundle is built, as the interface labels do.
 */
const TextSchema = z.object({ lt: nonEmpty, en: nonEmpty });

/**
 * A controller's Art. 15(1)–(2) information, as its policy gives it. Not part of `TenantSchema`:
 * only answers use it, so it is its own dataset keyed by tenant id (shared/tenants/art15-seeds.ts)
 * and a function's init does not load it with the tenants (issue 15).
 */
export const Art15InfoSchema = z.object({
  purposes: z.array(
    z.object({
      purpose: TextSchema,
      legalBasis: TextSchema,
      dataCategories: z.array(TextSchema),
      retention: TextSchema,
      source,
    }),
  ).check(z.minLength(1)),
  recipients: z.array(z.object({ recipient: TextSchema, source })),
  /** Gautora lists the recipients of the last year (003 §13.1). */
  recipientsWindow: z.optional(z.object({ months: z.int().check(z.positive()), source })),
  sources: z.array(z.object({ from: TextSchema, source })),
  automatedDecisionMaking: z.object({ used: z.boolean(), description: TextSchema, source }),
  thirdCountryTransfers: z.object({ transfers: z.boolean(), safeguards: TextSchema, source }),
});

/**
 * Asking the subject for missing details (what the request is about, which account, which
 * period): how long the case waits before one reminder, and then before it is closed with a
 * notice. `source` is the clause that lets the controller ask; the restart of the period, where
 * there is one, is `deadlines.restartOnRevisedRequest`.
 */
export const ClarificationPolicySchema = z.object({
  reminderAfterDays: z.int().check(z.positive(), z.lte(60)),
  closeAfterReminderDays: z.int().check(z.positive(), z.lte(60)),
  source,
});

const ContactSchema = z.object({
  name: z.optional(z.string()),
  email: z.optional(z.email()),
  phone: z.optional(z.string()),
  address: z.optional(z.string()),
});

export const TenantSchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9]{1,30}$/)),
  /** Short upper-case prefix of case references, e.g. "GAU" → GAU-2026-000042. */
  referencePrefix: z.string().check(z.regex(/^[A-Z]{3}$/)),
  /** The seed policy file the configuration is taken from. */
  policyDocument: nonEmpty,
  controller: z.object({
    name: nonEmpty,
    legalName: nonEmpty,
    /** Optional only because some policies leave it out; never invent one (it is shown to subjects). */
    companyCode: z.optional(nonEmpty),
    address: z.optional(nonEmpty),
    email: z.optional(z.email()),
    phone: z.optional(z.string()),
    website: z.optional(z.string()),
  }),
  dpo: ContactSchema,
  /** The privacy mailbox requests are received at and answered from. */
  mailbox: z.email(),
  languages: z.object({ official: z.enum(LANGUAGES), supported: z.array(z.enum(LANGUAGES)).check(z.minLength(1)) }),
  timeZone: nonEmpty,
  /** ISO 3166-1 country whose public holidays stop the clock. */
  holidayCountry: z.string().check(z.regex(/^[A-Z]{2}$/)),
  deadlines: DeadlinePolicySchema,
  identity: IdentityPolicySchema,
  repeats: RepeatRuleSchema,
  fees: z.object({ freeByDefault: z.boolean(), feeForExcessive: z.boolean(), source }),
  supervisoryAuthority: z.object({ name: TextSchema, address: nonEmpty, website: nonEmpty, email: z.optional(z.email()) }),
  approvals: z.object({ fourEyes: z.boolean() }),
  clarification: ClarificationPolicySchema,
});

export type TenantConfig = z.infer<typeof TenantSchema>;
export type Art15Info = z.infer<typeof Art15InfoSchema>;
export type DeadlinePolicy = z.infer<typeof DeadlinePolicySchema>;
export type IdentityPolicy = z.infer<typeof IdentityPolicySchema>;
export type RepeatRule = z.infer<typeof RepeatRuleSchema>;
export type LocalizedText = z.infer<typeof TextSchema>;
export type ClarificationPolicy = z.infer<typeof ClarificationPolicySchema>;
