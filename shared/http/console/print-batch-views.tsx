import type { PrintItem } from '#ports/channels.ts';
import type { BatchDispatchOutcome } from '#usecases/print-batch.ts';
import { CHANNEL_LABEL } from './enum-labels.ts';
import { Alert, Layout, type PageContext } from './layout.tsx';
import { printTranslator } from './print-labels.ts';

const dateOf = (iso: string, lang: PageContext['lang']) => new Intl.DateTimeFormat(lang === 'lt' ? 'lt-LT' : 'en-GB', { dateStyle: 'medium', timeZone: 'Europe/Vilnius' }).format(new Date(iso));

/**
 * The selected letters of the print queue: one link opens them as one PDF (inline, to print),
 * one form records the dispatch of all of them. The form carries a batch key made when the page
 * was drawn, so a double submit or a retry records each letter once.
 */
export function PrintBatchPage(props: { ctx: PageContext; items: readonly PrintItem[]; today: string; batchKey: string; outcomes?: readonly BatchDispatchOutcome[]; error?: string; status?: number }) {
  const { ctx, items } = props;
  const { t, lang } = ctx;
  const p = printTranslator(lang);
  const queued = items.filter((i) => i.status === 'queued');
  const ids = items.map((i) => i.id).join(',');
  const outcomeOf = new Map((props.outcomes ?? []).map((o) => [o.id, o]));
  const outcomeText = (o: BatchDispatchOutcome) =>
    o.outcome === 'dispatched' ? p('outcomeDispatched') : o.outcome === 'already_recorded' ? p('outcomeAlready', { date: o.item.dispatch ? dateOf(o.item.dispatch.at, lang) : '' }) : p('outcomeFailed', { error: o.message });
  return (
    <Layout ctx={ctx} title={p('batchTitle')} nav="queue">
      <h1>{p('batchTitle')}</h1>
      {props.error && <Alert t={t} text={props.error} />}
      <p>{p('batchIntro', { n: items.length })}</p>
      <p>
        <a href={`/console/print-batch/letters.pdf?ids=${ids}`} target="_blank" rel="noopener" id="combined-pdf">
          {p('openCombined', { n: items.length })}
        </a>
      </p>
      <form method="post" action="/console/print-batch/dispatch" id="batch-dispatch" class="stack">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <input type="hidden" name="batchKey" value={props.batchKey} />
        <table class="rows">
          <caption class="sr-only">{p('batchTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reference')}</th>
              <th scope="col">{t('notice')}</th>
              <th scope="col">{t('to')}</th>
              <th scope="col">{p('status')}</th>
              <th scope="col">{t('tracking')} / {t('handedTo')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const outcome = outcomeOf.get(i.id);
              return (
                <tr id={`batch-${i.id}`}>
                  <th scope="row">
                    <a href={`/console/cases/${i.caseId}`}>{i.reference}</a>
                    <div class="muted">{CHANNEL_LABEL[i.delivery][lang]}</div>
                  </th>
                  <td>{i.title}</td>
                  <td>{i.recipient.join(', ')}</td>
                  <td data-outcome={outcome?.outcome ?? i.status}>{outcome ? outcomeText(outcome) : i.status === 'queued' ? p('queued') : p('dispatchedOn', { date: i.dispatch ? dateOf(i.dispatch.at, lang) : '' })}</td>
                  <td>
                    {i.status === 'queued' ? (
                      <>
                        <input type="hidden" name="ids" value={i.id} />
                        {i.delivery === 'post' ? (
                          <input name={`tracking-${i.id}`} maxlength={64} size={14} aria-label={`${t('tracking')}: ${i.reference}`} />
                        ) : (
                          <input name={`handedTo-${i.id}`} maxlength={200} size={14} aria-label={`${t('handedTo')}: ${i.reference}`} />
                        )}
                      </>
                    ) : (
                      (i.dispatch?.trackingNumber ?? i.dispatch?.handedTo ?? '')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {queued.length > 0 && (
          <div class="filters">
            <label>
              {t('dispatchedOn')}
              <input type="date" name="at" required max={props.today} value={props.today} />
            </label>
            <button type="submit">{p('recordAll', { n: queued.length })}</button>
          </div>
        )}
      </form>
      <p>
        <a href="/console/print-queue">{p('backToQueue')}</a>
      </p>
    </Layout>
  );
}
