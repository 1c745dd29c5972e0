import { fileURLToPath } from 'node:url';
import type { BuildOptions, Metafile } from 'esbuild';
import { WORKFLOW_FUNCTIONS } from '#adapters/sfn/definitions.ts';
import { lambdaPlugins } from './lambda-plugins.mjs';

/**
 * The one description of how Lambda code is bundled, shared by the CDK function construct and
 * the bundle-size check, so the sizes we test are the sizes we deploy.
 */
export const LAMBDA_BUNDLING = {
  target: 'node22',
  format: 'esm',
  platform: 'node',
  minify: true,
  // Lithuanian text as \uXXXX escapes: Node decodes an all-ASCII file into a one-byte string, and
  // one non-ASCII character makes the whole init file a two-byte string (twice the memory, slower to
  // decode and scan): 0.3–0.7 ms of the api's init for ~5 KB more file (docs/performance.md, "one
  // ASCII file at init"). esbuild leaves regex literals as written; tests/unit/init-chunk-merge.test.ts checks init files.
  charset: 'ascii',
  sourcemap: true,
  // The AWS SDK v3 only tree-shakes through its ES module builds (docs/design.md §5).
  mainFields: ['module', 'main'],
  // The AWS SDK is bundled (tree-shaken, minified), not taken from the runtime's copy: loading a
  // client from the runtime's unbundled CommonJS files is most of a cold start (docs/performance.md,
  // "Decision": a bare Hono function with a DynamoDB client went from 3.0× to 1.7× bare Hono's init).
  external: [] as string[],
  // Code behind a dynamic import() (clients made on first use, rare paths) goes into chunks of its
  // own beside index.mjs, loaded when first needed instead of being parsed at every init.
  splitting: true,
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: "import { createRequire as __rdCreateRequire } from 'node:module'; const require = __rdCreateRequire(import.meta.url);",
} as const;

/**
 * Module stand-ins every Lambda bundle gets: the SDK's default credential chain becomes the
 * execution role's environment credentials, all a Lambda ever uses (shared/adapters/aws/lambda-credentials.ts),
 * and the endpoint-discovery cache loses its LRU library (shared/adapters/aws/endpoint-cache.ts).
 * The full chain cost ~37 KB and ~0.25× bare Hono of every init (docs/performance.md, 2026-12-05 evening).
 */
export const LAMBDA_SDK_ALIAS: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': repoPath('shared/adapters/aws/lambda-credentials.ts'),
  // The DynamoDB client's endpoint-discovery cache over a Map, without mnemonist (shared/adapters/aws/endpoint-cache.ts).
  '@aws-sdk/endpoint-cache': repoPath('shared/adapters/aws/endpoint-cache.ts'),
};

/**
 * The esbuild options of one function's bundle, as deployed (CDK's NodejsFunction, then the
 * split rebuild of infra/split-bundle.mjs) and as the tests and benchmarks measure it:
 * write it to a directory (`outdir`); the handler module is `index.mjs`, chunks `chunk-<hash>.mjs`.
 */
export function lambdaEsbuildOptions(spec: Pick<FunctionSpec, 'entry' | 'alias'>): BuildOptions {
  return {
    entryPoints: [spec.entry],
    bundle: true,
    platform: LAMBDA_BUNDLING.platform,
    target: LAMBDA_BUNDLING.target,
    format: LAMBDA_BUNDLING.format,
    minify: LAMBDA_BUNDLING.minify,
    charset: LAMBDA_BUNDLING.charset,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    external: [...LAMBDA_BUNDLING.external],
    splitting: LAMBDA_BUNDLING.splitting,
    entryNames: 'index',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    banner: { js: LAMBDA_BUNDLING.banner },
    alias: { ...LAMBDA_SDK_ALIAS, ...spec.alias },
    // infra/lambda-plugins.mjs says what each does. Functions do not survive the JSON that carries
    // these options to infra/split-bundle.mjs, which takes the same list itself.
    plugins: lambdaPlugins(),
    logLevel: 'silent',
  };
}

/** The output files a fresh process loads at init from a split build: index.mjs and every chunk it imports statically. */
export function initOutputs(metafile: Metafile): Set<string> {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((path) => /(^|\/)index\.mjs$/.test(path));
  if (!entry) throw new Error('No index.mjs in the build.');
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path) || !outputs[path]) return;
    loaded.add(path);
    for (const i of outputs[path]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  return loaded;
}

