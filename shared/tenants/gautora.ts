import type { Art15Info, TenantConfig } from '#domain/tenant-policy.ts';
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
  // 003 §20.1 and §22.6 name the Inspectorate, but §22.6 gives its former address (A. Juozapavičiaus
  // g. 6); the current address is used here.
  supervisoryAuthority: LITHUANIA.supervisoryAuthority,
  approvals: { fourEyes: true },
  // 003 §21.8: "In case of doubt ... the controller will request additional information". The
  // one-month answer period keeps running (003 §21.10), so the waits are shorter: 7 + 7 days.
  clarification: { reminderAfterDays: 7, closeAfterReminderDays: 7, source: '003 §21.8' },
} satisfies TenantConfig;

/** The Art. 15(1)–(2) information policy 003 gives (art15-list.ts): apart from the configuration, since only answers use it. */
export const gautoraArt15 = {
  // 003 §4.3 gives the Art. 6 bases for all purposes together; each purpose carries the one that
  // fits. Retention is per data type in §7.1.
  purposes: [
    {
      purpose: { lt: 'Elektroninė prekyba: užsakymų vykdymas, elektroninės parduotuvės administravimas, prekių pristatymas ir kitos pirkimo–pardavimo santykių prievolės', en: 'Electronic commerce: order fulfilment, administration of the e-shop, delivery of goods and other obligations of the purchase and sale relationship' },
      legalBasis: { lt: 'BDAR 6 str. 1 d. b p.: sutarties vykdymas arba veiksmai duomenų subjekto prašymu prieš sudarant sutartį', en: 'GDPR Art. 6(1)(b): performance of a contract or steps at the data subject’s request before entering into it' },
      dataCategories: [
        { lt: 'Vardas, pavardė, el. pašto adresas, telefono numeris, pašto ir (arba) pristatymo adresas', en: 'Name, surname, e-mail address, telephone number, mailing and/or delivery address' },
        { lt: 'Prisijungimo vardas, slaptažodis, kliento identifikavimo numeris, registracijos data', en: 'Login name, password, customer identification number, date of registration' },
        { lt: 'Pirkimų istorija; prekių ir paslaugų užsakymo, pardavimo ir apmokėjimo duomenys', en: 'Purchase history; data on the ordering, sale and payment of goods and services' },
      ],
      retention: { lt: '50 metų – pirkimų administravimo ir susijusiems apskaitos dokumentams (Lietuvos vyriausiojo archyvaro 2011 m. kovo 9 d. įsakymas Nr. V-100) (003 §7.1.1)', en: '50 years for the purchase administration and related accounting documents (Order of the Chief Archivist of Lithuania No. V-100 of 9 March 2011) (003 §7.1.1)' },
      source: '003 §4.2.1',
    },
    {
      purpose: { lt: 'Paslaugų ar prekių užsakymų ir aptarnavimo po pardavimo apskaitos dokumentų administravimas', en: 'Administration of accounting records for orders of services or goods and of after-sales service' },
      legalBasis: { lt: 'BDAR 6 str. 1 d. c p.: teisinės prievolės vykdymas', en: 'GDPR Art. 6(1)(c): compliance with a legal obligation' },
      dataCategories: [{ lt: 'Vardas, pavardė, adresas, užsakymo, pardavimo ir apmokėjimo duomenys', en: 'Name, surname, address, order, sale and payment data' }],
      retention: { lt: '50 metų (003 §7.1.1)', en: '50 years (003 §7.1.1)' },
      source: '003 §4.2.2',
    },
    {
      purpose: { lt: 'Pažeistų teisių ir teisėtų interesų apsauga ir gynyba; teisinių ginčų įrodinėjimas ir sprendimas', en: 'Protection and defence of violated rights and legitimate interests; proving and settling legal disputes' },
      legalBasis: { lt: 'BDAR 6 str. 1 d. f p.: teisėti duomenų valdytojo interesai', en: 'GDPR Art. 6(1)(f): legitimate interests of the controller' },
      dataCategories: [{ lt: 'Su ginču, incidentu ar tyrimu susiję duomenys', en: 'Data relevant to the dispute, incident or investigation' }],
      retention: { lt: 'Nuo incidento pradžios iki 1 metų po galutinio teismo ar institucijos sprendimo (003 §7.1.3)', en: 'From the beginning of the incident until 1 year after the final decision of the court or authority (003 §7.1.3)' },
      source: '003 §4.2.3',
    },
    {
      purpose: { lt: 'Lankytojo identifikavimas, registracija svetainėje ir prisijungimas prie lankytojo paskyros', en: 'Identifying the visitor, registration on the website and logging in to the visitor’s account' },
      legalBasis: { lt: 'BDAR 6 str. 1 d. b p.: sutarties vykdymas', en: 'GDPR Art. 6(1)(b): performance of a contract' },
      dataCategories: [{ lt: 'Prisijungimo vardas, slaptažodis, kliento identifikavimo numeris, el. pašto adresas, IP adresas', en: 'Login name, password, customer identification number, e-mail address, IP address' }],
      retention: { lt: 'Kol lankytojas naudojasi svetaine ir 3 metus nuo tada, kai jis nustoja ja naudotis (003 §7.1.4)', en: 'While the visitor uses the site and 3 years after the visitor stops using it (003 §7.1.4)' },
      source: '003 §4.2.4',
    },
    {
      purpose: { lt: 'Bendravimas, įskaitant susirašinėjimą su svetainės lankytojais', en: 'Communication, including correspondence with website visitors' },
      legalBasis: { lt: 'BDAR 6 str. 1 d. b ir f p.', en: 'GDPR Art. 6(1)(b) and (f)' },
      dataCategories: [{ lt: 'Kontaktiniai duomenys, susirašinėjimas el. paštu ir informacija, kurią lankytojas nusprendžia pateikti', en: 'Contact data, e-mail correspondence and the information the visitor chooses to give' }],
      retention: { lt: 'Iki bendravimo pabaigos arba 2 metus nuo paskutinio bendravimo momento; kontaktiniai duomenys – 2 metus po paslaugų teikimo pabaigos (003 §7.1.5–§7.1.6)', en: 'Until the end of the communication or 2 years from its last moment; contact data for 2 years after the end of the services (003 §7.1.5–§7.1.6)' },
      source: '003 §4.2.7',
    },
    {
      purpose: { lt: 'Pranešėjų teisių užtikrinimas pagal Pranešėjų apsaugos įstatymą', en: 'Ensuring the rights of whistleblowers under the Law on the Protection of Whistleblowers' },
      legalBasis: { lt: 'BDAR 6 str. 1 d. c p.: teisinės prievolės vykdymas', en: 'GDPR Art. 6(1)(c): compliance with a legal obligation' },
      dataCategories: [{ lt: 'Pranešime esantys duomenys ir duomenys apie susijusius asmenis', en: 'Data contained in the report and about the persons concerned' }],
      retention: { lt: 'Tiek, kiek reikalauja Lietuvos Respublikos teisės aktai (003 §7.1)', en: 'As long as required by the legislation of the Republic of Lithuania (003 §7.1)' },
      source: '003 §4.2.8',
    },
    {
      purpose: { lt: 'Tiesioginė rinkodara: naujienlaiškiai, pasiūlymai, lojalumo (nuolaidų) kortelės, žaidimai, apklausos ir akcijos, verslo analitika (tik gavus išankstinį sutikimą)', en: 'Direct marketing: newsletters, offers, loyalty (discount) cards, games, surveys and promotions, business analytics (only with prior consent)' },
      legalBasis: { lt: 'BDAR 6 str. 1 d. a p.: sutikimas, ir Elektroninių ryšių įstatymas', en: 'GDPR Art. 6(1)(a): consent, and the Law on Electronic Communications' },
      dataCategories: [{ lt: 'Vardas, pavardė, adresas, el. pašto adresas, telefono numeris', en: 'Name, surname, address, e-mail address, telephone number' }],
      retention: { lt: 'Kol atšaukiamas sutikimas ar baigiasi rinkodaros programa, ir dar 1 metus; lojalumo kortelės duomenys – 3 metus po paskutinio kortelės panaudojimo (003 §7.1.2, §8.5)', en: 'Until consent is withdrawn or the marketing programme ends, then 1 year; loyalty card data 3 years after the card was last used (003 §7.1.2, §8.5)' },
      source: '003 §8.2',
    },
    {
      purpose: { lt: 'Svetainės statistika ir lankytojų analizė naudojant slapukus', en: 'Website statistics and visitor analysis with cookies' },
      legalBasis: { lt: 'Slapukų juostoje duotas sutikimas (išskyrus būtinuosius slapukus)', en: 'Consent given in the cookie bar (strictly necessary cookies excepted)' },
      dataCategories: [{ lt: 'IP adresas ir prisijungimo laikas, naršyklė ir jos versija, anksčiau lankytos svetainės, paslaugų naudojimo duomenys', en: 'IP address and access times, browser and version, websites visited before, data on the use of the services' }],
      retention: { lt: 'Bendradarbiavimo metu ir iki 26 mėnesių po jo pabaigos ar paskutinio seanso; slapukų teikėjų (pvz., „Google Analytics“) serveriuose duomenys saugomi iki 20 metų (003 §3.2)', en: 'During cooperation and up to 26 months after its end or the last session; data kept on the servers of cookie providers (e.g. Google Analytics) up to 20 years (003 §3.2)' },
      source: '003 §3.2',
    },
  ],
  recipients: [
    { recipient: { lt: 'Valstybės ir teisėsaugos institucijos', en: 'State and law enforcement authorities' }, source: '003 §6.3' },
    { recipient: { lt: 'Lizingo, kredito, draudimo, transporto, kurjerių ir teisinių paslaugų bendrovės, partneriai ir paslaugų teikėjai', en: 'Leasing, credit, insurance, transport, courier and legal services companies, partners and service providers' }, source: '003 §6.3' },
    { recipient: { lt: 'Teismai, skolų išieškojimo procedūrose dalyvaujantys asmenys, antstoliai', en: 'Courts, persons involved in debt collection procedures, bailiffs' }, source: '003 §6.3' },
    { recipient: { lt: 'Duomenų tvarkytojai: elektroninės parduotuvės kūrėjai ir serverių priežiūros bendrovės', en: 'Data processors: e-shop developers and server maintenance companies' }, source: '003 §6.4' },
    // The cookie table (003's unnumbered section 10) adds Google Tag Manager, Facebook Pixel, Hotjar and Tawk.to.
    { recipient: { lt: 'Slapukų valdytojai, pvz., „Google Analytics“ (duomenys saugomi jų serveriuose), ir „Google Tag Manager“, „Facebook Pixel“, „Hotjar“ bei „Tawk.to“ slapukų teikėjai', en: 'Cookie controllers such as Google Analytics (data stored on their servers), and the providers of the Google Tag Manager, Facebook Pixel, Hotjar and Tawk.to cookies' }, source: '003 §3.2' },
  ],
  // 003 §13.1: recipients "to whom they have been provided at least during the last 1 year".
  recipientsWindow: { months: 12, source: '003 §13.1' },
  sources: [
    { from: { lt: 'Lankytojas, kai lankosi, registruojasi, teiraujasi, užsako ar perka svetainėje', en: 'The visitor, when visiting, registering, enquiring, ordering or buying on the website' }, source: '003 §3.1' },
    { from: { lt: 'Automatiškai, iš lankytojo kompiuterio ar mobiliojo įrenginio per slapukus', en: 'Automatically, from the visitor’s computer or mobile device through cookies' }, source: '003 §3.2' },
    { from: { lt: 'Valstybės ir teisėsaugos institucijos, partneriai ir paslaugų teikėjai', en: 'State and law enforcement authorities, partners and service providers' }, source: '003 §6.3' },
  ],
  // 003 §19.1 only describes the right "where the Company makes decisions based solely on
  // automated processing"; no such decision is described.
  automatedDecisionMaking: {
    used: false,
    description: { lt: 'Politikoje neaprašyti sprendimai, grindžiami vien automatizuotu tvarkymu; jei toks sprendimas priimamas, paprašius jį peržiūri įgaliotas asmuo (003 §19.1).', en: 'The policy describes no decision based solely on automated processing; if one is made, a person with authority reviews it on request (003 §19.1).' },
    source: '003 §19.1',
  },
  // 003 never states a transfer outside the EEA; §13.1 only repeats the right to be told of safeguards.
  thirdCountryTransfers: {
    transfers: false,
    safeguards: { lt: 'Politikoje duomenų perdavimas į trečiąsias valstybes nenurodytas. Jei duomenys perduodami, duomenų subjektas turi teisę būti informuotas apie tinkamas apsaugos priemones (003 §13.1).', en: 'The policy states no transfer to third countries. Where data are transferred, the data subject has the right to be informed of the appropriate safeguards (003 §13.1).' },
    source: '003 §13.1',
  },
} satisfies Art15Info;
