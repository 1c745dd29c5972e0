import type { LabelKey } from './labels.ts';
import { Alert, type PageContext } from './layout.tsx';
import { FieldError, fieldAttrs } from './form-errors.tsx';
import type { CaseView, IdReviewState } from './case-model.ts';
import { reasonWords } from './case-words.ts';

export const isDocMethod = (m: string) => m === 'id_document' || m === 'in_person';
const DOC_TYPES: ReadonlyArray<[string, LabelKey]> = [
  ['id_card', 'docIdCard'],
  ['passport', 'docPassport'],
  ['residence_permit', 'docResidence'],
  ['driving_licence', 'docLicence'],
];

/** The ID-document review (POST …/identity): typed fields and the MRZ, checked by the identity use case. */
export function IdReviewForm(props: { ctx: PageContext; view: CaseView; review?: IdReviewState }) {
  const { ctx, view } = props;
  const { t } = ctx;
  const c = view.case;
  const form = 'id-review';
  const v = props.review?.values ?? (ctx.kept?.form === form ? ctx.kept.values : {});
  const a = (name: string) => fieldAttrs(ctx.problem, form, name);
  const field = (name: string, label: LabelKey, attrs: Record<string, string | number | boolean> = {}) => (
    <>
      <label>
        {t(label)}
        <input name={name} value={v[name] ?? ''} required autocomplete="off" {...attrs} {...a(name)} />
      </label>
      <FieldError problem={ctx.problem} form={form} field={name} />
    </>
  );
  return (
    <>
    {view.scans.length > 0 && (
      <div class="scans" id="scans">
        {view.scans.map((f) => {
          const src = `/console/cases/${c.id}/file?key=${encodeURIComponent(f.key)}`;
          return (
            <figure>
              {f.contentType === 'application/pdf' ? (
                <iframe src={src} title={f.filename} style="width:100%;height:30rem;border:1px solid #ccc" />
              ) : /^image\/(jpeg|png|gif|webp)$/.test(f.contentType) ? (
                <img src={src} alt={f.filename} style="max-width:100%;height:auto" />
              ) : null}
              <figcaption>
                <a href={src} target="_blank" rel="noopener">{f.filename}</a>
              </figcaption>
            </figure>
          );
        })}
      </div>
    )}
    <form method="post" action={`/console/cases/${c.id}/identity`} class="stack" id="id-review" novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <fieldset>
        <legend>{t('idDocReview')}</legend>
        {props.review && (
          <Alert t={t} text={t('checkFailed')}>
            <ul id="id-review-reasons">
              {props.review.reasons.map((r) => (
                <li>{reasonWords(r, ctx.lang)}</li>
              ))}
            </ul>
          </Alert>
        )}
        <label>
          {t('docType')}
          <select name="documentType" {...a('documentType')}>
            {DOC_TYPES.map(([value, key]) => (
              <option value={value} selected={v.documentType === value}>{t(key)}</option>
            ))}
          </select>
        </label>
        {field('issuingCountry', 'country', { pattern: '[A-Za-z<]{3}', maxlength: 3, size: 4 })}
        {field('documentNumber', 'docNumber', { maxlength: 20 })}
        {field('surname', 'surname', { maxlength: 100 })}
        {field('givenNames', 'givenNames', { maxlength: 100 })}
        {field('birthDate', 'birthDate', { type: 'date' })}
        {field('expiresOn', 'expiresOn', { type: 'date' })}
        <label>
          {t('mrz')}
          <textarea name="mrz" rows={3} class="mono" spellcheck={false} autocomplete="off" {...a('mrz')}>{v.mrz ?? ''}</textarea>
        </label>
        <FieldError problem={ctx.problem} form={form} field="mrz" />
        {view.scans.length > 0 && (
          <label>
            {t('scanToDelete')}
            <select name="imageKey">
              {view.scans.map((f) => (
                <option value={f.key}>{f.filename}</option>
              ))}
              <option value="">{t('none')}</option>
            </select>
          </label>
        )}
        {c.identity.acceptedMethods.includes('in_person') && (
          <label class="check">
            <input type="checkbox" name="inPerson" value="1" checked={c.channel === 'in_person'} /> {t('seenInPerson')}
          </label>
        )}
        <p class="muted">{t('mrzNote')}</p>
        <div>
          <button type="submit">{t('approveIdentity')}</button>
        </div>
      </fieldset>
    </form>
    </>
  );
}
