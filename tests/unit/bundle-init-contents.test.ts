import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ART15_SHEETS } from '#tenants/art15-seeds.ts';
import { FUNCTIONS, initOutputs } from '../../infra/bundling.ts';
import { lambdaBuildOptions } from '../support/lambda-bundle.ts';

/**
 * What a function's cold start compiles (issue 15): the modules its init loads (the handler chunk
 * and the chunks it imports statically) and those only a later request loads (chunks behind a
 * dynamic import), from the bundle as deployed (infra/bundling.ts).
 */
async function modulesOf(name: string): Promise<{ init: Set<string>; all: Set<string>; initCode: string; allCode: string }> {
  const spec = FUNCTIONS.find((f) => f.name === name)!;
  const { metafile, outputFiles } = await build({ ...lambdaBuildOptions(spec), write: false, outdir: 'bundle', metafile: true });
  const outputs = metafile.outputs;
  const atInit = initOutputs(metafile);
  // Packages as `node_modules/…` wherever node_modules is (a git worktree may link another checkout's).
  const fromRoot = (input: string) => (input.includes('node_modules/') ? input.slice(input.indexOf('node_modules/')) : input);
  const inputsOf = (paths: Iterable<string>) => new Set([...paths].flatMap((p) => Object.keys(outputs[p]!.inputs).map(fromRoot)));
  const codeOf = (paths: Iterable<string>) => [...paths].map((p) => outputFiles.find((file) => file.path.endsWith(`/${p}`))!.text).join('\n');
  return { init: inputsOf(atInit), all: inputsOf(Object.keys(outputs)), initCode: codeOf(atInit), allCode: codeOf(Object.keys(outputs).filter((p) => p.endsWith('.mjs'))) };
}

function expectOnFirstUse(modules: { init: Set<string>; all: Set<string> }, lazy: readonly string[], atInit: readonly string[]): void {
  for (const path of lazy) {
    expect(modules.all, path).toContain(path);
    expect(modules.init, path).not.toContain(path);
  }
  for (const path of atInit) expect(modules.init, path).toContain(path);
}

// Adapters the usual first request never calls are made by their first call (lazyAdapter,
// shared/adapters/lazy-adapter.ts): chunks of their own, not in any HTTP function's init.
const HTTP_LAZY_ADAPTERS = [
  'shared/adapters/dynamodb/inbound-ledger.ts',
  'shared/adapters/dynamodb/notice-outbox.ts',
  'shared/adapters/dynamodb/message-store.ts',
  'shared/adapters/dynamodb/print-queue.ts',
  'shared/adapters/dynamodb/validation-report-store.ts',
  'shared/adapters/identity/jose-partner-assertions.ts',
  'shared/adapters/s3/blob-eraser.ts',
  'shared/adapters/s3/answer-file-store.ts',
];

/**
 * Texts of every tenant's Art. 15 information as they appear in a bundle, where the tenants' value
 * (shared/tenants/seeds.ts) carried them until issue 15: the purposes, without the few whose
 * wording has quotes (written escaped in the bundle's JSON string) and the short ones other data
 * share ("Accounting" is also a fulfilment register's purpose).
 */
