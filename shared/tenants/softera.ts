import type { Art15Info, TenantConfig } from '#domain/tenant-policy.ts';
import { LITHUANIA } from './lithuania.ts';

/**
 * Softera Baltic, UAB — seed 000. The policy is short and silent on identity, representatives,
 * DPO and most retention periods; where it is silent the GDPR default is used and the comment
 * says so. Sources cite the policy's numbered headings (000 §1–§13).
 */
export const softeraTenant = {
  id: 'softera',
  referencePrefix: 'SOF',
  policyDocument: 'docs/policies/000_91c785cb293c78a7.txt',
  controller: {
    name: 'Softera Baltic',
    legalName: 'Softera Baltic, UAB',
    companyCode: '301566552',
    // 000 §1 names the fields but leaves them empty: "legal entity code 301566552, legal address,
    // e-mail address (hereinafter – Company)". Nothing to copy, so we say so instead of guessing.
    // address: not stated (000 §1 leaves "legal address" blank); to be confirmed from the
    // Register of Legal Entities before go-live, never guessed.
    // Not in the seed: the same legal entity's current policy on its own site (softera.lt/en/privacy-policy,
    // 2024-04-18) names this mailbox for data protection questions. Confirm before go-live.
    email: 'duomenuapsauga@softera.lt',
    website: 'www.softera.lt',
  },
  // 000 names no data protection officer; the data protection mailbox is the only contact.
  dpo: { email: 'duomenuapsauga@softera.lt' },
  // 000 §9: "submitting a specific request using contact information provided in Privacy Policy" —
  // but §1 gives no address, so the controller's data protection mailbox (see above) is used.
  mailbox: 'duomenuapsauga@softera.lt',
  languages: { official: 'lt', supported: ['lt', 'en'] },
  timeZone: LITHUANIA.timeZone,
  holidayCountry: LITHUANIA.holidayCountry,
  deadlines: {
    // 000 §9: "no later than within 1 month from the receipt of request".
    answer: [{ period: { unit: 'months', amount: 1 }, source: '000 §9' }],
    // 000 §9: "may be extended by two further months where necessary, taking into account the
    // complexity and number of the requests". It says nothing about telling the subject; GDPR
    // Art. 12(3) requires notice with reasons within the first month, so that default applies.
    extension: { total: { unit: 'months', amount: 3 }, noticeRequired: true, noticeMustGiveReasons: true, source: '000 §9' },
    // 000 has no notice period for invalid requests and no special direct-marketing period.
    invalidRequestNotice: null,
    directMarketingObjection: null,
    // 000 §9 is silent on revised requests: the clock is only paused while we wait (docs/design.md §1.4).
    restartOnRevisedRequest: { applies: false, source: '000 §9' },
  },
  identity: {
    // 000 is silent on how identity is established. GDPR Art. 12(6) and EDPB Guidelines 01/2022:
    // use the lightest means that is enough — control of an address we already hold — and keep an
    // ID copy only as a fallback for a subject writing from an address unknown to us.
    byChannel: {
      email: {
        acceptedMethods: ['email_control', 'qes', 'id_document'],
        source: '000 §9',
        note: 'Policy silent on identity (000 §9 only asks for "a specific request"); GDPR Art. 12(6) default.',
      },
      post: {
        acceptedMethods: ['id_document', 'email_control'],
        source: '000 §9',
        note: 'Policy silent; a plain copy of an ID document (no notarisation required) or a link to an e-mail address on file.',
      },
      in_person: { acceptedMethods: ['in_person'], source: '000 §9', note: 'Policy silent; staff see the ID document at the office.' },
      // A partner site that has logged its user in vouches for them; the electronic means of the
      // e-mail channel stay open for subjects the partner cannot vouch for.
      api: { acceptedMethods: ['partner_assertion', 'email_control', 'qes'], source: '000 §9', note: 'Policy silent; GDPR Art. 12(6) default.' },
      // The form's own e-mail confirmation is the lightest sufficient means; a QES is accepted too.
      web_form: { acceptedMethods: ['email_control', 'qes'], source: '000 §9', note: 'Policy silent; GDPR Art. 12(6) default.' },
    },
    notRequiredFor: ['information'],
    // 000 does not mention representatives; GDPR default: proof of the mandate and who is asking.
    representative: {
      requires: [
        'written authorisation or power of attorney from the data subject',
        "the representative's name and contact details for the reply",
      ],
      source: '000 §9',
    },
    // Nothing in 000 requires a signature at all, so a scanned letter is an acceptable request;
    // identity is still established by the channel's method.
    scannedSignatureAccepted: true,
    whenInDoubt: { action: 'Ask the subject for the additional information needed to confirm identity (GDPR Art. 12(6); policy silent).', source: '000 §9' },
  },
  // 000 §9: "may refuse to act on the request or charge a reasonable fee where requests ... are
  // manifestly unfounded or excessive, in particular because of their repetitive character".
  repeats: { kind: 'excessive_only', source: '000 §9' },
  // 000 §9: "Information related to the implementation of rights shall be provided to the Client
  // free of charge" — fee only for the manifestly unfounded or excessive (same clause).
  fees: { freeByDefault: true, feeForExcessive: true, source: '000 §9' },
  // 000 §9: "the right to lodge a complaint ... to State Data Protection Inspectorate" (no contact given).
  supervisoryAuthority: LITHUANIA.supervisoryAuthority,
  approvals: { fourEyes: true },
  // 000 §9 lets the controller act on a request it can understand; it names no waiting period,
  // so the subject gets 10 days, a reminder, and 10 more days before the case is closed.
  clarification: { reminderAfterDays: 10, closeAfterReminderDays: 10, source: '000 §9' },
} satisfies TenantConfig;

