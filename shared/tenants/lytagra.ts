import type { Art15Info, TenantConfig } from '#domain/tenant-policy.ts';
import { LITHUANIA } from './lithuania.ts';

/**
 * AB „Lytagra“ and its subsidiaries — seed 004, bilingual (Lithuanian first, English second,
 * same numbering). `lt` texts are taken from the Lithuanian part; where that part has no text
 * (its §4 on cookies is only a link) `lt` is left out rather than invented.
 * The policy covers the whole group (UAB „Klaipėdos Lytagra“, UAB „Panevėžio Lytagra“,
 * AB „Vilniaus Lytagra“, Lytagros ŽŪB, Kėdainių r. Okainių ŽŪB, AS „Lytagra“), so one desk
 * serves them all; staff record which company holds the data in the answer.
 */
export const lytagraTenant = {
  id: 'lytagra',
  referencePrefix: 'LYT',
  policyDocument: 'docs/policies/004_1452da6758f664c1.txt',
  controller: {
    name: 'Lytagra',
    legalName: 'AB „Lytagra“',
    // 004 gives neither the company code nor the registered address; say so rather than guess.
    // companyCode and address: not stated in the privacy policy (004); to be confirmed from the
    // Register of Legal Entities before go-live, never guessed.
    email: 'bdar@lytagra.lt',
    phone: '8 37 404165',
    website: 'www.lytagra.lt',
  },
  // 004 §2.6: data protection is organised "by an employee authorised by the Company"; §1 gives
  // bdar@lytagra.lt and 8 37 404165 for privacy questions. No DPO is named.
  dpo: { email: 'bdar@lytagra.lt', phone: '8 37 404165' },
  // 004 §1: "please contact us by e-mail: bdar@lytagra.lt" — the policy's only (and privacy) address.
  mailbox: 'bdar@lytagra.lt',
  languages: { official: 'lt', supported: ['lt', 'en'] },
  timeZone: LITHUANIA.timeZone,
  holidayCountry: LITHUANIA.holidayCountry,
  deadlines: {
    // 004 §3.5: "no later than within 30 days from the date of receipt of the application"
    // (LT: „ne vėliau kaip per 30 dienų nuo prašymo gavimo dienos“) — calendar days.
    answer: [{ period: { unit: 'days', amount: 30 }, source: '004 §3.5' }],
    // 004 has no extension clause; GDPR Art. 12(3) allows two further months with notice and
    // reasons within the first period, counted as three months from receipt (docs/design.md §1.4).
    extension: { total: { unit: 'months', amount: 3 }, noticeRequired: true, noticeMustGiveReasons: true, source: '004 §3.5' },
    invalidRequestNotice: null,
    // 004 §3.7: "respond promptly, within the shortest possible time not exceeding 72 hours"
    // (LT: „nedelsiant, per įmanomai trumpiausią laiką, bet neilgiau kaip per 72 valandas“).
    directMarketingObjection: { period: { unit: 'hours', amount: 72 }, source: '004 §3.7' },
    restartOnRevisedRequest: { applies: false, source: '004 §3.5' },
  },
  identity: {
    byChannel: {
      // 004 §3.4.2.4: "if the application is submitted by electronic means of communication - to sign
      // with electronic signature" (LT: „pasirašyti elektroniniu parašu“). The text does not say
      // "qualified"; only a qualified signature can be verified here, and Lithuanian Smart-ID and
      // mobile signatures are qualified, so `qes` is the method.
      // Note 004 §3.4.3: a direct marketing objection is made simply by e-mail with a list of the
      // subject's website accounts — no e-signature (see the report on per-right overrides).
      email: {
        acceptedMethods: ['qes'],
        source: '004 §3.4.2.4',
        note: 'Electronic signature required. Exception in 004 §3.4.3: a direct marketing objection by plain e-mail listing the subject’s website accounts.',
      },
      // 004 §3.4.2.2: "by mail - to provide a copy of a person's identity document approved in
      // accordance with the procedure established in the legal acts" (a certified copy).
      post: { acceptedMethods: ['id_document'], source: '004 §3.4.2.2', note: 'Certified (notarised) copy of an identity document.' },
      // 004 §3.4.2.1: "upon the direct arrival to the Company - to provide a personal identification
      // document or a copy certified in accordance with the procedure established by the legal acts".
      in_person: { acceptedMethods: ['in_person', 'id_document'], source: '004 §3.4.2.1', note: 'Identity document or its certified copy.' },
      // 004 §3.4.4: subjects with a website account view and edit their data and object to direct
      // marketing through the account, so a login vouched for by the controller's own site counts.
      api: {
        acceptedMethods: ['partner_assertion', 'qes'],
        source: '004 §3.4.4',
        note: 'Account login on the company website (partner assertion) or an electronic signature (004 §3.4.2.4).',
      },
      // Judgement: a confirmation link is not an electronic signature (§3.4.2.4); the link is still
      // sent for delivery safety, but identity needs a signed request.
      web_form: {
        acceptedMethods: ['qes'],
        source: '004 §3.4.2.4',
        note: 'E-mail confirmation alone is not an electronic signature; the request must be e-signed.',
      },
    },
    // 004 §3.1.1 "know (to be informed) about the processing" is general information (Art. 13/14).
    // 004 §3.4.3: a direct marketing objection is made by plain e-mail listing the subject's
    // accounts, with no e-signature — and §3.7 gives only 72 hours to act on it, so waiting for a
    // QES would defeat the deadline. Stopping marketing harms no one if the sender is not the subject.
    notRequiredFor: ['information', 'direct_marketing_objection'],
    // 004 §3.4.2.3: "if the application is filed through a representative - submit a document
    // confirming the representation"; §3.3 also lets a non-profit body act for the subject (Art. 80).
    representative: {
      requires: [
        'a document confirming the representation',
        'for a non-profit body acting under GDPR Art. 80: its mandate from the data subject (004 §3.3)',
      ],
      source: '004 §3.4.2.3',
    },
    // 004 §3.4.1 requires the application to be "signed by the person" and §3.4.2.4 an electronic
    // signature when sent electronically; a scan of a handwritten signature is neither.
    scannedSignatureAccepted: false,
    whenInDoubt: { action: 'Ask for the missing identity confirmation required by 004 §3.4.2 (GDPR Art. 12(6)).', source: '004 §3.4.2' },
  },
  // 004 §3.6: abuse "for example, applies to the Company for information about the processing of
  // his or her personal data more than once every six months" (LT: „dažniau nei vieną kartą per
  // šešis mėnesius“) — administrative costs may be demanded.
  repeats: { kind: 'min_interval_months', months: 6, rights: ['access'], source: '004 §3.6' },
  // 004 does not say requests are free (only §1.9: objecting to direct marketing is free); GDPR
  // Art. 12(5) makes them free, and §3.6 allows administrative costs for abuse.
  fees: { freeByDefault: true, feeForExcessive: true, source: '004 §3.6' },
  // 004 §1.1.8: „Priežiūros institucija – Valstybinė duomenų apsaugos inspekcija“; §3.2 right to complain.
  supervisoryAuthority: LITHUANIA.supervisoryAuthority,
  approvals: { fourEyes: true },
  // 004 §3.4.1: a written request the Company can act on; 30 days run from receipt (004 §3.5)
  // and keep running while it waits, so 7 days, a reminder, 7 more days.
  clarification: { reminderAfterDays: 7, closeAfterReminderDays: 7, source: '004 §3.4.1' },
} satisfies TenantConfig;

