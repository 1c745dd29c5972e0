import type { PrintItem } from '#ports/channels.ts';
import type { InboundEntry } from '#domain/inbound-ledger.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { CHANNEL_LABEL, RIGHT_SHORT } from './enum-labels.ts';
import { Alert, Layout, type PageContext } from './layout.tsx';
import { doneText } from './done-text.ts';
import { FieldError, fieldAttrs, keptValue } from './form-errors.tsx';
import { printTranslator } from './print-labels.ts';

/** What staff typed into the register form, given back when it has to be corrected. */
export interface RegisterValues {
  readonly channel?: string;
  readonly receivedAt?: string;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postalAddress?: string;
  readonly rights?: readonly string[];
  readonly language?: string;
  readonly note?: string;
}

/** The scan is never kept after problems (a file field cannot be filled in again): the page says so. */
const SCAN_AGAIN = { lt: 'Pasirinkite kopijos failą dar kartą: dėl saugumo failai neišsaugomi, kol forma neišsiųsta.', en: 'Choose the scan again: files are not kept until the form is sent, for safety.' } as const;

/** Registers a letter or a visit (`POST /console/register`, multipart: the scan is a file). */
export function RegisterPage(props: { ctx: PageContext; values: RegisterValues; today: string; error?: string; scanDropped?: boolean }) {
  const { ctx, values: v } = props;
  const { t, lang, problem } = ctx;
  const channel = v.channel ?? 'post';
  const form = 'register';
  const a = (field: string, group = false) => fieldAttrs(problem, form, field, group);
  const E = (p: { field: string }) => <FieldError problem={problem} form={form} field={p.field} />;
  return (
    <Layout ctx={ctx} title={t('register')} nav="register">
      <h1>{t('register')}</h1>
      <p class="muted">{t('registerIntro')}</p>
      {props.error && <Alert t={t} text={props.error} />}
      {/* novalidate: the server reports every problem at once, in the page's language. */}
      <form method="post" action="/console/register" enctype="multipart/form-data" class="stack card" id="register" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <fieldset {...a('channel', true)}>
          <legend>{t('channel')}</legend>
          {(['post', 'in_person'] as const).map((ch) => (
            <label class="check">
              <input type="radio" name="channel" value={ch} checked={channel === ch} /> {CHANNEL_LABEL[ch][lang]}
            </label>
          ))}
        </fieldset>
        <E field="channel" />
        <label>
          {t('receivedOn')}
          <input type="date" name="receivedAt" required max={props.today} value={v.receivedAt ?? props.today} {...a('receivedAt')} />
        </label>
        <E field="receivedAt" />
        <label>
          {t('name')}
          <input name="name" required maxlength={200} autocomplete="off" value={v.name ?? ''} {...a('name')} />
        </label>
        <E field="name" />
        <label>
          {t('email')}
          <input type="email" name="email" maxlength={254} autocomplete="off" value={v.email ?? ''} {...a('email')} />
        </label>
        <E field="email" />
        <label>
          {t('phone')}
          <input type="tel" name="phone" maxlength={25} autocomplete="off" value={v.phone ?? ''} {...a('phone')} />
        </label>
        <E field="phone" />
        <label>
          {t('postalAddress')}
          <textarea name="postalAddress" rows={3} maxlength={500} {...a('postalAddress')}>{v.postalAddress ?? ''}</textarea>
        </label>
        <E field="postalAddress" />
        <fieldset {...a('rights', true)}>
          <legend>{t('rights')}</legend>
          {RIGHT_TYPES.map((r) => (
            <label class="check">
              <input type="checkbox" name="rights" value={r} checked={v.rights?.includes(r) ?? false} /> {RIGHT_SHORT[r][lang]}
            </label>
          ))}
        </fieldset>
        <E field="rights" />
        <label>
          {t('requestLanguage')}
          <select name="language" {...a('language')}>
            <option value="lt" selected={v.language !== 'en'}>lietuvių (LT)</option>
            <option value="en" selected={v.language === 'en'}>English (EN)</option>
          </select>
        </label>
        <E field="language" />
        <label>
          {t('note')}
          <input name="note" maxlength={2000} value={v.note ?? ''} {...a('note')} />
        </label>
        <E field="note" />
        <label>
          {t('scan')}
          <input type="file" name="scan" accept="application/pdf,image/jpeg,image/png,image/tiff" {...a('scan')} />
        </label>
        <E field="scan" />
        {props.scanDropped && (
          <p class="warn" id="scan-again">
            {SCAN_AGAIN[lang]}
          </p>
        )}
        <div>
          <button type="submit">{t('register')}</button>
        </div>
      </form>
    </Layout>
  );
}

