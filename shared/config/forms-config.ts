import * as z from 'zod/mini';
import { jsonVariable, positiveInt } from './env-fields.ts';

/**
 * The public web form: `FORM_SECRET` signs its tokens (HS256, ≥ 32 characters, from a secret on
 * AWS; `.local/keys/forms.json` locally), `PUBLIC_BASE_URL` is where links in e-mails point, and
 * `FORM_FRAME_ANCESTORS` lists per tenant the partner origins that may embed the form, e.g.
 * `{"softera":["https://www.softera.lt"]}` (CSP frame-ancestors; default: only our own origin).
 */
const EnvSchema = z.object({
  FORM_SECRET: z.string().check(z.minLength(32)),
  PUBLIC_BASE_URL: z.url(),
  FORM_FRAME_ANCESTORS: z.optional(z.string()),
  FORM_RATE_LIMIT: z._default(positiveInt, 5),
});

// Built when the variable is set (z.lazy): the workflow steps and inbound e-mail load this module
// for the e-mail control links only, and without it no partner site embeds the form (issue 15).
const Ancestors = z.lazy(() => z.record(z.string(), z.array(z.string().check(z.regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/)))));

export interface FormsConfig {
  readonly secret: string;
  readonly baseUrl: string;
  readonly frameAncestors: Readonly<Record<string, readonly string[]>>;
  readonly rateLimit: number;
}

export function loadFormsConfig(env: Record<string, string | undefined> = process.env): FormsConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid forms configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const raw = parsed.data.FORM_FRAME_ANCESTORS;
  return { secret: parsed.data.FORM_SECRET, baseUrl: parsed.data.PUBLIC_BASE_URL.replace(/\/$/, ''), frameAncestors: raw === undefined ? {} : frameAncestorsOf(raw), rateLimit: parsed.data.FORM_RATE_LIMIT };
}

function frameAncestorsOf(raw: string): Readonly<Record<string, readonly string[]>> {
  const frame = Ancestors.safeParse(jsonVariable('forms', 'FORM_FRAME_ANCESTORS', raw));
  if (!frame.success) throw new Error('Invalid forms configuration: FORM_FRAME_ANCESTORS must map tenant ids to lists of origins.');
  return frame.data;
}

/**
 * The e-mail control links of identity requests (the `awaitSubject` workflow step): the same
 * `FORM_SECRET` and `PUBLIC_BASE_URL` as the web form, whose confirmation page they open. Null
 * when `FORM_SECRET` is not set (then identity requests carry no link).
 */
export function loadEmailControlConfig(env: Record<string, string | undefined> = process.env): { readonly secret: string; readonly baseUrl: string } | null {
  if (!env.FORM_SECRET) return null;
  const parsed = z.object({ FORM_SECRET: EnvSchema.shape.FORM_SECRET, PUBLIC_BASE_URL: EnvSchema.shape.PUBLIC_BASE_URL }).safeParse(env);
  if (!parsed.success) throw new Error(`Invalid e-mail control configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { secret: parsed.data.FORM_SECRET, baseUrl: parsed.data.PUBLIC_BASE_URL.replace(/\/$/, '') };
}
