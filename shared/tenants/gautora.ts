import type { TenantConfig } from '#domain/tenant-policy.ts';
import { LITHUANIA } from './lithuania.ts';

/**
 * UAB GAUTORA, e-shop gautora.lt — seed 003, the strictest policy: electronic requests need a
 * qualified e-signature, post needs a notarised ID copy, and a scanned signed letter is refused.
 * Sources cite 003's clause numbers (the policy's numbered sections 1–22).
 */
export const gautoraTenant = {
  id: 'gautora',
  referencePrefix: 'GAU',
  policyDocument: 'docs/policies/003_7ae8af62d60f547f.txt',
  controller: {
    name: 'Gautora',
    legalName: 'UAB GAUTORA',
    companyCode: '300551533',
    address: 'Vytauto pr. 87-6, LT-44238 Kaunas',
    email: 'sales@gautora.lt',
    phone: '+370 630 50 447',
    website: 'www.gautora.lt',
  },
  // 003 names no DPO; §21.2 sends requests "to the contacts and/or address set out in Section 1.1".
  dpo: { email: 'sales@gautora.lt', phone: '+370 630 50 447', address: 'Vytauto pr. 87-6, LT-44238 Kaunas' },
  // 003 §21.2 → §1.1: the only e-mail the policy gives is sales@gautora.lt.
  mailbox: 'sales@gautora.lt',
  // 003 §22.4: "Information shall be provided in the official language"; English replies follow
  // the language of the request (docs/design.md §1.6).
  languages: { official: 'lt', supported: ['lt', 'en'] },
  timeZone: LITHUANIA.timeZone,
  holidayCountry: LITHUANIA.holidayCountry,
  deadlines: {
    // 003 §21.10: "considered for a maximum period of 1 month" (also §22.1); 003 §21.1: "We will
    // respond with a decision within 30 calendar days." Both bind, so the earlier date wins.
    answer: [
      { period: { unit: 'months', amount: 1 }, source: '003 §21.10' },
      { period: { unit: 'days', amount: 30 }, source: '003 §21.1' },
    ],
    // 003 §21.10: "may be extended by 2 months, with a separate notification to the applicant
    // stating the reasons for the extension"; §22.1 adds that a delay notice names the right to
    // complain to the State Data Protection Inspectorate.
    extension: { total: { unit: 'months', amount: 3 }, noticeRequired: true, noticeMustGiveReasons: true, source: '003 §21.10' },
    // 003 §22.2: a request not made as required "shall not be examined and the data subject shall
    // be informed of the reasons for this without delay, but not later than within 14 working days".
    invalidRequestNotice: { period: { unit: 'working_days', amount: 14 }, source: '003 §22.2' },
    // 003 §18.3 only says marketing stops; no period beyond the general one.
    directMarketingObjection: null,
    restartOnRevisedRequest: { applies: false, source: '003 §21.10' },
  },
  identity: {
    byChannel: {
      // 003 §21.4: "In the case of a request made by electronic means, the request must be signed
      // with a qualified electronic signature"; §21.9: "Scanned copies of signed applications ...
      // submitted by e-mail without a qualified electronic signature do not comply".
      email: {
        acceptedMethods: ['qes'],
        source: '003 §21.4',
        note: 'Qualified electronic signature only; a scanned signed letter is not accepted (003 §21.9) — the subject is told to sign with a QES or come in person or write by post.',
      },
      // 003 §21.4: "if ... by post, then a notarised copy of a personal identity document must be submitted".
      post: { acceptedMethods: ['id_document'], source: '003 §21.4', note: 'Notarised copy of a personal identity document.' },
      // 003 §21.3: "in person, the data subject shall be required to prove his or her identity by
      // producing a document proving his or her identity". Oral requests in person count (§21.1).
      in_person: { acceptedMethods: ['in_person', 'id_document'], source: '003 §21.3', note: 'Identity document shown at the office; oral requests are accepted (003 §21.1).' },
      // 003 §21.4 also allows "electronic means which ensure the integrity and unalterability of
      // the text": a partner's signed assertion over an authenticated account session does.
      api: {
        acceptedMethods: ['partner_assertion', 'qes'],
        source: '003 §21.4',
        note: 'Signed partner assertion (integrity and unalterability of the request) or a QES.',
      },
      // Judgement: the form's e-mail confirmation link proves only control of a mailbox, which is
      // exactly what §21.4/§21.9 refuse to rely on. The link is still sent before any answer, for
      // delivery safety, but identity needs a QES-signed attachment.
      web_form: {
        acceptedMethods: ['qes'],
        source: '003 §21.4',
        note: 'E-mail confirmation alone does not satisfy 003 §21.4; a QES-signed request is required.',
      },
    },
    // 003 §21.3–§21.4: "This provision shall not apply if the data subject requests information on
    // the processing of personal data in accordance with Articles 13 and 14".
    notRequiredFor: ['information'],
    // 003 §21.7.
    representative: {
      requires: [
        "the representative's name, surname, address and/or other contact details for the reply",
        "the represented person's name, surname and personal identification number",
        "the represented person's customer identification number (if any), address and other data needed to identify the data subject",
        'a document confirming the representation',
      ],
      source: '003 §21.7',
    },
    scannedSignatureAccepted: false,
    scannedSignatureSource: '003 §21.9',
    // 003 §21.8: "In case of doubt as to the identity of the data subject, the controller will
    // request additional information necessary to verify it."
    whenInDoubt: { action: 'Request the additional information necessary to verify identity.', source: '003 §21.8' },
  },
  // 003 §13.1: "The controller shall provide a copy of the personal data processed free of charge,
  // upon request, once per calendar year. For any other copies ... a reasonable fee".
  repeats: { kind: 'free_per_calendar_year', count: 1, rights: ['access'], source: '003 §13.1' },
  // 003 §22.5: "All actions ... shall be carried out and information provided free of charge" —
  // except further copies of the data (§13.1).
  fees: { freeByDefault: true, feeForExcessive: true, source: '003 §13.1' },
  art15: {
    // 003 §4.3 gives the Art. 6 bases for all purposes together; each purpose carries the one that
    // fits. Retention is per data type in §7.1.
    purposes: [
      {
        purpose: { en: 'Electronic commerce: order fulfilment, administration of the e-shop, delivery of goods and other obligations of the purchase and sale relationship' },
        legalBasis: { en: 'GDPR Art. 6(1)(b): performance of a contract or steps at the data subject’s request before entering into it' },
        dataCategories: [
          { en: 'Name, surname, e-mail address, telephone number, mailing and/or delivery address' },
          { en: 'Login name, password, customer identification number, date of registration' },
          { en: 'Purchase history; data on the ordering, sale and payment of goods and services' },
        ],
        retention: { en: '50 years for the purchase administration and related accounting documents (Order of the Chief Archivist of Lithuania No. V-100 of 9 March 2011) (003 §7.1.1)' },
        source: '003 §4.2.1',
      },
      {
        purpose: { en: 'Administration of accounting records for orders of services or goods and of after-sales service' },
        legalBasis: { en: 'GDPR Art. 6(1)(c): compliance with a legal obligation' },
        dataCategories: [{ en: 'Name, surname, address, order, sale and payment data' }],
        retention: { en: '50 years (003 §7.1.1)' },
        source: '003 §4.2.2',
      },
      {
        purpose: { en: 'Protection and defence of violated rights and legitimate interests; proving and settling legal disputes' },
        legalBasis: { en: 'GDPR Art. 6(1)(f): legitimate interests of the controller' },
        dataCategories: [{ en: 'Data relevant to the dispute, incident or investigation' }],
        retention: { en: 'From the beginning of the incident until 1 year after the final decision of the court or authority (003 §7.1.3)' },
        source: '003 §4.2.3',
      },
      {
        purpose: { en: 'Identifying the visitor, registration on the website and logging in to the visitor’s account' },
        legalBasis: { en: 'GDPR Art. 6(1)(b): performance of a contract' },
        dataCategories: [{ en: 'Login name, password, customer identification number, e-mail address, IP address' }],
        retention: { en: 'While the visitor uses the site and 3 years after the visitor stops using it (003 §7.1.4)' },
        source: '003 §4.2.4',
      },
      {
        purpose: { en: 'Communication, including correspondence with website visitors' },
        legalBasis: { en: 'GDPR Art. 6(1)(b) and (f)' },
        dataCategories: [{ en: 'Contact data, e-mail correspondence and the information the visitor chooses to give' }],
        retention: { en: 'Until the end of the communication or 2 years from its last moment; contact data for 2 years after the end of the services (003 §7.1.5–§7.1.6)' },
        source: '003 §4.2.7',
      },
      {
        purpose: { en: 'Ensuring the rights of whistleblowers under the Law on the Protection of Whistleblowers' },
        legalBasis: { en: 'GDPR Art. 6(1)(c): compliance with a legal obligation' },
        dataCategories: [{ en: 'Data contained in the report and about the persons concerned' }],
        retention: { en: 'As long as required by the legislation of the Republic of Lithuania (003 §7.1)' },
        source: '003 §4.2.8',
      },
      {
        purpose: { en: 'Direct marketing: newsletters, offers, loyalty (discount) cards, games, surveys and promotions, business analytics (only with prior consent)' },
        legalBasis: { en: 'GDPR Art. 6(1)(a): consent, and the Law on Electronic Communications' },
        dataCategories: [{ en: 'Name, surname, address, e-mail address, telephone number' }],
        retention: { en: 'Until consent is withdrawn or the marketing programme ends, then 1 year; loyalty card data 3 years after the card was last used (003 §7.1.2, §8.5)' },
        source: '003 §8.2',
      },
      {
        purpose: { en: 'Website statistics and visitor analysis with cookies' },
        legalBasis: { en: 'Consent given in the cookie bar (strictly necessary cookies excepted)' },
        dataCategories: [{ en: 'IP address and access times, browser and version, websites visited before, data on the use of the services' }],
        retention: { en: 'During cooperation and up to 26 months after its end or the last session; data kept on the servers of cookie providers (e.g. Google Analytics) up to 20 years (003 §3.2)' },
        source: '003 §3.2',
      },
    ],
    recipients: [
      { recipient: { en: 'State and law enforcement authorities' }, source: '003 §6.3' },
      { recipient: { en: 'Leasing, credit, insurance, transport, courier and legal services companies, partners and service providers' }, source: '003 §6.3' },
      { recipient: { en: 'Courts, persons involved in debt collection procedures, bailiffs' }, source: '003 §6.3' },
      { recipient: { en: 'Data processors: e-shop developers and server maintenance companies' }, source: '003 §6.4' },
      // The cookie table (003's unnumbered section 10) adds Google Tag Manager, Facebook Pixel, Hotjar and Tawk.to.
      { recipient: { en: 'Cookie controllers such as Google Analytics (data stored on their servers), and the providers of the Google Tag Manager, Facebook Pixel, Hotjar and Tawk.to cookies' }, source: '003 §3.2' },
    ],
    // 003 §13.1: recipients "to whom they have been provided at least during the last 1 year".
    recipientsWindow: { months: 12, source: '003 §13.1' },
    sources: [
      { from: { en: 'The visitor, when visiting, registering, enquiring, ordering or buying on the website' }, source: '003 §3.1' },
      { from: { en: 'Automatically, from the visitor’s computer or mobile device through cookies' }, source: '003 §3.2' },
      { from: { en: 'State and law enforcement authorities, partners and service providers' }, source: '003 §6.3' },
    ],
    // 003 §19.1 only describes the right "where the Company makes decisions based solely on
    // automated processing"; no such decision is described.
    automatedDecisionMaking: {
      used: false,
      description: { en: 'The policy describes no decision based solely on automated processing; if one is made, a person with authority reviews it on request (003 §19.1).' },
      source: '003 §19.1',
    },
    // 003 never states a transfer outside the EEA; §13.1 only repeats the right to be told of safeguards.
    thirdCountryTransfers: {
      transfers: false,
      safeguards: { en: 'The policy states no transfer to third countries. Where data are transferred, the data subject has the right to be informed of the appropriate safeguards (003 §13.1).' },
      source: '003 §13.1',
    },
  },
  // 003 §20.1 and §22.6 name the Inspectorate, but §22.6 gives its former address (A. Juozapavičiaus
  // g. 6); the current address is used here.
  supervisoryAuthority: LITHUANIA.supervisoryAuthority,
  approvals: { fourEyes: true },
  // 003 §21.8: "In case of doubt ... the controller will request additional information". The
  // one-month answer period keeps running (003 §21.10), so the waits are shorter: 7 + 7 days.
  clarification: { reminderAfterDays: 7, closeAfterReminderDays: 7, source: '003 §21.8' },
} satisfies TenantConfig;
