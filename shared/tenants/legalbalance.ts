import type { TenantConfig } from '#domain/tenant-policy.ts';
import { LITHUANIA } from './lithuania.ts';

/**
 * Legal Balance, UAB — seed 001, a debt collector. Most data it holds about debtors came from
 * creditors and public registers, not from the subject, so identity is checked more strictly
 * than for an e-shop: a wrong match discloses someone's debts. Sources cite 001's numbering.
 */
export const legalbalanceTenant = {
  id: 'legalbalance',
  referencePrefix: 'LGB',
  policyDocument: 'docs/policies/001_604cd0b74ccd7c48.txt',
  controller: {
    name: 'Legal Balance',
    legalName: 'Legal Balance, UAB',
    companyCode: '302528679',
    // Header gives "Žalgirio 90, Vilnius"; 001 §7.4 adds the postcode: "Žalgirio 90, LT-09303 Vilnius".
    address: 'Žalgirio 90, LT-09303 Vilnius',
    email: 'info@legalbalance.lt',
    phone: '8 700 80072',
    website: 'www.legalbalance.lt',
  },
  // 001 §8.1–§8.2: "The Company has a Data Protection Officer ... by e-mail: duomenys@legalbalance.lt,
  // or by phone 8 700 800 72."
  dpo: { name: 'Data Protection Officer', email: 'duomenys@legalbalance.lt', phone: '8 700 800 72', address: 'Žalgirio 90, LT-09303 Vilnius' },
  // 001 §7.4: "You may submit the application by e-mail: duomenys@legalbalance.lt".
  mailbox: 'duomenys@legalbalance.lt',
  languages: { official: 'lt', supported: ['lt', 'en'] },
  timeZone: LITHUANIA.timeZone,
  holidayCountry: LITHUANIA.holidayCountry,
  deadlines: {
    // 001 §7.2: "We will respond to your application not later than within one (1) month after its receipt."
    answer: [{ period: { unit: 'months', amount: 1 }, source: '001 §7.2' }],
    // 001 §7.2: "may be extended for 2 (two) months ... we will inform you of the extension and the
    // reasons for the extension within 1 (one) month of receipt of the request."
    extension: { total: { unit: 'months', amount: 3 }, noticeRequired: true, noticeMustGiveReasons: true, source: '001 §7.2' },
    invalidRequestNotice: null,
    directMarketingObjection: null,
    // 001 §7.2: "After you submit your revised request, we will respond your application within
    // one (1) month of receiving your revised request."
    restartOnRevisedRequest: { applies: true, source: '001 §7.2' },
  },
  identity: {
    // 001 §7.2: "After submitting a personal identity document or confirming his (her) identity ...
    // via electronic media which allow to identify a person properly, the Data Subject must submit
    // a written application ... personally or by post, courier or e-mail."
    // E-mail control is deliberately not accepted: debtors' e-mail addresses usually come from the
    // creditor (001 §4.1.2.1), so controlling one does not "identify a person properly".
    byChannel: {
      email: {
        acceptedMethods: ['qes', 'id_document'],
        source: '001 §7.2',
        note: 'An identity document or electronic means that identify the person properly (a qualified e-signature).',
      },
      post: {
        acceptedMethods: ['id_document'],
        source: '001 §7.2',
        note: 'A copy of a personal identity document with the written application (post or courier); notarisation is not required by the policy.',
      },
      // 001 §7.4: "or by personally arriving to the Company's office at Žalgirio 90, LT-09303 Vilnius".
      in_person: { acceptedMethods: ['in_person', 'id_document'], source: '001 §7.4', note: 'Staff see the identity document at the office.' },
      api: {
        acceptedMethods: ['partner_assertion', 'qes', 'id_document'],
        source: '001 §7.2',
        note: 'A partner that authenticated the person strongly counts as "electronic media which allow to identify a person properly".',
      },
      web_form: {
        acceptedMethods: ['qes', 'id_document'],
        source: '001 §7.2',
        note: 'The form confirms the reply address by link, but that is delivery safety, not identity (see the e-mail channel).',
      },
    },
    notRequiredFor: ['information'],
    // 001 has no clause on representatives (§7.2 only lists personal, post, courier and e-mail
    // submission); GDPR default: proof of the mandate plus who is asking.
    representative: {
      requires: [
        'written authorisation or power of attorney from the data subject',
        "the representative's name and contact details for the reply",
        'data identifying the represented data subject',
      ],
      source: '001 §7.2',
    },
    // 001 asks for a "written application" but never says it must carry a qualified signature;
    // identity is established separately (§7.2), so a scanned signed letter is a valid request.
    scannedSignatureAccepted: true,
    whenInDoubt: { action: 'Ask for an identity document or a qualified e-signature before acting (GDPR Art. 12(6); 001 §7.2).', source: '001 §7.2' },
  },
  // 001 §7.3: "entitled to reasonably refuse to exercise your rights on the basis provided for in
  // the Regulation" — only the GDPR's "manifestly unfounded or excessive".
  repeats: { kind: 'excessive_only', source: '001 §7.3' },
  // 001 §7.5: information "shall be provided to you ... free of charge". The policy never reserves
  // a fee, only refusal (§7.3), so the system never proposes one.
  fees: { freeByDefault: true, feeForExcessive: false, source: '001 §7.5' },
  art15: {
    purposes: [
      {
        purpose: { en: 'Verification of the client’s identity before signing an agreement, signing the agreement with the client (natural person) and assessing opportunities for service provision' },
        legalBasis: { en: 'Signing of an agreement with the data subject (GDPR Art. 6(1)(b))' },
        dataCategories: [
          { en: 'Name, surname, personal ID number, date of birth' },
          { en: 'Telephone, e-mail, place of residence' },
          { en: 'Current bank account number' },
        ],
        retention: { en: 'Normally 10 years after receipt (001 §4.13)' },
        source: '001 §4.1.1.1',
      },
      {
        purpose: { en: 'Identification of a client that is a legal entity and of its representative, assessment of service provision and signing of the agreement' },
        legalBasis: { en: 'Legitimate interest of the Company in establishing the representative of the entity it signs an agreement with' },
        dataCategories: [{ en: 'Representative’s office (position), name, surname and e-mail' }],
        retention: { en: 'Normally 10 years after receipt (001 §4.13)' },
        source: '001 §4.1.1.2',
      },
      {
        purpose: { en: 'Performance of the signed agreement, including communications with the client' },
        legalBasis: { en: 'Performance of the signed agreement (GDPR Art. 6(1)(b))' },
        dataCategories: [{ en: 'Name, surname, telephone, e-mail and place of residence' }],
        retention: { en: 'Normally 10 years after receipt (001 §4.13)' },
        source: '001 §4.1.1.3',
      },
      {
        purpose: { en: 'Debt recovery: assessing the opportunities for debt recovery and providing debt collection services (data of debtors submitted by clients)' },
        legalBasis: { en: 'Legitimate interest of third parties (creditors) in recovering the debt; where the Company bought the debt, its own legitimate interest and performance of the agreement between the client and the debtor' },
        dataCategories: [
          { en: 'Name, surname, personal ID number, date of birth, telephone, e-mail, declared place of residence' },
          { en: 'Documents confirming the debt; debt size, status and nature, debt date, recovery date, legal basis for the payment obligation' },
          { en: 'Workplace data, family status, assets held' },
          { en: 'Credit history from the UAB "Creditinfo Lietuva" database' },
        ],
        retention: { en: 'While the debt is being recovered and until a document confirming that recovery is impossible is drawn up; then 10 years to raise, fulfil or defend legal claims and meet archiving obligations (001 §4.2)' },
        source: '001 §4.1.2.1',
      },
      {
        purpose: { en: 'Website visitor statistics (Google Analytics) and improvement of the website and services' },
        legalBasis: { en: 'Not stated in the policy; cookies can be refused in the browser (001 §4.5)' },
        dataCategories: [{ en: 'IP address, visitor account connection time, website browsing history and date' }],
        retention: { en: 'Not stated; the default is 10 years after receipt (001 §4.13)' },
        source: '001 §4.4',
      },
      {
        purpose: { en: 'Technical logs for security, monitoring of actions on personal data and accountability' },
        legalBasis: { en: 'Legal obligation to which the Company is subject' },
        dataCategories: [{ en: 'Login identifier, date, time, duration, connection result, files accessed, cases accessed, actions taken on personal data' }],
        retention: { en: '3 years' },
        source: '001 §4.5',
      },
      {
        purpose: { en: 'Direct marketing' },
        legalBasis: { en: 'Consent of the data subject' },
        dataCategories: [{ en: 'Name, surname, address, e-mail and telephone' }],
        retention: { en: '5 years after consent or until it is withdrawn; after withdrawal only the fact of consent is kept for 10 years (001 §4.6)' },
        source: '001 §4.6',
      },
      {
        purpose: { en: 'Service quality and objective consideration of data subjects’ requests and complaints (recorded telephone calls)' },
        legalBasis: { en: 'Legitimate interest; for clients, performance or conclusion of the agreement' },
        dataCategories: [{ en: 'Consultant’s name and short telephone number, your telephone number, call date, call start and end times, call recording' }],
        retention: { en: 'No more than 10 years after receipt; longer where a record is needed as evidence of a crime (001 §4.7)' },
        source: '001 §4.7',
      },
      {
        purpose: { en: 'Informing clients and debtors by e-mail (VivaSend platform) and by automatically sent text messages, calls and e-mails' },
        legalBasis: { en: 'Legitimate interest of third parties in recovering the debt (or the Company’s, for debts it bought) and performance of the contract between the client and the debtor' },
        dataCategories: [{ en: 'Telephone number and e-mail address; content of the messages; e-mail read date and actions after opening (collected by VivaSend)' }],
        retention: { en: 'Not stated; the default is 10 years after receipt (001 §4.13)' },
        source: '001 §4.9',
      },
      {
        purpose: { en: 'Recruitment and personnel administration' },
        legalBasis: { en: 'Signing of an employment contract; consent for keeping the data for future recruitments' },
        dataCategories: [{ en: 'CV, image (photo), motivation letter, name, surname, e-mail and residence address' }],
        retention: { en: 'For future recruitments up to 2 years after consent (001 §4.10)' },
        source: '001 §4.10',
      },
      {
        purpose: { en: 'Politically exposed persons and sanctions list checks for clients’ anti-money-laundering and counter-terrorist-financing (KYC) obligations' },
        legalBasis: { en: 'Not stated in the policy; the Company and the client act as independent controllers' },
        dataCategories: [{ en: 'Name, surname, personal ID number, date of birth, place of residence, membership of a political party, position, inclusion in sanctions lists' }],
        retention: { en: 'Not stated; the default is 10 years after receipt (001 §4.13)' },
        source: '001 §4.12',
      },
    ],
    recipients: [
      { recipient: { en: 'State agencies and institutions (State Tax Inspectorate, State Labour Inspectorate) and law enforcement authorities' }, source: '001 §5.2' },
      { recipient: { en: 'Auditors, legal and financial advisers' }, source: '001 §5.2' },
      { recipient: { en: 'Operators and partners (debt collection agencies) of cross-border debt collection platforms (EOS Cross-border, TCM Group)' }, source: '001 §5.2' },
      { recipient: { en: 'Third-party registry and software managers' }, source: '001 §5.2' },
      { recipient: { en: 'Credit Bureau Creditinfo Lietuva, UAB (111689163), when obligations are more than 30 days overdue; it passes the data to financial institutions, telecoms, insurers, utilities and traders' }, source: '001 §5.2.1' },
      { recipient: { en: 'Data processors providing accounting, web hosting, data centre or server rental, IT maintenance, external audit and other services' }, source: '001 §5.3' },
      { recipient: { en: 'Companies of the Company’s group and other partners under a data processing agreement (debt recovery data)' }, source: '001 §5.4' },
      { recipient: { en: 'VivaSend (automatic mailing platform)' }, source: '001 §4.8' },
      { recipient: { en: 'Google (Google Analytics website statistics)' }, source: '001 §4.4' },
    ],
    sources: [
      { from: { en: 'The data subject directly' }, source: '001 §4.3' },
      { from: { en: 'The creditor (the Company’s client)' }, source: '001 §4.3' },
      { from: { en: 'Partners (debt collection agencies) on cross-border debt collection platforms (EOS Cross-border, TCM Group)' }, source: '001 §4.3' },
      { from: { en: 'State Enterprise Centre of Registers: Register of Legal Entities, Register of Residents, Mortgage Register, Register of Property Seizure Acts, Real Property Register and Cadastre, Register of Wills' }, source: '001 §4.3' },
      { from: { en: 'Creditinfo Lietuva, UAB and other controllers of joint debtor data files' }, source: '001 §4.3' },
      { from: { en: 'Public Register of Invalid Personal Documents, Public Register of Wanted Persons, Lithuanian Chamber of Bailiffs and bailiffs’ offices' }, source: '001 §4.3' },
      { from: { en: 'Information the data subject publishes on social networks' }, source: '001 §4.3' },
      { from: { en: 'Recruitment portals (infolex.lt, cvbankas.lt and others) for candidates' }, source: '001 §4.10' },
      { from: { en: 'PEP Desk database and sanctions lists (Info4c AG, Zurich)' }, source: '001 §4.12' },
    ],
    // 001 §7.1.8 lists "the right to refuse the automated processing of personal data" and §4.9 an
    // automatic messaging program, but no decision with legal or similar effect is described.
    automatedDecisionMaking: {
      used: false,
      description: { en: 'The policy describes automated sending of reminders to debtors (001 §4.9) but no decision based solely on automated processing; creditworthiness is assessed by the Creditinfo credit bureau (001 §5.2.1).' },
      source: '001 §7.1.8',
    },
    // 001 names Info4c AG in Zurich (Switzerland, which has an EU adequacy decision) and Google
    // servers for analytics, and says nothing about safeguards.
    thirdCountryTransfers: {
      transfers: true,
      safeguards: { en: 'The policy names no safeguards. Sanctions and PEP data come from Info4c AG, Zurich (Switzerland has an EU adequacy decision); Google Analytics data are transferred to and stored on Google servers (001 §4.4, §4.12).' },
      source: '001 §4.4',
    },
  },
  // 001 §7.1.11: "the right to submit a complaint ... to the State Data Protection Inspectorate."
  supervisoryAuthority: LITHUANIA.supervisoryAuthority,
  approvals: { fourEyes: true },
  // 001 §7.2: "After you submit your revised request, we will respond your application within one
  // (1) month of receiving your revised request." No waiting period is named: 10 days, a
  // reminder, 10 more days.
  clarification: { reminderAfterDays: 10, closeAfterReminderDays: 10, source: '001 §7.2' },
} satisfies TenantConfig;