/** Letters to print and documents to hand over, with their PDFs and a dispatch form each. */
export function PrintQueuePage(props: { ctx: PageContext; items: readonly PrintItem[]; today: string; done?: string; error?: string }) {
  const { ctx } = props;
  const { t, lang } = ctx;
  const p = printTranslator(lang);
  return (
    <Layout ctx={ctx} title={t('printQueue')} nav="queue">
      <h1>{t('printQueue')}</h1>
      {props.error && <Alert t={t} text={props.error} />}
      {props.done && <div class="notice" role="status">{doneText(ctx, props.done)}</div>}
      {props.items.length === 0 ? (
        <p>{t('printEmpty')}</p>
      ) : (
        <>
        <form method="get" action="/console/print-batch" id="print-batch" class="filters">
          <span class="muted">{p('printSelectedHint')}</span>
          <button type="submit">{p('printSelected')}</button>
        </form>
        <table class="rows">
          <caption class="sr-only">{t('printQueue')}</caption>
          <thead>
            <tr>
              <th scope="col">{p('select')}</th>
              <th scope="col">{t('reference')}</th>
              <th scope="col">{t('notice')}</th>
              <th scope="col">{t('to')}</th>
              <th scope="col">{t('letter')}</th>
              <th scope="col">{t('recordDispatch')}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((i) => (
              <tr id={`item-${i.id}`}>
                <td>
                  <input type="checkbox" name="ids" value={i.id} form="print-batch" aria-label={p('selectItem', { ref: i.reference })} />
                </td>
                <td>
                  <a href={`/console/cases/${i.caseId}`}>{i.reference}</a>
                  <div class="muted">{CHANNEL_LABEL[i.delivery][lang]}</div>
                </td>
                <td>{i.title}</td>
                <td>{i.recipient.join(', ')}</td>
                <td>
                  <a href={`/console/print-queue/${i.id}/letter.pdf`}>{t('letter')}</a> <span class="muted">{Math.ceil(i.pdfSize / 1024)} KB</span>
                  {i.enclosures.map((e, n) => (
                    <div>
                      <a href={`/console/print-queue/${i.id}/enclosures/${n}`}>{e.filename}</a>
                    </div>
                  ))}
                </td>
                <td>
                  <form method="post" action={`/console/print-queue/${i.id}/dispatch`} class="filters" novalidate>
                    <input type="hidden" name="_csrf" value={ctx.csrf} />
                    <label>
                      {t('dispatchedOn')}
                      <input type="date" name="at" required max={props.today} value={keptValue(ctx.kept, `dispatch-${i.id}`, 'at') ?? props.today} {...fieldAttrs(ctx.problem, `dispatch-${i.id}`, 'at')} />
                    </label>
                    {i.delivery === 'post' ? (
                      <label>
                        {t('tracking')}
                        <input name="trackingNumber" maxlength={64} size={14} value={keptValue(ctx.kept, `dispatch-${i.id}`, 'trackingNumber') ?? ''} {...fieldAttrs(ctx.problem, `dispatch-${i.id}`, 'trackingNumber')} />
                      </label>
                    ) : (
                      <label>
                        {t('handedTo')}
                        <input name="handedTo" maxlength={200} size={14} value={keptValue(ctx.kept, `dispatch-${i.id}`, 'handedTo') ?? ''} {...fieldAttrs(ctx.problem, `dispatch-${i.id}`, 'handedTo')} />
                      </label>
                    )}
                    <FieldError problem={ctx.problem} form={`dispatch-${i.id}`} field="at" />
                    <button type="submit">{t('recordDispatch')}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </>
      )}
    </Layout>
  );
}

/** The inbound ledger's "could not be processed" list: the raw message and a one-click retry each. */
export function UnprocessedPage(props: { ctx: PageContext; items: readonly InboundEntry[]; done?: string; error?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('unprocessed')} nav="unprocessed">
      <h1>{t('unprocessed')}</h1>
      {props.error && <Alert t={t} text={props.error} />}
      {props.done && <div class="notice" role="status">{doneText(ctx, props.done)}</div>}
      <p>{t('unprocessedIntro')}</p>
      {props.items.length === 0 ? (
        <p>{t('unprocessedEmpty')}</p>
      ) : (
        <table>
          <caption class="sr-only">{t('unprocessed')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('receivedAt')}</th>
              <th scope="col">{t('lastError')}</th>
              <th scope="col">{t('rawMessage')}</th>
              <th scope="col">{t('retry')}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((e) => (
              <tr id={`inbound-${e.deliveryId}`}>
                <td>{e.receivedAt}</td>
                <td>{e.lastError ?? ''}</td>
                <td>
                  <a href={`/console/unprocessed/${e.deliveryId}/raw`}>{t('rawMessage')}</a>
                </td>
                <td>
                  <form method="post" action={`/console/unprocessed/${e.deliveryId}/retry`}>
                    <input type="hidden" name="_csrf" value={ctx.csrf} />
                    <button type="submit">{t('retry')}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
