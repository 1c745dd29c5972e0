import type { Art15Info, TenantConfig } from '#domain/tenant-policy.ts';
import { LITHUANIA } from './lithuania.ts';

/**
 * UAB BAJTEL.LT, operator of the e-shop eleme.lt — seed 002. The policy is a Latvian template
 * (it cites "the laws and regulations in force in the Republic of Latvia" and Lursoft) adapted
 * to a Lithuanian company; its e-mail address survives only as "[email protected]" (a web
 * page's address obfuscation), so the mailbox below must be confirmed with the controller.
 */
export const bajtelTenant = {
  id: 'bajtel',
  referencePrefix: 'BAJ',
  policyDocument: 'docs/policies/002_850efd3707eb4c62.txt',
  controller: {
    name: 'BAJTEL.LT (eleme.lt)',
    legalName: 'UAB BAJTEL.LT',
    companyCode: '304217805',
    address: 'Vikingų st. 3, Vilnius, LT-02182, Lithuania',
    website: 'www.eleme.lt',
  },
  // 002 names no data protection officer; §19.1 sends every data protection matter to the
  // company's e-mail (lost, see `mailbox`) and legal address.
  dpo: { address: 'Vikingų st. 3, Vilnius, LT-02182, Lithuania' },
  // 002 §13.2: requests "via e-mail to [email protected]" — the address itself is lost in the seed.
  // PLACEHOLDER on the shop's own domain; replace with the controller's real privacy address.
  mailbox: 'info@eleme.lt',
  languages: { official: 'lt', supported: ['lt', 'en'] },
  timeZone: LITHUANIA.timeZone,
  holidayCountry: LITHUANIA.holidayCountry,
  deadlines: {
    // 002 §13.3: "free of charge and without undue delay within one month of the date of receiving the submission".
    answer: [{ period: { unit: 'months', amount: 1 }, source: '002 §13.3' }],
    // 002 §13.3: "the right to extend the aforementioned deadline by two months, by informing the
    // user of this in writing". Reasons are not mentioned; GDPR Art. 12(3) requires them.
    extension: { total: { unit: 'months', amount: 3 }, noticeRequired: true, noticeMustGiveReasons: true, source: '002 §13.3' },
    invalidRequestNotice: null,
    directMarketingObjection: null,
    restartOnRevisedRequest: { applies: false, source: '002 §13.3' },
  },
  identity: {
    // 002 §13.3: "the user shall ensure that the Data Handler is able to identify them as a unique
    // data subject" — no method is prescribed, so the GDPR/EDPB default applies: control of the
    // account e-mail first, an ID copy only when nothing lighter is available.
    byChannel: {
      email: {
        acceptedMethods: ['email_control', 'qes', 'id_document'],
        source: '002 §13.3',
        note: 'Must be identifiable as a unique data subject; the method is not prescribed.',
      },
      post: {
        acceptedMethods: ['id_document', 'email_control'],
        source: '002 §13.2',
        note: 'Written request by post to Vikingų st. 3; a plain ID copy or a link to the e-mail address on the customer account.',
      },
      // 002 §13.2 lists only e-mail and post. GDPR Art. 12(2) still obliges the controller to
      // facilitate requests, so staff may register one handed in at the office.
      in_person: { acceptedMethods: ['in_person', 'id_document'], source: '002 §13.2', note: 'Not a channel named by the policy; GDPR Art. 12(2) default.' },
      api: {
        acceptedMethods: ['partner_assertion', 'email_control', 'qes'],
        source: '002 §13.3',
        note: 'The e-shop authenticates its users (002 §5.2 "to authenticate access to the Website"); its assertion identifies a unique data subject.',
      },
      web_form: { acceptedMethods: ['email_control', 'qes'], source: '002 §13.3', note: 'Confirmation link to the address given; GDPR Art. 12(6) default.' },
    },
    notRequiredFor: ['information'],
    // 002 does not mention representatives; GDPR default.
    representative: {
      requires: [
        'written authorisation or power of attorney from the data subject',
        "the representative's name and contact details for the reply",
      ],
      source: '002 §13.2',
    },
    // 002 §13.2 asks for "a written request" by e-mail or post, nothing about signatures.
    scannedSignatureAccepted: true,
    whenInDoubt: { action: 'Ask for the information needed to identify the user as a unique data subject (002 §13.3; GDPR Art. 12(6)).', source: '002 §13.3' },
  },
  // 002 §13.1 reserves "a reasonable fee based on the administrative costs" for access requests
  // without any condition, while §13.3 says submissions are examined "free of charge". GDPR
  // Art. 12(5) and 15(3) allow a fee only for further copies or excessive requests, so that is
  // the rule applied; the unconditional wording is not.
  repeats: { kind: 'excessive_only', source: '002 §13.1' },
  fees: { freeByDefault: true, feeForExcessive: true, source: '002 §13.3' },
  // 002 §13.1 calls it "the Data State Inspectorate" and asks the user to contact the Data Handler first.
  supervisoryAuthority: LITHUANIA.supervisoryAuthority,
  approvals: { fourEyes: true },
  // 002 §13.3: the user "shall ensure that the Data Handler is able to identify them as a unique
  // data subject and verify the substance and justification of the submission". No waiting period
  // is named: 10 days, a reminder, 10 more days.
  clarification: { reminderAfterDays: 10, closeAfterReminderDays: 10, source: '002 §13.3' },
} satisfies TenantConfig;

