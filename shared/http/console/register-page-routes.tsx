import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { Language } from '#domain/channels.ts';
import { DomainError, ForbiddenError } from '#domain/errors.ts';
import { registerCsv } from '#domain/register.ts';
import { registerSummaryLetter } from '#templates/register-summary.ts';
import { buildRegister } from '#usecases/accountability/register.ts';
import type { AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import { explain, languageOf, parseForm, type ConsoleContext } from './context.tsx';
import { Alert, Layout, type PageContext } from './layout.tsx';
import type { Session } from './session.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const Query = z.lazy(() => z.object({ from: z.string().check(z.regex(DAY)), to: z.string().check(z.regex(DAY)), format: z.enum(['json', 'csv', 'pdf']), lang: z.optional(z.enum(['lt', 'en'])) }));

const WORDS = {
  title: { lt: 'Prašymų registras', en: 'Register of requests' },
  intro: {
    lt: 'Kiekviena laikotarpiu gauta byla: kanalas, teisės ir jų baigtis, tapatybė, pratęsimas, atsisakymas ar mokestis su politikos punktu, atsakymo data, darbo dienos, laiku ar pavėluotai. CSV ir JSON (su statistika) arba PDF santrauka.',
    en: 'Every case received in the period: channel, rights and their outcome, identity, extension, refusal or fee with the policy clause, the date answered, working days, on time or late. CSV and JSON (with the statistics), or a PDF summary.',
  },
  from: { lt: 'Nuo (imtinai)', en: 'From (included)' },
  to: { lt: 'Iki (imtinai)', en: 'To (included)' },
  format: { lt: 'Formatas', en: 'Format' },
  pdfLt: { lt: 'PDF santrauka (lietuviškai)', en: 'PDF summary (Lithuanian)' },
  pdfEn: { lt: 'PDF santrauka (angliškai)', en: 'PDF summary (English)' },
  download: { lt: 'Atsisiųsti', en: 'Download' },
  adminOnly: { lt: 'Registrą gali atsisiųsti tik administratorius.', en: 'Only an administrator may download the register.' },
} as const satisfies Record<string, Record<Language, string>>;

function RegisterPage(props: { ctx: PageContext; from: string; to: string; error?: string }) {
  const { ctx } = props;
  const w = (k: keyof typeof WORDS) => WORDS[k][ctx.lang];
  return (
    <Layout ctx={ctx} title={w('title')} nav="dashboard">
      <h1>{w('title')}</h1>
      {props.error && <Alert t={ctx.t} text={props.error} />}
      <p>{w('intro')}</p>
      <form method="get" action="/console/records/download" id="register-download" class="card">
        <label>
          {w('from')}
          <input type="date" name="from" value={props.from} required />
        </label>
        <label>
          {w('to')}
          <input type="date" name="to" value={props.to} required />
        </label>
        <fieldset>
          <legend>{w('format')}</legend>
          <label><input type="radio" name="format" value="csv" checked /> CSV</label>
          <label><input type="radio" name="format" value="json" /> JSON</label>
          <label><input type="radio" name="format" value="pdf" /> PDF</label>
        </fieldset>
        <label>
          PDF
          <select name="lang">
            <option value="lt" selected={ctx.lang === 'lt'}>{w('pdfLt')}</option>
            <option value="en" selected={ctx.lang === 'en'}>{w('pdfEn')}</option>
          </select>
        </label>
        <button type="submit">{w('download')}</button>
      </form>
    </Layout>
  );
}

/**
 * The register's console page (docs/accountability.md), admin only: a period and a format, then a
 * download (CSV or JSON for the period, or the lt/en PDF summary). The same use case as
 * `GET /console/api/register`; the receipt index and the letters renderer come from the console's
 * deps (`ui.register`, or the API's accountability deps in the local stack).
 */
export function registerPageRoutes(app: Hono<AppEnv>, cx: ConsoleContext): void {
  const { deps, ui, ctxOf, requireSession } = cx;
  const admin = async (c: Context): Promise<Session> => {
    const s = await requireSession(c);
    if (s.staff.role !== 'admin') throw new ForbiddenError(WORDS.adminOnly[ctxOf(c, s).lang]);
    return s;
  };
  const sources = () => {
    const receipts = ui.register?.receipts ?? deps.accountability?.receipts;
    const letters = ui.register?.letters ?? deps.accountability?.letters;
    return receipts ? { receipts, ...(letters ? { letters } : {}) } : null;
  };

  app.get('/console/records', async (c) => {
    const s = await admin(c);
    // Default: the previous calendar month in the controller's terms (a local day either way is fine for a form default).
    const now = deps.clock.now();
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
    return c.html(<RegisterPage ctx={ctxOf(c, s)} from={first.toISOString().slice(0, 10)} to={last.toISOString().slice(0, 10)} />);
  });

  app.get('/console/records/download', async (c) => {
    const s = await admin(c);
    const source = sources();
    if (!source) throw new Error('The register is not configured for the console.');
    const raw = { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '', format: c.req.query('format') ?? 'csv', ...(c.req.query('lang') ? { lang: c.req.query('lang') } : {}) };
    try {
      const q = parseForm(Query, raw);
      const register = await buildRegister({ repo: deps.repo, receipts: source.receipts, tenants: deps.tenants, clock: deps.clock }, { tenantId: s.staff.tenantId, from: q.from, to: q.to });
      const name = `register-${s.staff.tenantId}-${q.from}-${q.to}`;
      const download = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      if (q.format === 'csv') return c.body(registerCsv(register.rows), 200, { ...download, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
      if (q.format === 'json') return c.body(JSON.stringify(register, null, 2), 200, { ...download, 'content-type': 'application/json', 'content-disposition': `attachment; filename="${name}.json"` });
      if (!source.letters) throw new Error('The letter renderer is not configured.');
      const lang = q.lang ?? 'lt';
      const pdf = await source.letters.render(registerSummaryLetter(deps.tenants.get(s.staff.tenantId), register, lang));
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { ...download, 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}-${lang}.pdf"` });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'validation_failed') {
        return c.html(<RegisterPage ctx={ctxOf(c, s)} from={raw.from} to={raw.to} error={explain(error, languageOf(c))} />, PROBLEM_KINDS.validation_failed.status as 422);
      }
      throw error;
    }
  });
}
