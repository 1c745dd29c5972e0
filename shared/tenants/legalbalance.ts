import type { Art15Info, TenantConfig } from '#domain/tenant-policy.ts';
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
  // 001 §7.1.11: "the right to submit a complaint ... to the State Data Protection Inspectorate."
  supervisoryAuthority: LITHUANIA.supervisoryAuthority,
  approvals: { fourEyes: true },
  // 001 §7.2: "After you submit your revised request, we will respond your application within one
  // (1) month of receiving your revised request." No waiting period is named: 10 days, a
  // reminder, 10 more days.
  clarification: { reminderAfterDays: 10, closeAfterReminderDays: 10, source: '001 §7.2' },
} satisfies TenantConfig;

/** The Art. 15(1)–(2) information policy 001 gives (art15-list.ts): apart from the configuration, since only answers use it. */
export const legalbalanceArt15 = {
  purposes: [
    {
      purpose: { lt: 'Kliento tapatybės patikrinimas prieš pasirašant sutartį, sutarties su klientu (fiziniu asmeniu) pasirašymas ir paslaugų teikimo galimybių įvertinimas', en: 'Verification of the client’s identity before signing an agreement, signing the agreement with the client (natural person) and assessing opportunities for service provision' },
      legalBasis: { lt: 'Sutarties su duomenų subjektu pasirašymas (BDAR 6 str. 1 d. b p.)', en: 'Signing of an agreement with the data subject (GDPR Art. 6(1)(b))' },
      dataCategories: [
        { lt: 'Vardas, pavardė, asmens kodas, gimimo data', en: 'Name, surname, personal ID number, date of birth' },
        { lt: 'Telefonas, el. paštas, gyvenamoji vieta', en: 'Telephone, e-mail, place of residence' },
        { lt: 'Galiojantis banko sąskaitos numeris', en: 'Current bank account number' },
      ],
      retention: { lt: 'Paprastai 10 metų nuo gavimo (001 §4.13)', en: 'Normally 10 years after receipt (001 §4.13)' },
      source: '001 §4.1.1.1',
    },
    {
      purpose: { lt: 'Kliento – juridinio asmens ir jo atstovo identifikavimas, paslaugų teikimo įvertinimas ir sutarties pasirašymas', en: 'Identification of a client that is a legal entity and of its representative, assessment of service provision and signing of the agreement' },
      legalBasis: { lt: 'Teisėtas Bendrovės interesas nustatyti subjekto, su kuriuo pasirašoma sutartis, atstovą', en: 'Legitimate interest of the Company in establishing the representative of the entity it signs an agreement with' },
      dataCategories: [{ lt: 'Atstovo pareigos, vardas, pavardė ir el. paštas', en: 'Representative’s office (position), name, surname and e-mail' }],
      retention: { lt: 'Paprastai 10 metų nuo gavimo (001 §4.13)', en: 'Normally 10 years after receipt (001 §4.13)' },
      source: '001 §4.1.1.2',
    },
    {
      purpose: { lt: 'Pasirašytos sutarties vykdymas, įskaitant bendravimą su klientu', en: 'Performance of the signed agreement, including communications with the client' },
      legalBasis: { lt: 'Pasirašytos sutarties vykdymas (BDAR 6 str. 1 d. b p.)', en: 'Performance of the signed agreement (GDPR Art. 6(1)(b))' },
      dataCategories: [{ lt: 'Vardas, pavardė, telefonas, el. paštas ir gyvenamoji vieta', en: 'Name, surname, telephone, e-mail and place of residence' }],
      retention: { lt: 'Paprastai 10 metų nuo gavimo (001 §4.13)', en: 'Normally 10 years after receipt (001 §4.13)' },
      source: '001 §4.1.1.3',
    },
    {
      purpose: { lt: 'Skolų išieškojimas: skolos išieškojimo galimybių įvertinimas ir skolų išieškojimo paslaugų teikimas (klientų pateikti skolininkų duomenys)', en: 'Debt recovery: assessing the opportunities for debt recovery and providing debt collection services (data of debtors submitted by clients)' },
      legalBasis: { lt: 'Teisėtas trečiųjų asmenų (kreditorių) interesas išieškoti skolą; kai Bendrovė skolą įsigijo, – jos pačios teisėtas interesas ir kliento bei skolininko sutarties vykdymas', en: 'Legitimate interest of third parties (creditors) in recovering the debt; where the Company bought the debt, its own legitimate interest and performance of the agreement between the client and the debtor' },
      dataCategories: [
        { lt: 'Vardas, pavardė, asmens kodas, gimimo data, telefonas, el. paštas, deklaruota gyvenamoji vieta', en: 'Name, surname, personal ID number, date of birth, telephone, e-mail, declared place of residence' },
        { lt: 'Skolą patvirtinantys dokumentai; skolos dydis, būklė ir pobūdis, skolos data, išieškojimo data, mokėjimo prievolės teisinis pagrindas', en: 'Documents confirming the debt; debt size, status and nature, debt date, recovery date, legal basis for the payment obligation' },
        { lt: 'Darbovietės duomenys, šeiminė padėtis, turimas turtas', en: 'Workplace data, family status, assets held' },
        { lt: 'Kredito istorija iš UAB „Creditinfo Lietuva“ duomenų bazės', en: 'Credit history from the UAB "Creditinfo Lietuva" database' },
      ],
      retention: { lt: 'Kol skola išieškoma ir kol surašomas dokumentas, patvirtinantis, kad išieškoti neįmanoma; vėliau 10 metų teisiniams reikalavimams pareikšti, įvykdyti ar apginti ir archyvavimo pareigoms vykdyti (001 §4.2)', en: 'While the debt is being recovered and until a document confirming that recovery is impossible is drawn up; then 10 years to raise, fulfil or defend legal claims and meet archiving obligations (001 §4.2)' },
      source: '001 §4.1.2.1',
    },
    {
      purpose: { lt: 'Interneto svetainės lankytojų statistika („Google Analytics“) ir svetainės bei paslaugų tobulinimas', en: 'Website visitor statistics (Google Analytics) and improvement of the website and services' },
      legalBasis: { lt: 'Politikoje nenurodytas; slapukų galima atsisakyti naršyklėje (001 §4.5)', en: 'Not stated in the policy; cookies can be refused in the browser (001 §4.5)' },
      dataCategories: [{ lt: 'IP adresas, lankytojo paskyros prisijungimo laikas, svetainės naršymo istorija ir data', en: 'IP address, visitor account connection time, website browsing history and date' }],
      retention: { lt: 'Nenurodytas; pagal nutylėjimą – 10 metų nuo gavimo (001 §4.13)', en: 'Not stated; the default is 10 years after receipt (001 §4.13)' },
      source: '001 §4.4',
    },
    {
      purpose: { lt: 'Techniniai žurnalai saugumui, veiksmų su asmens duomenimis stebėsenai ir atskaitomybei', en: 'Technical logs for security, monitoring of actions on personal data and accountability' },
      legalBasis: { lt: 'Bendrovei taikoma teisinė prievolė', en: 'Legal obligation to which the Company is subject' },
      dataCategories: [{ lt: 'Prisijungimo identifikatorius, data, laikas, trukmė, prisijungimo rezultatas, peržiūrėti failai, peržiūrėtos bylos, su asmens duomenimis atlikti veiksmai', en: 'Login identifier, date, time, duration, connection result, files accessed, cases accessed, actions taken on personal data' }],
      retention: { lt: '3 metai', en: '3 years' },
      source: '001 §4.5',
    },
    {
      purpose: { lt: 'Tiesioginė rinkodara', en: 'Direct marketing' },
      legalBasis: { lt: 'Duomenų subjekto sutikimas', en: 'Consent of the data subject' },
      dataCategories: [{ lt: 'Vardas, pavardė, adresas, el. paštas ir telefonas', en: 'Name, surname, address, e-mail and telephone' }],
      retention: { lt: '5 metai nuo sutikimo arba kol jis atšaukiamas; atšaukus 10 metų saugomas tik sutikimo faktas (001 §4.6)', en: '5 years after consent or until it is withdrawn; after withdrawal only the fact of consent is kept for 10 years (001 §4.6)' },
      source: '001 §4.6',
    },
    {
      purpose: { lt: 'Paslaugų kokybė ir objektyvus duomenų subjektų prašymų bei skundų nagrinėjimas (įrašomi telefono pokalbiai)', en: 'Service quality and objective consideration of data subjects’ requests and complaints (recorded telephone calls)' },
      legalBasis: { lt: 'Teisėtas interesas; klientų atveju – sutarties vykdymas ar sudarymas', en: 'Legitimate interest; for clients, performance or conclusion of the agreement' },
      dataCategories: [{ lt: 'Konsultanto vardas ir trumpasis telefono numeris, Jūsų telefono numeris, skambučio data, skambučio pradžios ir pabaigos laikas, pokalbio įrašas', en: 'Consultant’s name and short telephone number, your telephone number, call date, call start and end times, call recording' }],
      retention: { lt: 'Ne ilgiau kaip 10 metų nuo gavimo; ilgiau, kai įrašas reikalingas kaip nusikalstamos veikos įrodymas (001 §4.7)', en: 'No more than 10 years after receipt; longer where a record is needed as evidence of a crime (001 §4.7)' },
      source: '001 §4.7',
    },
    {
      purpose: { lt: 'Klientų ir skolininkų informavimas el. paštu (platforma „VivaSend“) ir automatiškai siunčiamomis trumposiomis žinutėmis, skambučiais ir el. laiškais', en: 'Informing clients and debtors by e-mail (VivaSend platform) and by automatically sent text messages, calls and e-mails' },
      legalBasis: { lt: 'Teisėtas trečiųjų asmenų interesas išieškoti skolą (arba Bendrovės – jos įsigytų skolų atveju) ir kliento bei skolininko sutarties vykdymas', en: 'Legitimate interest of third parties in recovering the debt (or the Company’s, for debts it bought) and performance of the contract between the client and the debtor' },
      dataCategories: [{ lt: 'Telefono numeris ir el. pašto adresas; pranešimų turinys; el. laiško perskaitymo data ir veiksmai jį atidarius (renka „VivaSend“)', en: 'Telephone number and e-mail address; content of the messages; e-mail read date and actions after opening (collected by VivaSend)' }],
      retention: { lt: 'Nenurodytas; pagal nutylėjimą – 10 metų nuo gavimo (001 §4.13)', en: 'Not stated; the default is 10 years after receipt (001 §4.13)' },
      source: '001 §4.9',
    },
    {
      purpose: { lt: 'Darbuotojų atranka ir personalo administravimas', en: 'Recruitment and personnel administration' },
      legalBasis: { lt: 'Darbo sutarties pasirašymas; sutikimas saugoti duomenis būsimoms atrankoms', en: 'Signing of an employment contract; consent for keeping the data for future recruitments' },
      dataCategories: [{ lt: 'Gyvenimo aprašymas, atvaizdas (nuotrauka), motyvacinis laiškas, vardas, pavardė, el. paštas ir gyvenamosios vietos adresas', en: 'CV, image (photo), motivation letter, name, surname, e-mail and residence address' }],
      retention: { lt: 'Būsimoms atrankoms – iki 2 metų nuo sutikimo (001 §4.10)', en: 'For future recruitments up to 2 years after consent (001 §4.10)' },
      source: '001 §4.10',
    },
    {
      purpose: { lt: 'Politikoje dalyvaujančių asmenų ir sankcijų sąrašų patikros klientų pinigų plovimo ir teroristų finansavimo prevencijos (KYC) pareigoms vykdyti', en: 'Politically exposed persons and sanctions list checks for clients’ anti-money-laundering and counter-terrorist-financing (KYC) obligations' },
      legalBasis: { lt: 'Politikoje nenurodytas; Bendrovė ir klientas veikia kaip nepriklausomi duomenų valdytojai', en: 'Not stated in the policy; the Company and the client act as independent controllers' },
      dataCategories: [{ lt: 'Vardas, pavardė, asmens kodas, gimimo data, gyvenamoji vieta, narystė politinėje partijoje, pareigos, įtraukimas į sankcijų sąrašus', en: 'Name, surname, personal ID number, date of birth, place of residence, membership of a political party, position, inclusion in sanctions lists' }],
      retention: { lt: 'Nenurodytas; pagal nutylėjimą – 10 metų nuo gavimo (001 §4.13)', en: 'Not stated; the default is 10 years after receipt (001 §4.13)' },
      source: '001 §4.12',
    },
  ],
  recipients: [
    { recipient: { lt: 'Valstybės įstaigos ir institucijos (Valstybinė mokesčių inspekcija, Valstybinė darbo inspekcija) ir teisėsaugos institucijos', en: 'State agencies and institutions (State Tax Inspectorate, State Labour Inspectorate) and law enforcement authorities' }, source: '001 §5.2' },
    { recipient: { lt: 'Auditoriai, teisės ir finansų patarėjai', en: 'Auditors, legal and financial advisers' }, source: '001 §5.2' },
    { recipient: { lt: 'Tarpvalstybinio skolų išieškojimo platformų („EOS Cross-border“, „TCM Group“) operatoriai ir partneriai (skolų išieškojimo bendrovės)', en: 'Operators and partners (debt collection agencies) of cross-border debt collection platforms (EOS Cross-border, TCM Group)' }, source: '001 §5.2' },
    { recipient: { lt: 'Trečiųjų šalių registrų ir programinės įrangos valdytojai', en: 'Third-party registry and software managers' }, source: '001 §5.2' },
    { recipient: { lt: 'Kredito biuras UAB „Creditinfo Lietuva“ (111689163), kai prievolės vėluoja daugiau nei 30 dienų; jis duomenis teikia finansų įstaigoms, telekomunikacijų bendrovėms, draudikams, komunalinių paslaugų teikėjams ir prekybininkams', en: 'Credit Bureau Creditinfo Lietuva, UAB (111689163), when obligations are more than 30 days overdue; it passes the data to financial institutions, telecoms, insurers, utilities and traders' }, source: '001 §5.2.1' },
    { recipient: { lt: 'Duomenų tvarkytojai, teikiantys apskaitos, interneto svetainių talpinimo, duomenų centro ar serverių nuomos, IT priežiūros, išorės audito ir kitas paslaugas', en: 'Data processors providing accounting, web hosting, data centre or server rental, IT maintenance, external audit and other services' }, source: '001 §5.3' },
    { recipient: { lt: 'Bendrovės grupės įmonės ir kiti partneriai pagal duomenų tvarkymo sutartį (skolų išieškojimo duomenys)', en: 'Companies of the Company’s group and other partners under a data processing agreement (debt recovery data)' }, source: '001 §5.4' },
    { recipient: { lt: '„VivaSend“ (automatinio laiškų siuntimo platforma)', en: 'VivaSend (automatic mailing platform)' }, source: '001 §4.8' },
    { recipient: { lt: '„Google“ (svetainės statistika „Google Analytics“)', en: 'Google (Google Analytics website statistics)' }, source: '001 §4.4' },
  ],
  sources: [
    { from: { lt: 'Pats duomenų subjektas', en: 'The data subject directly' }, source: '001 §4.3' },
    { from: { lt: 'Kreditorius (Bendrovės klientas)', en: 'The creditor (the Company’s client)' }, source: '001 §4.3' },
    { from: { lt: 'Partneriai (skolų išieškojimo bendrovės) tarpvalstybinio skolų išieškojimo platformose („EOS Cross-border“, „TCM Group“)', en: 'Partners (debt collection agencies) on cross-border debt collection platforms (EOS Cross-border, TCM Group)' }, source: '001 §4.3' },
    { from: { lt: 'VĮ Registrų centras: Juridinių asmenų registras, Gyventojų registras, Hipotekos registras, Turto arešto aktų registras, Nekilnojamojo turto registras ir kadastras, Testamentų registras', en: 'State Enterprise Centre of Registers: Register of Legal Entities, Register of Residents, Mortgage Register, Register of Property Seizure Acts, Real Property Register and Cadastre, Register of Wills' }, source: '001 §4.3' },
    { from: { lt: 'UAB „Creditinfo Lietuva“ ir kiti jungtinių skolininkų duomenų rinkmenų valdytojai', en: 'Creditinfo Lietuva, UAB and other controllers of joint debtor data files' }, source: '001 §4.3' },
    { from: { lt: 'Negaliojančių asmens dokumentų registras, Ieškomų asmenų registras, Lietuvos antstolių rūmai ir antstolių kontoros', en: 'Public Register of Invalid Personal Documents, Public Register of Wanted Persons, Lithuanian Chamber of Bailiffs and bailiffs’ offices' }, source: '001 §4.3' },
    { from: { lt: 'Informacija, kurią duomenų subjektas skelbia socialiniuose tinkluose', en: 'Information the data subject publishes on social networks' }, source: '001 §4.3' },
    { from: { lt: 'Darbo paieškos portalai (infolex.lt, cvbankas.lt ir kiti) – kandidatų atveju', en: 'Recruitment portals (infolex.lt, cvbankas.lt and others) for candidates' }, source: '001 §4.10' },
    { from: { lt: '„PEP Desk“ duomenų bazė ir sankcijų sąrašai („Info4c AG“, Ciurichas)', en: 'PEP Desk database and sanctions lists (Info4c AG, Zurich)' }, source: '001 §4.12' },
  ],
  // 001 §7.1.8 lists "the right to refuse the automated processing of personal data" and §4.9 an
  // automatic messaging program, but no decision with legal or similar effect is described.
  automatedDecisionMaking: {
    used: false,
    description: { lt: 'Politikoje aprašytas automatinis priminimų siuntimas skolininkams (001 §4.9), bet ne sprendimai, grindžiami vien automatizuotu tvarkymu; kreditingumą vertina kredito biuras „Creditinfo“ (001 §5.2.1).', en: 'The policy describes automated sending of reminders to debtors (001 §4.9) but no decision based solely on automated processing; creditworthiness is assessed by the Creditinfo credit bureau (001 §5.2.1).' },
    source: '001 §7.1.8',
  },
  // 001 names Info4c AG in Zurich (Switzerland, which has an EU adequacy decision) and Google
  // servers for analytics, and says nothing about safeguards.
  thirdCountryTransfers: {
    transfers: true,
    safeguards: { lt: 'Politikoje apsaugos priemonės neįvardytos. Sankcijų ir politikoje dalyvaujančių asmenų duomenys gaunami iš „Info4c AG“, Ciurichas (dėl Šveicarijos priimtas ES sprendimas dėl tinkamumo); „Google Analytics“ duomenys perduodami ir saugomi „Google“ serveriuose (001 §4.4, §4.12).', en: 'The policy names no safeguards. Sanctions and PEP data come from Info4c AG, Zurich (Switzerland has an EU adequacy decision); Google Analytics data are transferred to and stored on Google servers (001 §4.4, §4.12).' },
    source: '001 §4.4',
  },
} satisfies Art15Info;