/**
 * What a fresh process loads at init from a split build: the entry chunk and every chunk it
 * imports statically, in KB; `sdkKb` is the part of it that comes from the AWS SDK (@aws-sdk,
 * @smithy and their helpers) and `ownKb` the rest (our code and its libraries, without the
 * chunks' import/export glue): the budgets count `ownKb`, what they counted while the SDK was external.
 */
export function initLoadKb(metafile: Metafile): { kb: number; sdkKb: number; ownKb: number; totalKb: number } {
  const outputs = metafile.outputs;
  const loaded = initOutputs(metafile);
  let bytes = 0;
  let sdk = 0;
  let own = 0;
  for (const path of loaded) {
    bytes += outputs[path]!.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path]!.inputs)) {
      if (SDK_INPUT.test(input)) sdk += bytesInOutput;
      else own += bytesInOutput;
    }
  }
  const total = Object.entries(outputs).filter(([path]) => path.endsWith('.mjs')).reduce((a, [, o]) => a + o.bytes, 0);
  return { kb: bytes / 1024, sdkKb: sdk / 1024, ownKb: own / 1024, totalKb: total / 1024 };
}

/** Inputs that belong to the AWS SDK v3 and its runtime helpers. */
const SDK_INPUT = /node_modules\/(@aws-sdk|@smithy|@aws-crypto|@aws\/lambda-invoke-store|tslib|fast-xml-parser|fast-xml-builder|strnum|bowser|uuid|mnemonist|obliterator)\//;

export interface FunctionSpec {
  /** Logical name of the function. */
  readonly name: string;
  readonly entry: string;
  /** The entry's export to invoke (several workflow steps share one entry); default `handler`. */
  readonly handler?: string;
  readonly description: string;
  /** Minified bundle budget in KB (issue 7: intake/API ≤ 450, others ≤ 400). */
  readonly budgetKb: number;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /** Invoked asynchronously (S3/SES/SNS/EventBridge): gets retries and a failure destination. */
  readonly async: boolean;
  /** Files copied beside the bundle (read at run time, e.g. a font), relative to the repo root. */
  readonly assets?: readonly string[];
  /**
   * esbuild `alias` for this function only: module name → absolute path of its stand-in. Both the
   * CDK construct (`--alias:<module>=<path>`) and the bundle-size test apply it.
   */
  readonly alias?: Readonly<Record<string, string>>;
  /**
   * Concurrent executions reserved for (and capping) this function. The sum stays far below the
   * default account quota of 1 000 (AWS keeps 100 unreserved); see docs/deploy.md.
   */
  readonly reservedConcurrency: number;
}

/** An absolute path from a path relative to the repo root. */
export function repoPath(path: string): string {
  return fileURLToPath(new URL(`../${path}`, import.meta.url));
}

/**
 * Where the letters function finds its font beside the bundle (the Lambda task root): the DejaVu
 * Sans subset written by tools/build-letter-font.ts, whose metrics are bundled.
 */
export const LETTER_FONT = { source: 'shared/adapters/pdf/font/DejaVuSans-letters.ttf', runtimePath: '/var/task/DejaVuSans-letters.ttf' } as const;

/**
 * pdf-lib's bundled helpers the letters function does without: pako (deflate/inflate) becomes
 * node:zlib, and @pdf-lib/upng (PNG decoding; letters embed no images) a stub that throws.
 */
export const LETTERS_ALIAS: Readonly<Record<string, string>> = {
  pako: repoPath('shared/adapters/pdf/shims/pako-zlib.ts'),
  '@pdf-lib/upng': repoPath('shared/adapters/pdf/shims/upng-unavailable.ts'),
};
export const LOTL_SIGNERS_RUNTIME_PATH = '/var/task/lotl-signers.pem';

/**
 * One function per workflow step: the state machines name each by its own ARN substitution.
 * Intake has its own entry: it alone validates qualified e-signatures in process.
 */
const workflowSteps: readonly FunctionSpec[] = Object.entries(WORKFLOW_FUNCTIONS).map(([handler, step]) => ({
  name: step.functionName.replace(/^rightsdesk-/, ''),
  entry: handler === 'intake' ? 'functions/workflow/intake.ts' : 'functions/workflow/handler.ts',
  handler,
  description: `Workflow step: ${handler}`,
  // Intake is the workflow's intake: issue 7 gives it the 450 KB budget of intake/API functions.
  // The intake step: 470, not 450, since it plans fulfilment tasks and sends the acknowledgement (463.5 KB measured 2026-12-05).
  // 480: every tenant's Art. 15 information in lt and en (#18) added ~24 KB wherever the answer template goes; UTF-8 output took back 7-14 KB (475.2 KB measured).
  budgetKb: handler === 'intake' ? 480 : 400,
  timeoutSeconds: 60,
  reservedConcurrency: 5,
  // Step Functions invokes these synchronously and retries them itself (Retry/Catch in the ASL).
  async: false,
}));

