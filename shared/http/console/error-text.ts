import type { Language } from '#domain/channels.ts';
import type { DomainErrorCode } from '#domain/errors.ts';
import type { ErrorDetail, ErrorDetails } from '#domain/error-details.ts';

type Worded<P> = Readonly<Record<Language, (p: P) => string>>;

/**
 * Every use-case error detail in Lithuanian and English (the keys of shared/domain/error-details.ts;
 * a key without its words, or a language without its sentence, is a compile error).
 */
export const ERROR_TEXT: { readonly [K in keyof ErrorDetails]: Worded<ErrorDetails[K]> } = {
  not_waiting_for: { lt: (p) => `Byla ${p.reference} šio veiksmo nelaukia (kažkas ją ką tik pakeitė). Atnaujinkite puslapį.`, en: (p) => `Case ${p.reference} is not waiting for this (someone changed it just now). Reload the page.` },
  not_a_decision_here: { lt: () => 'Šiame žingsnyje toks sprendimas negalimas.', en: () => 'This decision is not possible at this step.' },
  approver_role_needed: { lt: () => 'Atsakymą patvirtinti ar grąžinti gali tik tvirtintojas arba administratorius.', en: () => 'Approving an answer, or sending it back, needs the approver or admin role.' },
  reasons_needed: { lt: () => 'Įrašykite priežastis.', en: () => 'Write the reasons.' },
  questions_needed: { lt: () => 'Įrašykite klausimus subjektui.', en: () => 'Write the questions for the subject.' },
  no_draft_to_approve: { lt: (p) => `Byla ${p.reference} neturi parengto atsakymo.`, en: (p) => `Case ${p.reference} has no drafted answer to approve.` },
  tasks_open: { lt: (p) => `Atsakymo patvirtinti negalima, kol atviros vykdymo užduotys (${p.count}).`, en: (p) => `The answer cannot be approved while fulfilment tasks are open (${p.count}).` },
  four_eyes: { lt: () => 'Keturių akių principas: atsakymą turi patvirtinti ne tas, kas jį parengė.', en: () => 'Four-eyes: the answer must be approved by someone other than the person who drafted it.' },
  method_not_accepted: { lt: () => 'Šis būdas čia tapatybės nenustato.', en: () => 'This method does not establish identity here.' },
  draft_text_needed: { lt: () => 'Įrašykite atsakymo tekstą.', en: () => 'Write the text of the answer.' },
  already_extended: { lt: (p) => `Bylos ${p.reference} terminas jau pratęstas iki ${p.dueDate}.`, en: (p) => `Case ${p.reference} was already extended to ${p.dueDate}.` },
  too_late_to_extend: { lt: (p) => `Pratęsti reikėjo iki ${p.dueDate} (pirmasis terminas baigėsi).`, en: (p) => `The extension had to be decided and notified by ${p.dueDate} (the first period ended).` },
  case_closed: { lt: (p) => `Byla ${p.reference} baigta; jos keisti nebegalima.`, en: (p) => `Case ${p.reference} is closed; it can no longer change.` },
  not_paused: { lt: (p) => `Byla ${p.reference} nesustabdyta.`, en: (p) => `Case ${p.reference} is not paused.` },
  not_spam: { lt: (p) => `Byla ${p.reference} nepažymėta kaip šlamštas.`, en: (p) => `Case ${p.reference} is not marked as spam.` },
  no_notifier: { lt: () => 'Čia nėra kaip pranešti subjektui; pratęskite atsakymo rengimo žingsnyje.', en: () => 'No notifier is configured here to tell the subject; extend from the draft step.' },
  text_needed: { lt: () => 'Užpildykite šį lauką.', en: () => 'Fill in this field.' },
  text_too_long: { lt: (p) => `Ne daugiau kaip ${p.max} simbolių.`, en: (p) => `At most ${p.max} characters.` },
  received_not_a_date: { lt: () => 'Įrašykite datą (MMMM-MM-DD).', en: () => 'Enter a date (YYYY-MM-DD).' },
  received_in_future: { lt: () => 'Data negali būti ateityje.', en: () => 'The date cannot be in the future.' },
  received_too_old: { lt: (p) => `Data negali būti senesnė nei ${p.days} d.`, en: (p) => `The date cannot be more than ${p.days} days ago.` },
  postal_address_needed: { lt: () => 'Paštu gautam prašymui reikia adreso, kuriuo atsakysime.', en: () => 'A postal request needs the address to answer to.' },
  print_item_recorded: { lt: (p) => `Išsiuntimas jau įrašytas (${p.at}).`, en: (p) => `The dispatch was already recorded (${p.at}).` },
  print_item_raced: { lt: () => 'Išsiuntimą ką tik įrašė kitas darbuotojas.', en: () => 'Someone else recorded this dispatch just now.' },
  same_rights: { lt: () => 'Byla jau turi būtent šias teises.', en: () => 'The case already has exactly these rights.' },
  rights_need_no_confirmation: { lt: (p) => `Bylos ${p.reference} teisių tvirtinti nereikia.`, en: (p) => `The rights of case ${p.reference} need no confirmation.` },
  not_waiting_for_reply: { lt: (p) => `Byla ${p.reference} nelaukia subjekto patikslinimų.`, en: (p) => `Case ${p.reference} is not waiting for details from the subject.` },
  reply_before_question: { lt: (p) => `Atsakymas negalėjo būti gautas anksčiau nei paklausta (${p.askedAt.slice(0, 10)}).`, en: (p) => `The answer cannot have come before the question was asked (${p.askedAt.slice(0, 10)}).` },
  kept_needs_basis: { lt: () => 'Kai duomenys paliekami, nurodykite priežastį ir teisinį pagrindą.', en: () => '"Kept" needs the reason and the legal basis.' },
  form_expired: { lt: () => 'Forma nebegalioja arba atsiųsta ne iš šios konsolės; atnaujinkite puslapį ir bandykite dar kartą.', en: () => 'The form has expired or did not come from this console; reload the page and try again.' },
};