// As the bundles spell them: ASCII, Lithuanian letters as \uXXXX escapes (infra/bundling.ts `charset`).
const asBundled = (text: string) => text.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
const ART15_TEXTS = Object.values(ART15_SHEETS)
  .flatMap((sheet) => sheet.purposes.flatMap((p) => [p.purpose.lt, p.purpose.en]))
  .filter((text) => text.length >= 30 && !/["'\\`]/.test(text))
  .map(asBundled);

describe('what a cold start compiles', () => {
  it("api: the adapters a partner's intake never calls and the /docs page load with their first use; the intake's own (the case repository, the token checks) are there at init", async () => {
    expectOnFirstUse(
      await modulesOf('api'),
      [
        ...HTTP_LAZY_ADAPTERS,
        'shared/http/docs-page.ts',
        // The pages' Content-Security-Policy is computed when the bundle is built (shared/http/csp-policies.ts).
        'shared/http/docs-style.ts',
        'shared/adapters/evidence/pack-sealer.ts',
        'shared/adapters/dynamodb/receipt-index.ts',
        // Sent by the workflow's intake step, not in line; checked only when a partner sends an assertion.
        'shared/usecases/acknowledge-case.ts',
        'shared/domain/partner-assertion.ts',
        // The webhook JWKS from KMS (the key's PEM import) loads with the first /.well-known/jwks.json.
        'shared/adapters/webhooks/kms-jwks.ts',
      ],
      [
        'shared/adapters/lazy-adapter.ts',
        'shared/adapters/dynamodb/case-repository.ts',
        'shared/adapters/dynamodb/webhook-outbox.ts',
        'shared/http/auth.ts',
        'shared/usecases/acknowledgement-channel.ts',
        'shared/templates/acknowledgement.ts',
      ],
    );
  }, 60_000);

  it("fulfilment: a task page's init has no connector and no mail store; the case repository it reads and jose (every request checks a session or a token) are there", async () => {
    const modules = await modulesOf('fulfilment');
    expectOnFirstUse(
      modules,
      [
        ...HTTP_LAZY_ADAPTERS,
        'shared/adapters/postgres/pg-database-connector.ts',
        'shared/adapters/mail/mime-email-sender.ts',
        'shared/adapters/webhooks/signed-requests.ts',
        'shared/adapters/webhooks/kms-signer.ts',
        'shared/adapters/dynamodb/receipt-index.ts',
      ],
      ['shared/adapters/lazy-adapter.ts', 'shared/adapters/dynamodb/case-repository.ts', 'shared/http/auth.ts'],
    );
    expect(modules.init).toContain('node_modules/jose/dist/webapi/jwt/verify.js');
  }, 60_000);

  it('console: sign-in and sign-out load with their first request; the session check a signed-in page needs is there at init', async () => {
    expectOnFirstUse(
      await modulesOf('console'),
      ['shared/http/console/session-routes.tsx', 'shared/http/console/sign-in-views.tsx', 'shared/http/console/oidc.ts'],
      ['shared/http/console/session.ts', 'shared/http/console/routes.tsx', 'shared/http/lazy-routes.ts'],
    );
  }, 60_000);

  it('fulfilment: its console pages, its staff API routes and the signed callbacks load with the first request of each; the lazy mounts are there at init', async () => {
    expectOnFirstUse(
      await modulesOf('fulfilment'),
      [
        'shared/http/console/fulfilment-pages.tsx',
        'shared/http/console/fulfilment-routes.tsx',
        'shared/http/console/register-page-routes.tsx',
        'shared/http/console/labels.ts',
        'shared/http/staff-api/fulfilment-routes.ts',
        'shared/usecases/workflow/decide.ts',
        'shared/usecases/fulfilment/http-connector.ts',
      ],
      ['shared/http/fulfilment-app.ts', 'shared/http/lazy-routes.ts', 'shared/tenants/fulfilment/registry.ts'],
    );
  }, 60_000);

  it('inbound-email: reading a message and the acknowledgement load with the first of each; the sweeps are there at init', async () => {
    expectOnFirstUse(
      await modulesOf('inbound-email'),
      ['shared/usecases/receive-email.ts', 'shared/usecases/acknowledge-case.ts'],
      ['shared/usecases/process-inbound.ts', 'shared/usecases/outbox-sweep.ts', 'shared/adapters/dynamodb/inbound-ledger.ts'],
    );
  }, 60_000);

  it.each(['api', 'fulfilment'])("%s: init parses the tenants without their Art. 15 information, which the answer templates' chunk carries", async (name) => {
    const modules = await modulesOf(name);
    expectOnFirstUse(modules, ['shared/tenants/art15-seeds.ts', 'shared/templates/answers.ts'], ['shared/tenants/seeds.ts']);
    expect(ART15_TEXTS.length).toBeGreaterThan(40);
    // The texts, not the chunks, in a failure's message: a chunk is hundreds of KB.
    expect(ART15_TEXTS.filter((text) => modules.initCode.includes(text))).toEqual([]);
    expect(ART15_TEXTS.filter((text) => !modules.allCode.includes(text))).toEqual([]);
  }, 60_000);

  it("api: zod's JSON Schema generator loads with the OpenAPI documents, not at init (no named re-export of zod's index at init: shared/domain/zod-core.ts)", async () => {
    expectOnFirstUse(
      await modulesOf('api'),
      ['node_modules/zod/v4/core/json-schema-processors.js', 'node_modules/zod/v4/core/to-json-schema.js', 'shared/http/openapi.ts'],
      ['node_modules/zod/v4/core/schemas.js', 'shared/http/schemas.ts', 'shared/http/partner-routes.ts'],
    );
  }, 60_000);
});