/** Every deployable function. */
export const FUNCTIONS: readonly FunctionSpec[] = [
  // 530, not 450: once #13, #16, #17, #19 and #20 landed together (each within 450 alone) the API measured
  // 526.4 KB: staff OpenAPI, fulfilment, accountability, clarification. Bringing it back is open work (issue 15).
  // 550: every tenant's Art. 15 information in lt and en (#18) added ~24 KB wherever the answer template goes; UTF-8 output took back 7-14 KB (545.1 KB measured).
  // 556: the print batch (#18: several letters as one PDF, their dispatch recorded once each; routes, use case, OpenAPI) added ~6 KB (554.9 KB measured).
  // 558 after the merge with #18's forms: error details as keys worded by each page (~2 KB), 556.0 KB measured 2026-12-05.
  // 420 since issue 15's cold-start pass: what init loads, without the staff API (a chunk its first request loads),
  // which is a chunk loaded by its own first request (shared/http/lazy-routes.ts); 407.8 KB measured 2026-12-05.
  // 230: the tenants' value at init no longer carries their Art. 15 information (~48 KB, shared/tenants/art15-seeds.ts,
  // loaded with the answer templates); 210.0 KB measured 2026-12-06 (258.7 before).
  { name: 'api', entry: 'functions/api/handler.ts', description: 'Partner API, staff API and console (Hono)', budgetKb: 230, memoryMb: 1024, timeoutSeconds: 29, async: false, reservedConcurrency: 50 },
  // The staff console's pages: the API's other half (same use cases), its own bundle so that
  // neither crosses the 450 KB budget of an HTTP function.
  // 460, not 450: the inbound ledger's "could not be processed" page and the acknowledgement outbox added ~5 KB (457 KB measured).
  // 462: server-side session records (revocation at sign-out) and the CSP added ~4 KB (460.8 KB measured), while the
  // KMS JWKS and /readyz checks moved out of its bundle (wiring/api-function.ts).
  // 470, not 460: signature verdicts with their ETSI reports on the case page (#13), the scan beside the
  // review form and the erasure of a reviewed scan from the raw mail (#18) added ~10 KB (467.3 KB measured).
  // 475, not 460: the clarification step (ask the subject for details, register their answer on
  // paper, the restarted period and its notice) added ~12 KB of forms, labels and use cases (469.6 KB measured).
  // 475: the fulfilment registers (~10 KB of policy-derived data) come in with the identity decision, which plans the tasks (473.9 KB measured).
  // 462, not 460: the register statistics on the dashboard (four charts with their tables, the snapshot reader) added ~3 KB (460.5 KB measured).
  // 520: all of the above together measured 516.0 KB after the merge of 2026-12-05 (each branch alone 460–474).
  // 560: #18's daily tools (next actor, assignment, notes, pause, bulk actions, approver preview, lt text
  // for every event and banner) added ~41 KB (556.8 KB measured). luxon (71 KB) is the largest input;
  // bringing the bundle back under 450 KB is open work (issue 15).
  // 575: every tenant's Art. 15 information in lt and en (#18) added ~24 KB wherever the answer template goes; UTF-8 output took back 7-14 KB (571.8 KB measured).
  // 584: the print batch page (#18: tick letters, one PDF, one dispatch form; lt and en words, the use case) added ~11 KB (582.7 KB measured).
  // 616 after the merge with #18's forms: every problem per field in lt/en, error-detail words, the table editor with CSV (d3-dsv), ~31 KB; 613.2 KB measured 2026-12-05.
  // 190 since issue 15's second cold-start pass: init loads sign-in, the session check and the error pages; each group of
  // pages and the API's deps are chunks loaded by their first request (shared/http/console/routes.tsx); 170.7 KB measured 2026-12-05.
  { name: 'console', entry: 'functions/console/handler.ts', description: 'Staff console pages (Hono JSX, Cognito sign-in)', budgetKb: 175, memoryMb: 1024, timeoutSeconds: 29, async: false, reservedConcurrency: 10 },
  { name: 'inbound-email', entry: 'functions/inbound-email/handler.ts', description: 'SES receipt: parse, thread or open a case', budgetKb: 450, memoryMb: 1024, timeoutSeconds: 120, async: true, reservedConcurrency: 5 },
  { name: 'ses-notifications', entry: 'functions/ses-notifications/handler.ts', description: 'SES bounces and complaints flag the case', budgetKb: 400, async: true, reservedConcurrency: 5 },
  // pdf-lib lives only here, so the API and the workflow steps stay small. No fontkit at run time:
  // the DejaVu Sans subset and its metrics are built ahead (tools/build-letter-font.ts), the TTF
  // ships beside the bundle (LETTER_FONT_PATH), and pako/upng are aliased away (LETTERS_ALIAS).
  { name: 'letters', entry: 'functions/letters/handler.ts', description: 'Letter PDFs for post and in-person answers (pdf-lib)', budgetKb: 400, memoryMb: 1024, timeoutSeconds: 30, async: false, reservedConcurrency: 10, assets: [LETTER_FONT.source], alias: LETTERS_ALIAS },
  // The webhook retry sweep (EventBridge, every minute): signs (jose) and POSTs due deliveries.
  { name: 'webhooks', entry: 'functions/webhooks/handler.ts', description: 'Partner webhooks: signed deliveries with retries', budgetKb: 400, timeoutSeconds: 60, async: true, reservedConcurrency: 2 },
  // The public web form (API Gateway routes /forms/* here): unauthenticated, kept out of the API bundle.
  // 200 since issue 15's second cold-start pass: init loads what the form page needs (no AWS client); submissions, links and
  // the deps they use are chunks loaded by their first request (wiring/forms-function.ts); 173.9 KB measured 2026-12-05.
  // 145: the tenants' value at init no longer carries their Art. 15 information (~48 KB, shared/tenants/art15-seeds.ts);
  // 121.9 KB measured 2026-12-06 (170.5 before).
  { name: 'forms', entry: 'functions/forms/handler.ts', description: 'Public web form (lt/en), e-mail confirmation, status page', budgetKb: 145, memoryMb: 512, timeoutSeconds: 29, async: false, reservedConcurrency: 20 },
  // Every 5 minutes: count the open cases past their due date (the CasesOverdue gauge and alarm).
  { name: 'overdue-gauge', entry: 'functions/overdue-gauge/handler.ts', description: 'CasesOverdue gauge: open cases past their due date', budgetKb: 400, timeoutSeconds: 60, async: true, reservedConcurrency: 1 },
  // Daily: fetch the EU LOTL and the national lists, verify them, cache them for QES validation.
  { name: 'trusted-list-refresh', entry: 'functions/trusted-list-refresh/handler.ts', description: 'Refresh and verify the EU trusted lists (ETSI TS 119 612)', budgetKb: 250, memoryMb: 1024, timeoutSeconds: 300, async: true, reservedConcurrency: 1 },
  // Hourly: purge closed cases past their retention period (tombstones, legal holds) and refresh the dashboard statistics.
  { name: 'accountability-sweep', entry: 'functions/accountability-sweep/handler.ts', description: 'Retention purge and dashboard statistics (docs/accountability.md)', budgetKb: 400, memoryMb: 512, timeoutSeconds: 900, async: true, reservedConcurrency: 1 },
  // Fulfilment's HTTP side (docs/fulfilment.md): the staff task routes, signed callbacks, the console's task pages and
  // register download, and the connectors (pg, signed requests), kept out of the API and console bundles.
  // 555, not 450: it renders console pages (the console's base: luxon, holidays, tenants, labels, ~430 KB) and carries
  // pg (~80 KB); 548.4 KB measured 2026-12-05. Moving these out took the API from 536.5 to 515.0 and the console from 540.2 to 514.7.
  // 572: every tenant's Art. 15 information in lt and en (#18) added ~24 KB wherever the answer template goes; UTF-8 output took back 7-14 KB (568.4 KB measured).
  // 581: #18's forms (the shared layout, error page and error-detail words) added ~10 KB (578.6 KB measured 2026-12-05).
  // 190: the tenants' value at init no longer carries their Art. 15 information (~48 KB, shared/tenants/art15-seeds.ts,
  // loaded with the answer templates); 168.1 KB measured 2026-12-06 (216.7 before).
  { name: 'fulfilment', entry: 'functions/fulfilment/handler.ts', description: 'Fulfilment: tasks, connectors (PostgreSQL, HTTP), Art. 19 notices, task pages', budgetKb: 190, memoryMb: 1024, timeoutSeconds: 29, async: false, reservedConcurrency: 10 },
  // Daily: one digest e-mail per owner of open manual tasks.
  { name: 'task-digest', entry: 'functions/task-digest/handler.ts', description: 'Daily digest of open manual fulfilment tasks', budgetKb: 400, timeoutSeconds: 300, async: true, reservedConcurrency: 1 },
  ...workflowSteps,
];