/** The Art. 15(1)–(2) information policy 004 gives (art15-list.ts): apart from the configuration, since only answers use it. */
export const lytagraArt15 = {
  purposes: [
    {
      purpose: {
        lt: 'Bendrovės paslaugų teikimas (paslaugų užsakymų apdorojimas, administravimas, lojalumo nuolaidų pritaikymas), kliento identifikavimas Bendrovės informacinėje sistemoje ir prisijungiant prie savo paskyros Bendrovės internetiniame tinklalapyje, sąskaitų ir kitų finansinių dokumentų išrašymas',
        en: 'Providing the Company’s services (processing and administration of service orders, loyalty discounts), customer identification in the Company’s information system and when logging in to the website account, issuing invoices and other financial documents',
      },
      legalBasis: {
        lt: 'Bendrovės pareiga vykdyti sudarytą su duomenų subjektu sutartį ir (arba) duomenų subjekto prašymu (užsakymu) imtis veiksmų sutarčiai sudaryti',
        en: 'The Company’s obligation to perform the agreement concluded with the data subject and/or to take steps at the data subject’s request (order) to conclude it',
      },
      dataCategories: [
        { lt: 'Vardas, pavardė', en: 'Name, surname' },
        { lt: 'Elektroninio pašto adresas, adresas, telefono numeris', en: 'E-mail address, address, telephone number' },
      ],
      retention: {
        lt: 'Ne ilgiau kaip 10 metų nuo paskutiniojo užsakymo (pirkimo) įvykdymo',
        en: 'No longer than 10 years after the last order (purchase) was executed',
      },
      source: '004 §1.5.1',
    },
    {
      purpose: { lt: 'Tiesioginė rinkodara', en: 'Direct marketing' },
      legalBasis: { lt: 'Duomenų subjekto sutikimas', en: 'Consent of the data subject' },
      dataCategories: [
        { lt: 'Vardas, pavardė', en: 'Name, surname' },
        { lt: 'Elektroninio pašto adresas, adresas, telefono numeris', en: 'E-mail address, address, telephone number' },
      ],
      retention: {
        lt: 'Ne ilgiau nei iki sutikimo gauti reklamą panaikinimo (atšaukimo)',
        en: 'Until consent to receive advertising is withdrawn',
      },
      source: '004 §1.5.2',
    },
    // The cookie purposes exist only in the English text (004 §4.3); the Lithuanian §4 is a link.
    {
      purpose: { lt: 'Funkciniai slapukai ir paslaugų teikimas; paslaugų tobulinimas (kuriomis svetainės dalimis naudojamasi, iš kur ateina lankytojai, kiek laiko praleidžia)', en: 'Functional cookies and service provision; service development (which parts of the website are used, where visitors come from, time spent)' },
      legalBasis: { lt: 'Slapukų naudojimo tvarkos priėmimas naudojantis svetaine; slapukų galima atsisakyti naršyklėje (004 §4.2). Politikoje BDAR 6 straipsnio pagrindas neįvardytas.', en: 'Acceptance of the cookie procedure when using the website; cookies can be refused in the browser (004 §4.2). The policy names no GDPR Art. 6 basis.' },
      dataCategories: [{ lt: 'Slapukų duomenys: prisijungimo patogumo duomenys, aplankyti puslapiai, ankstesnės ir tolesnės svetainės, svetainėje praleistas laikas', en: 'Cookie data: login convenience data, pages visited, referring and next websites, time on the website' }],
      retention: { lt: 'Politikoje nenurodyta', en: 'Not stated in the policy' },
      source: '004 §4.3.1',
    },
    {
      purpose: { lt: 'Naudojimo analizė (lankytojų statistika, reklamos veiksmingumas, ar rinkodaros laiškai buvo atidaryti ir ar pagal juos veikta) ir tikslinė rinkodara naršyklėmis grindžiamoms tikslinėms grupėms', en: 'Use analysis (visitor statistics, advertising effectiveness, whether marketing e-mails were opened and acted on) and targeted marketing to browser-based target groups' },
      legalBasis: { lt: 'Slapukų naudojimo tvarkos priėmimas naudojantis svetaine; slapukų galima atsisakyti naršyklėje (004 §4.2). Politikoje BDAR 6 straipsnio pagrindas neįvardytas.', en: 'Acceptance of the cookie procedure when using the website; cookies can be refused in the browser (004 §4.2). The policy names no GDPR Art. 6 basis.' },
      dataCategories: [{ lt: 'Slapukų duomenys: naudojimo statistika, el. laiškų atidarymas ir nuorodų paspaudimai, naršykle grindžiamas reklamos profilis', en: 'Cookie data: usage statistics, e-mail opening and link clicks, browser-based advertising profile' }],
      retention: { lt: 'Politikoje nenurodyta', en: 'Not stated in the policy' },
      source: '004 §4.3.3',
    },
  ],
  recipients: [
    {
      recipient: {
        lt: 'Bendrovės partneriai, Bendrovės vardu veikiantys kaip duomenų tvarkytojai, teikiantys siuntų pristatymo ir kitas su paslaugų sutarties vykdymu susijusias paslaugas',
        en: 'The Company’s partners acting as data processors on its behalf, providing delivery and other services related to performing the services contract',
      },
      source: '004 §2.2',
    },
    {
      recipient: {
        lt: 'Tretieji asmenys – tik Lietuvos Respublikos teisės aktų nustatytais atvejais ir tvarka',
        en: 'Third parties only in the cases and by the procedure established by the laws of the Republic of Lithuania',
      },
      source: '004 §2.2',
    },
  ],
  sources: [
    {
      from: {
        lt: 'Duomenų subjektas – duomenys renkami Bendrovės internetiniame tinklalapyje (užsakymai, paskyra, sutikimas gauti reklamą)',
        en: 'The data subject — data collected on the Company’s website (orders, account, consent to advertising)',
      },
      source: '004 §1.5',
    },
    { from: { lt: 'Slapukai Bendrovės interneto svetainėje ir rinkodaros el. laiškuose', en: 'Cookies on the Company’s website and in marketing e-mails' }, source: '004 §4.3.3' },
  ],
  // 004 mentions no automated decision-making; targeted marketing cookies (§4.3.4) build target
  // groups for advertising, which is not a decision with legal or similar effect.
  automatedDecisionMaking: {
    used: false,
    description: {
      lt: 'Politikoje nenurodyta, kad sprendimai priimami vien automatizuotu būdu',
      en: 'The policy describes no decisions based solely on automated processing; cookies are used to target advertising to browser-based groups (004 §4.3.4).',
    },
    source: '004 §4.3.4',
  },
  // 004 mentions no transfer outside the EEA (AS „Lytagra“ is an EU subsidiary).
  thirdCountryTransfers: {
    transfers: false,
    safeguards: {
      lt: 'Politikoje duomenų perdavimas į trečiąsias valstybes nenurodytas; tvarkytojams duomenys teikiami tik pagal sutartis, užtikrinančias BDAR reikalaujamą apsaugą',
      en: 'The policy states no transfer to third countries; processors receive data only under agreements ensuring the protection required by the GDPR (004 §2.2).',
    },
    source: '004 §2.2',
  },
} satisfies Art15Info;