/** Words of the console's error pages that are not a use case's. */
export const PAGE_ERROR_TEXT = {
  refused: { lt: 'Užklausa atmesta.', en: 'The request was refused.' },
  internalTitle: { lt: 'Vidinė klaida', en: 'Internal error' },
  internal: { lt: 'Mūsų pusėje kažkas nepavyko (klaidos numeris {id}).', en: 'Something went wrong on our side (correlation id {id}).' },
  tooLarge: { lt: 'Failai per dideli: čia ne daugiau kaip {n} baitų; didesnius siųskite per API.', en: 'At most {n} bytes of files here; larger files through the API.' },
} as const satisfies Record<string, Readonly<Record<Language, string>>>;

/** When an error has no detail key: what its kind means, in the page's language. */
export const ERROR_KIND_TEXT: Readonly<Record<DomainErrorCode, Readonly<Record<Language, string>>>> = {
  validation_failed: { lt: 'Patikrinkite pažymėtus laukus.', en: 'Please check the marked fields.' },
  not_found: { lt: 'Nerasta.', en: 'Not found.' },
  unauthenticated: { lt: 'Reikia prisijungti.', en: 'Sign in first.' },
  forbidden: { lt: 'Jūsų vaidmeniui tai neleidžiama.', en: 'Your role may not do this.' },
  conflict: { lt: 'To dabar padaryti negalima: bylos būsena kita. Atnaujinkite puslapį.', en: 'This cannot be done now: the case is in another state. Reload the page.' },
  idempotency_key_reused: { lt: 'Ši užklausa jau buvo pateikta su kitais duomenimis.', en: 'This request was already sent with other data.' },
  idempotency_in_progress: { lt: 'Ši užklausa dar vykdoma.', en: 'This request is still being processed.' },
  invalid_transition: { lt: 'Byla nėra tokios būsenos, kuri tai leistų.', en: 'The case is not in a state that allows this.' },
  concurrent_update: { lt: 'Bylą ką tik pakeitė kažkas kitas; bandykite dar kartą.', en: 'Someone else changed the case just now; try again.' },
  unknown_tenant: { lt: 'Nežinomas valdytojas.', en: 'Unknown controller.' },
  payload_too_large: { lt: 'Per dideli failai.', en: 'The files are too large.' },
  unsupported_media_type: { lt: 'Netinkamas failo tipas.', en: 'Unsupported file type.' },
  workflow_not_waiting: { lt: 'Byla šio sprendimo nelaukia. Atnaujinkite puslapį.', en: 'The case is not waiting for this decision. Reload the page.' },
};

/** The detail in the page's language (or what the error's kind means when it has no key). */
export function errorText(error: { readonly code: DomainErrorCode; readonly detail: ErrorDetail | undefined }, lang: Language): string {
  const d = error.detail;
  // The key and its parameters were typed together (ErrorDetail); the lookup loses that pairing.
  if (d) return (ERROR_TEXT[d.key][lang] as (p: unknown) => string)(d.params);
  return ERROR_KIND_TEXT[error.code][lang];
}
