import type { Language } from '#domain/channels.ts';
import { handlingTranslator } from './handling-labels.ts';
import { printTranslator } from './print-labels.ts';
import type { PageContext } from './layout.tsx';

/**
 * What a `?done=` code says in words, lt and en: the confirmation after a form, never the code
 * itself ("Atlikta: dispatched." was the old text). A code without words falls back to the
 * generic "Done." so nothing internal is shown.
 */
const DONE: Record<string, Record<Language, string>> = {
  approve: { en: 'Approved.', lt: 'Patvirtinta.' },
  reject: { en: 'Rejected; the reasons are recorded.', lt: 'Atmesta; priežastys įrašytos.' },
  request_more: { en: 'More information will be asked from the subject.', lt: 'Iš subjekto bus paprašyta daugiau informacijos.' },
  invalid: { en: 'The request was marked not valid; the subject will be told why.', lt: 'Prašymas pažymėtas kaip netinkamas; subjektui bus paaiškinta kodėl.' },
  withdraw: { en: 'The request was recorded as withdrawn.', lt: 'Prašymas įrašytas kaip atšauktas.' },
  draft: { en: 'The answer was drafted and awaits approval.', lt: 'Atsakymo projektas parengtas ir laukia patvirtinimo.' },
  fee: { en: 'The fee was decided; the subject will be told the reasons.', lt: 'Nuspręsta taikyti mokestį; subjektui bus praneštos priežastys.' },
  refuse: { en: 'The request was refused; the subject will be told the reasons.', lt: 'Prašymo atsisakyta; subjektui bus praneštos priežastys.' },
  clarify: { en: 'The questions were sent to the subject.', lt: 'Klausimai išsiųsti subjektui.' },
  reply: { en: 'The subject\'s answer was registered.', lt: 'Subjekto atsakymas užregistruotas.' },
  rights: { en: 'The rights were saved.', lt: 'Teisės išsaugotos.' },
  identity: { en: 'The identity review was recorded.', lt: 'Tapatybės patikra įrašyta.' },
  registered: { en: 'The request was registered.', lt: 'Prašymas užregistruotas.' },
  dispatched: { en: 'The dispatch was recorded.', lt: 'Išsiuntimas įrašytas.' },
  retried: { en: 'The message will be processed again.', lt: 'Laiškas bus apdorotas iš naujo.' },
};

export function doneText(ctx: Pick<PageContext, 'lang'>, code: string): string {
  const h = handlingTranslator(ctx.lang);
  // A print batch: `batch:3` says how many letters were recorded (console/print-batch-routes.tsx).
  const batch = /^batch:(\d{1,2})$/.exec(code);
  if (batch) return batch[1] === '1' ? printTranslator(ctx.lang)('doneBatchOne') : printTranslator(ctx.lang)('doneBatch', { n: Number(batch[1]) });
  switch (code) {
    case 'assign':
      return h('doneAssign');
    case 'note':
      return h('doneNote');
    case 'pause':
      return h('donePause');
    case 'resume':
      return h('doneResume');
    case 'spam':
      return h('doneSpam');
    case 'not_spam':
      return h('doneNotSpam');
    case 'extend':
      return h('doneExtend');
    default:
      return DONE[code]?.[ctx.lang] ?? (ctx.lang === 'lt' ? 'Atlikta.' : 'Done.');
  }
}
