import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, initOutputs } from '../../infra/bundling.ts';
import { lambdaBuildOptions } from '../support/lambda-bundle.ts';

/**
 * What a function's cold start compiles (issue 15): the modules its init loads (the handler chunk
 * and the chunks it imports statically) and those only a later request loads (chunks behind a
 * dynamic import), from the bundle as deployed (infra/bundling.ts).
 */
async function modulesOf(name: string): Promise<{ init: Set<string>; all: Set<string> }> {
  const spec = FUNCTIONS.find((f) => f.name === name)!;
  const { metafile } = await build({ ...lambdaBuildOptions(spec), write: false, outdir: 'bundle', metafile: true });
  const outputs = metafile.outputs;
  const atInit = initOutputs(metafile);
  const inputsOf = (paths: Iterable<string>) => new Set([...paths].flatMap((p) => Object.keys(outputs[p]!.inputs)));
  return { init: inputsOf(atInit), all: inputsOf(Object.keys(outputs)) };
}

function expectOnFirstUse(modules: { init: Set<string>; all: Set<string> }, lazy: readonly string[], atInit: readonly string[]): void {
  for (const path of lazy) {
    expect(modules.all, path).toContain(path);
    expect(modules.init, path).not.toContain(path);
  }
  for (const path of atInit) expect(modules.init, path).toContain(path);
}

describe('what a cold start compiles', () => {
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

  it("api: zod's JSON Schema generator loads with the OpenAPI documents, not at init (no named re-export of zod's index at init: shared/domain/zod-core.ts)", async () => {
    expectOnFirstUse(
      await modulesOf('api'),
      ['node_modules/zod/v4/core/json-schema-processors.js', 'node_modules/zod/v4/core/to-json-schema.js', 'shared/http/openapi.ts'],
      ['node_modules/zod/v4/core/schemas.js', 'shared/http/schemas.ts', 'shared/http/partner-routes.ts'],
    );
  }, 60_000);
});
