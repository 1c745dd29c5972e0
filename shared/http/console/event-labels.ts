import type { Actor, AuditEvent } from '#domain/audit.ts';
import type { Language } from '#domain/channels.ts';
import { DECISIONS, type Decision } from '#domain/workflow.ts';
import { NOTICE_KINDS, type NoticeKind } from '#domain/notices.ts';

type Words = Readonly<Record<Language, string>>;

/**
 * The timeline in the reader's language. The audit event's `summary` is an English record for
 * the trail (and the partner API); the console says each event type in lt and en from these
 * tables, typed so that a new decision or notice kind without words is a compile error.
 */
const DECISION_WORDS: Readonly<Record<Decision, Words>> = {
  approve: { en: 'Approved by staff', lt: 'Darbuotojas patvirtino' },
  reject: { en: 'Rejected by staff', lt: 'Darbuotojas atmetė' },
  request_more: { en: 'More identity information to be asked', lt: 'Bus paprašyta daugiau tapatybės duomenų' },
  invalid: { en: 'Request marked not valid', lt: 'Prašymas pažymėtas kaip netinkamas' },
  withdraw: { en: 'Request withdrawn', lt: 'Prašymas atšauktas' },
  draft: { en: 'Answer drafted; awaiting approval', lt: 'Parengtas atsakymo projektas; laukia patvirtinimo' },
  extend: { en: 'Extension decided', lt: 'Nuspręsta pratęsti terminą' },
  fee: { en: 'Fee decided', lt: 'Nuspręsta taikyti mokestį' },
  refuse: { en: 'Request refused', lt: 'Prašymo atsisakyta' },
  clarify: { en: 'Missing details asked from the subject', lt: 'Subjekto paprašyta trūkstamos informacijos' },
};

const NOTICE_WORDS: Readonly<Record<NoticeKind, Words>> = {
  acknowledgement: { en: 'Acknowledgement sent', lt: 'Išsiųstas gavimo patvirtinimas' },
  identity_request: { en: 'Identity request sent', lt: 'Išsiųstas prašymas patvirtinti tapatybę' },
  identity_reminder: { en: 'Identity reminder sent', lt: 'Išsiųstas priminimas dėl tapatybės' },
  identity_not_established: { en: 'Subject told identity could not be established', lt: 'Subjektui pranešta, kad tapatybės nustatyti nepavyko' },
  more_information_request: { en: 'Request for missing details sent', lt: 'Išsiųstas prašymas pateikti trūkstamą informaciją' },
  more_information_reminder: { en: 'Reminder about missing details sent', lt: 'Išsiųstas priminimas dėl trūkstamos informacijos' },
  more_information_closed: { en: 'Closed: the missing details never came', lt: 'Uždaryta: trūkstama informacija negauta' },
  period_restarted: { en: 'Subject told the new due date', lt: 'Subjektui pranešta nauja termino data' },
  invalid_request: { en: 'Subject told the request is not valid', lt: 'Subjektui pranešta, kad prašymas netinkamas' },
  extension: { en: 'Extension notice sent', lt: 'Išsiųstas pranešimas apie termino pratęsimą' },
  refusal: { en: 'Refusal sent with reasons', lt: 'Išsiųstas atsisakymas su priežastimis' },
  fee: { en: 'Fee notice sent with reasons', lt: 'Išsiųstas pranešimas apie mokestį su priežastimis' },
  answer: { en: 'Answer sent', lt: 'Atsakymas išsiųstas' },
  marketing_objection_confirmed: { en: 'Direct marketing objection confirmed', lt: 'Patvirtintas nesutikimas dėl tiesioginės rinkodaros' },
};

