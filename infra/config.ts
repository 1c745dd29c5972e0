import * as z from 'zod/mini';
import { tenantRegistry } from '#tenants/registry.ts';

/**
 * Deployment parameters, read from CDK context (`cdk.json` or `-c key=value`) and validated
 * before anything is synthesised. Defaults in cdk.json make `npm run synth` work offline.
 */
const ContextSchema = z.object({
  /** Where partner tokens' public keys are published (the partner token issuer's JWKS). */
  partnerJwksUrl: z.url({ protocol: /^https$/ }),
  tokenIssuer: z.string().check(z.minLength(1)),
  tokenAudience: z.string().check(z.minLength(1)),
  /** Who is told when an alarm fires; none → alarms still exist, nobody is mailed. */
  alarmEmail: z.optional(z.email()),
  /** The EU list of trusted lists (ETSI TS 119 612) the QES validation starts from. */
  trustedListSource: z.url({ protocol: /^https$/ }),
  /**
   * Prefix of the Cognito hosted UI domain for staff sign-in. Prefixes are global across all AWS
   * accounts, so there is no fixed default: unset, it is `rightsdesk-<account id>` (unique).
   */
  cognitoDomainPrefix: z.optional(z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/))),
  /** The region both stacks deploy to; never the CLI's default region (the data must stay in the EU). */
  region: z._default(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/)), 'eu-central-1'),
  /**
   * Reserve concurrency per function (infra/bundling.ts `reservedConcurrency`): caps what one
   * function can take from the account and keeps a flood of one kind from starving the others.
   * New accounts whose concurrency quota is still 10 cannot reserve any: set `false` there.
   */
  reserveConcurrency: z._default(z.union([z.boolean(), z.stringbool()]), true),
  /** The API's own domain (e.g. privacy.example.lt) and its ACM certificate in the same region. */
  apiDomain: z.optional(z.string().check(z.regex(/^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/))),
  apiCertificateArn: z.optional(z.string().check(z.startsWith('arn:'))),
  /** The console's public origin (Cognito callback/logout URLs). */
  consoleOrigin: z.url({ protocol: /^https$/ }),
  /** PEM file with the certificates that sign the EU LOTL (published in the Official Journal). */
  lotlSignersFile: z.optional(z.string().check(z.minLength(1))),
  /** Territories whose national lists are cached (comma-separated ISO codes; empty: all). */
  trustedListTerritories: z._default(z.string(), 'LT,LV,EE'),
  /** A Secrets Manager secret holding the tenants' webhook signing keys (JSON, see README). */
  webhookKeysSecretArn: z.optional(z.string().check(z.startsWith('arn:'))),
  /** The public half of those keys, served at /.well-known/jwks.json. */
  webhookJwks: z.optional(z.string().check(z.startsWith('{'))),
  /** Partners' identity-assertion public keys (PARTNER_ASSERTION_KEYS JSON: tenant → partner id → JWKS). */
  partnerAssertionKeys: z.optional(z.string().check(z.startsWith('{'))),
  /** Sites allowed to embed the web form (CSP frame-ancestors), space-separated. */
  formFrameAncestors: z.optional(z.string()),
  /**
   * Fulfilment's PostgreSQL connector (docs/fulfilment.md): a Secrets Manager secret holding JSON
   * `{ "<database>": "postgres://…" }` (read into the fulfilment function's encrypted environment
   * by a dynamic reference, never in the template), and the network it reaches the databases in:
   * a VPC, its private subnets (comma-separated ids) and security groups (comma-separated ids).
   */
  fulfilmentDatabasesSecretArn: z.optional(z.string().check(z.startsWith('arn:'))),
  fulfilmentVpcId: z.optional(z.string().check(z.regex(/^vpc-[0-9a-f]+$/))),
  fulfilmentSubnetIds: z.optional(z.string().check(z.regex(/^subnet-[0-9a-f]+(,subnet-[0-9a-f]+)*$/))),
  fulfilmentSecurityGroupIds: z.optional(z.string().check(z.regex(/^sg-[0-9a-f]+(,sg-[0-9a-f]+)*$/))),
  /** The public keys of each controller's services whose signed callbacks are accepted (JSON: tenant → JWKS). */
  fulfilmentCallbackJwks: z.optional(z.string().check(z.startsWith('{'))),
  /** Requests per second and burst for the HTTP API's default stage. */
  apiRateLimit: z._default(z.coerce.number().check(z.positive()), 50),
  apiBurstLimit: z._default(z.coerce.number().check(z.positive()), 100),
});

export interface InfraConfig extends z.infer<typeof ContextSchema> {
  /** The privacy mailboxes SES receives and sends for: one per tenant, from the tenant files. */
  readonly mailboxes: readonly string[];
}

export const CONTEXT_PREFIX = 'rightsdesk:';

export function loadInfraConfig(context: (key: string) => unknown): InfraConfig {
  const raw = Object.fromEntries(Object.keys(ContextSchema.def.shape).map((key) => [key, context(`${CONTEXT_PREFIX}${key}`)]));
  const parsed = ContextSchema.safeParse(raw);
  if (parsed.success && Boolean(parsed.data.apiDomain) !== Boolean(parsed.data.apiCertificateArn)) {
    throw new Error(`Invalid deployment parameters: set both ${CONTEXT_PREFIX}apiDomain and ${CONTEXT_PREFIX}apiCertificateArn, or neither.`);
  }
  if (!parsed.success) {
    throw new Error(`Invalid deployment parameters: ${parsed.error.issues.map((i) => `${CONTEXT_PREFIX}${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { ...parsed.data, mailboxes: tenantRegistry.list().map((t) => t.mailbox) };
}