/** The Art. 15(1)–(2) information policy 002 gives (art15-list.ts): apart from the configuration, since only answers use it. */
export const bajtelArt15 = {
  // 002 lists every legal basis under every purpose (its "Legal grounds for processing" blocks);
  // they are condensed here to the ones that can carry the purpose.
  purposes: [
    {
      purpose: { lt: 'Komercinės veiklos vykdymas: užsakymų vykdymas, pardavimas ir pristatymas, mokėjimai, susisiekimas su naudotoju, ginčų sprendimas, garantinis ir pogarantinis aptarnavimas, naudotojo identifikavimas, sukčiavimo prevencija', en: 'Executing commercial operations: fulfilling orders, sale and delivery, payments, contacting the user, resolving disputes, warranty and post-sales service, identifying the user, fraud prevention' },
      legalBasis: { lt: 'Su Duomenų valdytoju sudarytos sutarties vykdymas; teisės aktuose nustatytos prievolės; teisėti Duomenų valdytojo interesai', en: 'Execution of a contract concluded with the Data Handler; obligations under laws and regulations; legitimate interests of the Data Handler' },
      dataCategories: [
        { lt: 'Vardas, pavardė, asmens kodas arba gimimo data, lytis, pilietybė', en: 'Name, surname, personal identification number or date of birth, gender, nationality' },
        { lt: 'Paso ar asmens tapatybės kortelės numeris arba kitas valstybės suteiktas identifikavimo numeris', en: 'Passport or ID card number or another state-issued identification number' },
        { lt: 'Pašto adresas, deklaruota gyvenamoji vieta ir (arba) juridinis adresas, pašto kodas, telefono numeris, el. pašto adresas', en: 'Postal address, declared residence and/or legal address, postal code, telephone number, e-mail address' },
        { lt: 'Finansinė informacija, banko sąskaitos numeris, informacija apie darbovietę', en: 'Financial information, bank account number, information about place of employment' },
        { lt: 'Transporto priemonės valstybinis numeris, markė ir modelis', en: 'Vehicle registration number, make and model' },
      ],
      retention: { lt: 'Tiek, kiek reikia tikslui pasiekti, nebent ilgesnį terminą nustato ar leidžia teisės aktai (Buhalterinės apskaitos įstatymas, Dokumentų ir archyvų įstatymas, reikalavimai, ginčai, senaties terminai) (002 §12.1)', en: 'As long as necessary for the purpose unless a longer term is set or permitted by law (Law on Accounting, Archives Law, claims, disputes, statutes of limitations) (002 §12.1)' },
      source: '002 §5.1',
    },
    {
      purpose: { lt: 'Interneto svetainės veikimo užtikrinimas: autentifikavimas, saugumas, neteisėto naudojimo prevencija, personalizavimas, naudotojų elgsenos analizė, serverių veikimas, naudojimo analitika', en: 'Ensuring the functioning of the Website: authentication, security, preventing unlawful use, personalisation, analysing user behaviour, server operation, usage analytics' },
      legalBasis: { lt: 'Teisėti Duomenų valdytojo interesai (IT sistemų priežiūra ir saugumo grėsmių prevencija); sutarties vykdymas', en: 'Legitimate interests of the Data Handler (maintenance of IT systems and prevention of security threats); execution of a contract' },
      dataCategories: [{ lt: 'IP adresas, interneto naršyklės nustatymai, paieškos istorija (slapukai)', en: 'IP address, internet browser settings, search history (cookies)' }],
      retention: { lt: 'Tiek, kiek reikia tikslui pasiekti (002 §12.1); žr. Slapukų politiką', en: 'As long as necessary for the purpose (002 §12.1); see the Cookies Policy' },
      source: '002 §5.2',
    },
    {
      purpose: { lt: 'Komercinės veiklos plėtojimas: rinkos analizė, reklamos veiksmingumo vertinimas, naudotojo patirties gerinimas', en: 'Developing the commercial operations: market analysis, assessing advertising effectiveness, improving user experience' },
      legalBasis: { lt: 'Teisėti Duomenų valdytojo interesai (komercinės veiklos plėtojimas)', en: 'Legitimate interests of the Data Handler (developing commercial operations)' },
      dataCategories: [
        { lt: 'Pirkimų ir kontaktiniai duomenys', en: 'Purchase and contact data' },
        { lt: 'IP adresas, interneto naršyklės nustatymai, paieškos istorija (slapukai)', en: 'IP address, internet browser settings, search history (cookies)' },
      ],
      retention: { lt: 'Tiek, kiek reikia tikslui pasiekti (002 §12.1)', en: 'As long as necessary for the purpose (002 §12.1)' },
      source: '002 §5.3',
    },
    {
      purpose: { lt: 'Reklama: naudotojo informavimas el. paštu apie produktus, renginius, rinkodaros veiklą, akcijas ir naujienas, įskaitant profiliavimą reklamos tikslais', en: 'Advertising: informing the user by e-mail about products, events, marketing activities, campaigns and news, including profiling for advertising' },
      legalBasis: { lt: 'Naudotojo sutikimas arba teisėti Duomenų valdytojo interesai (002 §11.3)', en: 'The user’s consent, or the legitimate interests of the Data Handler (002 §11.3)' },
      dataCategories: [
        { lt: 'El. pašto adresas ir vardas', en: 'E-mail address and name' },
        { lt: 'Pagal pirkimus ir svetainės naudojimą sudarytas profilis', en: 'Profile derived from purchases and website use' },
        { lt: 'Vaizdo įrašai ir nuotraukos iš prekybos patalpų ir renginių', en: 'Video and photos from commercial premises and events' },
      ],
      retention: { lt: 'Kol naudotojas raštu atsisako reklamos (002 §11.4), kitu atveju tiek, kiek būtina (002 §12.1)', en: 'Until the user refuses advertising in writing (002 §11.4), otherwise as long as necessary (002 §12.1)' },
      source: '002 §5.4',
    },
    {
      purpose: { lt: 'Saugumo užtikrinimas: telefono pokalbių įrašymas, vaizdo stebėjimas ir fotografavimas patalpose, sandėlyje, prekybos vietoje ir renginiuose', en: 'Ensuring security: recording telephone conversations, video surveillance and photos on premises, warehouse, point of sale and events' },
      legalBasis: { lt: 'Teisėti Duomenų valdytojo interesai; teisės aktuose nustatytos prievolės', en: 'Legitimate interests of the Data Handler; obligations under laws and regulations' },
      dataCategories: [{ lt: 'Telefono pokalbių įrašai, vaizdo įrašai ir nuotraukos', en: 'Telephone conversation recordings, video images and photographs' }],
      retention: { lt: 'Tiek, kiek reikia tikslui pasiekti (002 §12.1)', en: 'As long as necessary for the purpose (002 §12.1)' },
      source: '002 §5.5',
    },
  ],
  recipients: [
    { recipient: { lt: 'Bendradarbiavimo partneriai: prekių pristatymo paslaugų teikėjai, kredito įstaigos, auditoriai ir konsultantai, skolų išieškojimo paslaugų teikėjai ir kiti paslaugų teikėjai', en: 'Cooperation partners: product delivery service providers, credit institutions, auditors and consultants, debt recovery service providers and other service providers' }, source: '002 §8.1' },
    { recipient: { lt: 'Valstybės ar savivaldybių institucijos ir teisėsaugos institucijos, turinčios teisę pagal teisės aktus prašyti informacijos', en: 'State or municipal institutions and law enforcement institutions entitled to request information by law' }, source: '002 §8.1' },
    { recipient: { lt: 'Įgijėjas ar teisių perėmėjas Duomenų valdytojo perleidimo, jungimo ar įsigijimo arba jo turto pardavimo atveju', en: 'An acquirer or successor in a transfer, merger or acquisition of the Data Handler or a sale of its assets' }, source: '002 §8.2' },
  ],
  sources: [
    { from: { lt: 'Naudotojas: registracija ir naudojimasis Svetaine, užsakymai ir sutartys, sutarties atsisakymas ir pretenzijos, slapukai (techniniai duomenys)', en: 'The user: registration and use of the Website, orders and contracts, withdrawal and claims, cookies (technical data)' }, source: '002 §4.1' },
    { from: { lt: 'Valstybės ir savivaldybių institucijos ir jų registrai (pvz., nemokumo registras)', en: 'State and municipal institutions and their registers (e.g. the insolvency register)' }, source: '002 §4.2' },
    { from: { lt: 'Viešos duomenų bazės (pvz., „Lursoft“) ir viešai prieinama informacija', en: 'Public databases (e.g. Lursoft) and publicly available information' }, source: '002 §4.2' },
    { from: { lt: 'Ūkio subjektas, kuriam atstovauja naudotojas, ir (arba) naudotojo darbdavys', en: 'The commercial operator the user represents and/or the user’s employer' }, source: '002 §4.2' },
    { from: { lt: 'Paslaugų teikėjai ir bendradarbiavimo partneriai; socialiniai tinklai', en: 'Service providers and cooperation partners; social networks' }, source: '002 §4.2' },
  ],
  // 002 §10.1: "The Data Handler shall perform automated processing of personal data, including
  // profiling"; §10.2: profiling for advertising, to which the user may object in writing.
  automatedDecisionMaking: {
    used: true,
    description: { lt: 'Automatizuotas tvarkymas, įskaitant profiliavimą reklamos tikslais (002 §10.2, §11). Naudotojas gali kreiptis į Duomenų valdytoją dėl automatizuotų sprendimų ir prašyti, kad sprendimas būtų priimtas dalyvaujant darbuotojui (002 §10.1), taip pat raštu nesutikti su profiliavimu.', en: 'Automated processing including profiling for advertising (002 §10.2, §11). The user may contact the Data Handler about automated decisions and ask for a decision taken with the involvement of an employee (002 §10.1), and may object to the profiling in writing.' },
    source: '002 §10.1',
  },
  // 002 §9.3 still lists the EU–US Privacy Shield, which the CJEU invalidated in C-311/18
  // (Schrems II, 16 July 2020); it is quoted because it is the policy, not a valid safeguard.
  thirdCountryTransfers: {
    transfers: true,
    safeguards: { lt: 'Perdavimas už EEE ribų – tik esant vienai iš sąlygų: valstybė užtikrina tokį pat apsaugos lygį kaip EEE; sudaryta duomenų tvarkymo sutartis su gavėju; gavėjas dalyvauja „Privacy Shield“ programoje (nebegalioja nuo ESTT sprendimo byloje C-311/18); arba naudotojo sutikimas, būtinybė vykdyti sutartį ar teisės aktų leidimas (002 §9.2–§9.3).', en: 'Transfers outside the EEA only with one of: a country ensuring the same level of protection as the EEA; a data processing contract with the recipient; a recipient in the Privacy Shield (no longer valid since the CJEU judgment C-311/18); or the user’s consent, necessity for a contract, or permission by law (002 §9.2–§9.3).' },
    source: '002 §9.3',
  },
} satisfies Art15Info;