const EVENT_WORDS: Readonly<Record<string, Words>> = {
  'case.received': { en: 'Request received', lt: 'Prašymas gautas' },
  'case.repeat_detected': { en: 'Repeated request detected', lt: 'Aptiktas pakartotinis prašymas' },
  'case.status_changed': { en: 'Status changed', lt: 'Pasikeitė būsena' },
  'acknowledgement.sent': { en: 'Acknowledgement sent', lt: 'Išsiųstas gavimo patvirtinimas' },
  'acknowledgement.failed': { en: 'Acknowledgement could not be sent', lt: 'Gavimo patvirtinimo išsiųsti nepavyko' },
  'acknowledgement.not_sent': { en: 'No acknowledgement sent', lt: 'Gavimo patvirtinimas nesiųstas' },
  'email.received': { en: 'E-mail received', lt: 'Gautas el. laiškas' },
  'email.classified': { en: 'Rights read from the e-mail', lt: 'Teisės nustatytos iš el. laiško' },
  'email.delivered': { en: 'E-mail delivered', lt: 'El. laiškas pristatytas' },
  'email.bounced': { en: 'E-mail bounced', lt: 'El. laiškas grąžintas' },
  'email.complaint': { en: 'Recipient marked our e-mail as spam', lt: 'Gavėjas pažymėjo mūsų laišką kaip brukalą' },
  'email.auto_reply': { en: 'Automatic reply received', lt: 'Gautas automatinis atsakymas' },
  'identity.checked': { en: 'Identity checked', lt: 'Tapatybė patikrinta' },
  'identity.verified': { en: 'Identity verified', lt: 'Tapatybė patvirtinta' },
  'identity.requested': { en: 'Identity requested', lt: 'Paprašyta patvirtinti tapatybę' },
  'identity.reminder_sent': { en: 'Identity reminder sent', lt: 'Išsiųstas priminimas dėl tapatybės' },
  'identity.email_confirmed': { en: 'E-mail address confirmed by the subject', lt: 'Subjektas patvirtino el. pašto adresą' },
  'identity.scan_deleted': { en: 'ID document scan erased', lt: 'Asmens dokumento kopija ištrinta' },
  'deadline.extended': { en: 'Deadline extended', lt: 'Terminas pratęstas' },
  'deadline.restarted': { en: 'Period restarted', lt: 'Terminas skaičiuojamas iš naujo' },
  'deadline.kept': { en: 'Period keeps running', lt: 'Terminas skaičiuojamas toliau' },
  'deadline.reminder_sent': { en: 'Deadline reminder sent to staff', lt: 'Darbuotojams išsiųstas priminimas apie terminą' },
  'deadline.escalated': { en: 'Overdue: escalated', lt: 'Terminas praleistas: eskaluota' },
  'clarification.requested': { en: 'Missing details asked from the subject', lt: 'Subjekto paprašyta trūkstamos informacijos' },
  'clarification.reminder_sent': { en: 'Reminder about missing details sent', lt: 'Išsiųstas priminimas dėl trūkstamos informacijos' },
  'subject.replied': { en: 'The subject answered', lt: 'Subjektas atsakė' },
  'rights.corrected': { en: 'Rights corrected', lt: 'Teisės pataisytos' },
  'rights.confirmed': { en: 'Rights confirmed', lt: 'Teisės patvirtintos' },
  'letter.dispatched': { en: 'Letter posted', lt: 'Laiškas išsiųstas paštu' },
  'handover.recorded': { en: 'Document handed over', lt: 'Dokumentas įteiktas' },
  'workflow.failed': { en: 'A workflow step failed', lt: 'Nepavyko darbo eigos žingsnis' },
  'handling.assigned': { en: 'Assignment changed', lt: 'Pakeistas atsakingas darbuotojas' },
  'handling.note': { en: 'Internal note', lt: 'Vidinė pastaba' },
  'handling.paused': { en: 'Paused (the deadline still applies)', lt: 'Sustabdyta (terminas galioja)' },
  'handling.resumed': { en: 'Pause ended', lt: 'Tęsiama' },
  'handling.spam': { en: 'Marked as spam', lt: 'Pažymėta kaip brukalas' },
  'handling.not_spam': { en: 'Spam mark removed', lt: 'Brukalo žymė pašalinta' },
};

const FAMILY_WORDS: Readonly<Record<string, Words>> = {
  fulfilment: { en: 'Fulfilment', lt: 'Vykdymas' },
  notice: { en: 'Notice to the subject', lt: 'Pranešimas subjektui' },
  decision: { en: 'Staff decision', lt: 'Darbuotojo sprendimas' },
  identity: { en: 'Identity', lt: 'Tapatybė' },
  email: { en: 'E-mail', lt: 'El. paštas' },
};

const FULFILMENT_WORDS: Readonly<Record<string, Words>> = {
  planned: { en: 'Tasks planned', lt: 'Suplanuotos užduotys' },
  task_added: { en: 'Task added', lt: 'Pridėta užduotis' },
  read: { en: 'Data read from a system', lt: 'Duomenys nuskaityti iš sistemos' },
  erased: { en: 'Data erased in a system', lt: 'Duomenys ištrinti sistemoje' },
  dry_run: { en: 'Trial run', lt: 'Bandomasis paleidimas' },
  skipped: { en: 'Task skipped', lt: 'Užduotis praleista' },
  requested: { en: 'Request sent to a system', lt: 'Užklausa išsiųsta sistemai' },
  result_received: { en: 'Result received', lt: 'Gautas rezultatas' },
  result_recorded: { en: 'Result recorded', lt: 'Rezultatas įrašytas' },
  recipient_notified: { en: 'Recipient notified (Art. 19)', lt: 'Gavėjui pranešta (19 str.)' },
  recipient_replied: { en: 'Recipient replied', lt: 'Gavėjas atsakė' },
};

/** The event in words: the event's own kind in lt or en, never the English trail summary in lt. */
export function eventWords(e: Pick<AuditEvent, 'type' | 'summary'>, lang: Language): string {
  const [family = '', rest = ''] = e.type.split(/\.(.*)/s);
  const known = EVENT_WORDS[e.type];
  if (known) return known[lang];
  if (family === 'decision' && (DECISIONS as readonly string[]).includes(rest)) return DECISION_WORDS[rest as Decision][lang];
  if (family === 'notice' && (NOTICE_KINDS as readonly string[]).includes(rest)) return NOTICE_WORDS[rest as NoticeKind][lang];
  if (family === 'fulfilment' && FULFILMENT_WORDS[rest]) return FULFILMENT_WORDS[rest][lang];
  // English readers keep the trail's own summary; Lithuanian ones the family name.
  if (lang === 'en') return e.summary;
  return FAMILY_WORDS[family]?.lt ?? 'Įvykis';
}

const ACTOR_WORDS: Readonly<Record<Actor['kind'], Words>> = {
  subject: { en: 'subject', lt: 'subjektas' },
  partner: { en: 'partner', lt: 'partneris' },
  staff: { en: 'staff', lt: 'darbuotojas' },
  system: { en: 'system', lt: 'sistema' },
};

export const actorWords = (a: Actor, lang: Language) => `${ACTOR_WORDS[a.kind][lang]} ${a.kind === 'system' ? '' : a.id}`.trim();

/** What an lt reader would lose from the English summary: the posting's tracking number, who received a hand-over. */
export function eventFacts(e: Pick<AuditEvent, 'details'>, lang: Language): string {
  if (lang === 'en') return '';
  const d = e.details ?? {};
  const facts = [typeof d.trackingNumber === 'string' ? `siuntos numeris ${d.trackingNumber}` : '', typeof d.handedTo === 'string' ? `įteikta: ${d.handedTo}` : ''].filter(Boolean);
  return facts.length ? ` (${facts.join('; ')})` : '';
}