/** The Art. 15(1)–(2) information policy 000 gives (art15-list.ts): apart from the configuration, since only answers use it. */
export const softeraArt15 = {
  // 000 §3 lists the legal bases without mapping them to the §5 purposes; each basis below is the
  // §3 basis that fits the purpose. §7 gives one retention rule for all purposes.
  purposes: [
    {
      purpose: { lt: 'Sutarčių sudarymas ir vykdymas (paslaugų teikimas), jų kokybės užtikrinimas, klientų aptarnavimas ir informacijos teikimas', en: 'Concluding and performing agreements (service provision), ensuring their quality, servicing clients and providing information' },
      legalBasis: { lt: 'Sutarties, kurios šalis yra duomenų subjektas, vykdymas (000 §3)', en: 'Performance of a contract to which the data subject is party (000 §3)' },
      dataCategories: [
        { lt: 'Pagrindinė kliento informacija: vardas, pavardė, telefono numeris, el. pašto adresas', en: 'Main client information: name, surname, telephone number, e-mail address' },
        { lt: 'Komunikacijos ir klientų aptarnavimo informacija: susirašinėjimas, užklausos ir atsakymai, telefono pokalbių įrašai', en: 'Communication and client service information: correspondence, inquiries and replies, records of telephone conversations' },
      ],
      retention: { lt: 'Ne ilgiau, nei reikia tikslui pasiekti, nebent ilgesnį terminą nustato ar leidžia teisės aktai (pvz., privalomi dokumentų saugojimo terminai, ieškinių senaties terminai) (000 §7)', en: 'No longer than necessary for the purpose, unless a longer period is required or permitted by law (e.g. mandatory document storage periods, limitation periods of lawsuits) (000 §7)' },
      source: '000 §5',
    },
    {
      purpose: { lt: 'Tiesioginė rinkodara ir bendra informacija apie naujus produktus ir paslaugas (jei klientas neatsisakė)', en: 'Direct marketing and general information about new products and services (unless the client has unsubscribed)' },
      legalBasis: { lt: 'Duomenų subjekto sutikimas, pvz., gauti reklaminę informaciją (000 §3)', en: 'Consent of the data subject, e.g. for receiving advertising information (000 §3)' },
      dataCategories: [
        { lt: 'Pagrindinė kliento informacija: vardas, pavardė, telefono numeris, el. pašto adresas', en: 'Main client information: name, surname, telephone number, e-mail address' },
        { lt: 'Sutikimo dėl tiesioginės rinkodaros informacija: sutikimas ar atsisakymas gauti reklamą, dalyvavimas apklausose', en: 'Direct marketing consent information: consent or refusal to receive advertising, participation in opinion polls' },
        { lt: 'Apklausų dalyviai ir naujienlaiškių prenumeratoriai', en: 'Survey participants and newsletter subscribers' },
      ],
      retention: { lt: 'Kol klientas atsisako prenumeratos ar atšaukia sutikimą; kitu atveju ne ilgiau, nei būtina (000 §5, §7)', en: 'Until the client unsubscribes or withdraws consent; otherwise no longer than necessary (000 §5, §7)' },
      source: '000 §5',
    },
    {
      purpose: { lt: 'Buhalterinė apskaita', en: 'Accounting' },
      legalBasis: { lt: 'Teisinės prievolės vykdymas (000 §3)', en: 'Compliance with a legal obligation (000 §3)' },
      dataCategories: [{ lt: 'Pagrindinė kliento informacija: vardas, pavardė, telefono numeris, el. pašto adresas', en: 'Main client information: name, surname, telephone number, e-mail address' }],
      retention: { lt: 'Teisės aktų nustatytą privalomą dokumentų saugojimo terminą (000 §7)', en: 'For the mandatory document storage period set by law (000 §7)' },
      source: '000 §5',
    },
    {
      purpose: { lt: 'Teisinių prievolių vykdymas, pavyzdžiui, skolų valdymas ir išieškojimas, ir kitos teisės aktuose numatytos pareigos', en: 'Performance of legal obligations, for example debt management and recovery, and other duties provided for in legislation' },
      legalBasis: { lt: 'Teisinės prievolės vykdymas; teisėti Bendrovės ar trečiosios šalies interesai (000 §3)', en: 'Compliance with a legal obligation; legitimate interests of the Company or a third party (000 §3)' },
      dataCategories: [
        { lt: 'Pagrindinė kliento informacija: vardas, pavardė, telefono numeris, el. pašto adresas', en: 'Main client information: name, surname, telephone number, e-mail address' },
        { lt: 'Komunikacijos ir klientų aptarnavimo informacija', en: 'Communication and client service information' },
      ],
      retention: { lt: 'Tiek, kiek reikalauja teisės aktai, įskaitant ieškinių senaties terminus (000 §7)', en: 'As long as required by law, including limitation periods of lawsuits (000 §7)' },
      source: '000 §5',
    },
    {
      purpose: { lt: 'Interneto svetainės administravimas ir tobulinimas, jos saugumo užtikrinimas ir efektyvus turinio pateikimas; statistika ir asmeninės rinkodaros turinys naudojant slapukus', en: 'Administration and improvement of the website, ensuring its security and presenting its content efficiently; statistics and personalised marketing content via cookies' },
      legalBasis: { lt: 'Teisėti interesai – būtiniesiems slapukams; sutikimas – visiems kitiems slapukams (000 §3, §12)', en: 'Legitimate interests for strictly necessary cookies; consent for all other cookies (000 §3, §12)' },
      dataCategories: [
        { lt: 'Prisijungimo informacija: IP adresas, interneto paslaugų teikėjas, naršyklės tipas ir versija, laiko juosta, operacinė sistema, prisijungimo vieta, peržiūrėti URL ir produktai', en: 'Login information: IP address, internet service provider, browser type and version, time zone, operating system, connection location, URLs and products viewed' },
        { lt: 'Slapukų duomenys: naršyklės tipas, IP adresas, apsilankymų skaičius, peržiūrėti puslapiai, apsilankymo trukmė, demografiniai duomenys, nukreipiantis URL', en: 'Cookie data: browser type, IP address, number of visits, pages viewed, visit duration, demographic data, referring URL' },
      ],
      retention: { lt: 'Pagal kiekvieną slapuką – nuo naršyklės seanso pabaigos iki 2 metų (slapukų lentelė, 000 §13)', en: 'Per cookie, from the end of the browser session up to 2 years (cookie table, 000 §13)' },
      source: '000 §5',
    },
  ],
  recipients: [
    { recipient: { lt: 'Bendrovės vardu veikiantys duomenų tvarkytojai (pvz., IT paslaugų teikėjai)', en: 'Data processors acting on behalf of the Company (e.g. IT service providers)' }, source: '000 §8' },
    { recipient: { lt: 'Skolų ir skolininkų duomenų bazes administruojantys subjektai, kiek leidžia teisės aktai', en: 'Entities administering debt and debtor databases, to the extent permitted by law' }, source: '000 §8' },
    { recipient: { lt: 'Subjektai, turintys teisę gauti informaciją pagal teisės aktus (pvz., teismai, valstybės ir savivaldybių institucijos)', en: 'Entities entitled to receive information by law (e.g. courts, state authorities and municipal institutions)' }, source: '000 §8' },
    { recipient: { lt: 'Kitos trečiosios šalys kitais teisiniais pagrindais arba su kliento sutikimu', en: 'Other third parties on other legal grounds or with the client’s consent' }, source: '000 §8' },
    // 000 §3: "Personal data could be shared with local Partners in your region."
    { recipient: { lt: 'Vietiniai partneriai kliento regione', en: 'Local partners in the client’s region' }, source: '000 §3' },
  ],
  sources: [
    { from: { lt: 'Pats duomenų subjektas (prašymai, sutartys, interneto svetainė, užklausos, el. paštas, telefonas, vaizdo pokalbiai), įskaitant per Bendrovės partnerius', en: 'The data subject directly (applications, agreements, website, inquiries, e-mail, telephone, video chats), including through the Company’s partners' }, source: '000 §6' },
    { from: { lt: 'Automatiškai, duomenų subjektui naudojantis interneto svetaine (prisijungimo duomenys, slapukai ir panašios technologijos)', en: 'Automatically, when the data subject uses the website (login data, cookies and similar technologies)' }, source: '000 §6' },
    { from: { lt: 'Trečiosios šalys, su kuriomis Bendrovė bendradarbiauja (pvz., partneriai, valstybės institucijos)', en: 'Third parties the Company collaborates with (e.g. partners, state authorities)' }, source: '000 §6' },
  ],
  // 000 §9 only describes the right not to be subject to such decisions; nowhere does the policy
  // say the Company takes them.
  automatedDecisionMaking: {
    used: false,
    description: { lt: 'Politikoje nenurodyta, kad priimami sprendimai, grindžiami vien automatizuotu tvarkymu, įskaitant profiliavimą; rinkodaros slapukai tik pritaiko reklamos turinį (000 §9, §12).', en: 'The policy does not state that decisions based solely on automated processing, including profiling, are made; marketing cookies personalise advertising content only (000 §9, §12).' },
    source: '000 §9',
  },
  // 000 §8: processors "may be established outside the Republic of Lithuania, European Union or
  // European Economic Area ... only if permitted by the laws by taking all necessary measures".
  thirdCountryTransfers: {
    transfers: true,
    safeguards: { lt: 'Duomenų tvarkytojai gali būti įsisteigę už ES / EEE ribų; duomenys jiems perduodami tik tada, kai tai leidžia teisės aktai, ir imantis visų būtinų priemonių privatumui apsaugoti. Politikoje neįvardyta konkreti apsaugos priemonė (sprendimas dėl tinkamumo ar standartinės sutarčių sąlygos).', en: 'Data processors may be established outside the EU/EEA; data are transferred to them only where the law permits and with all necessary measures to protect privacy. The policy names no specific safeguard (adequacy decision or standard contractual clauses).' },
    source: '000 §8',
  },
} satisfies Art15Info;
