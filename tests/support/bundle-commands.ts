import { build } from 'esbuild';
import type { FunctionSpec } from '../../infra/bundling.ts';
import { COMMAND_ACTIONS, TRANSACT_ITEM_ACTIONS } from '../../infra/permissions.ts';
import { lambdaBuildOptions } from './lambda-bundle.ts';

export interface BundleCommands {
  /** The SDK command classes the bundle imports (the AWS SDK is external, so imports survive by name). */
  readonly commands: ReadonlySet<string>;
  /** The IAM actions those commands need (transactions: the item operations the bundle builds). */
  readonly actions: ReadonlySet<string>;
  /** Command classes with no entry in COMMAND_ACTIONS: the mapping must be extended. */
  readonly unmapped: readonly string[];
}

/**
 * What a function's deployed bundle can send to AWS: its entry bundled exactly as CDK bundles it
 * (same esbuild options, tree-shaken), then every `…Command` class it imports from `@aws-sdk/*`
 * mapped to its IAM action. An upper bound: a class bundled whole may carry commands the function
 * never reaches (infra/permissions.ts lists those per function, with the reason).
 */
export async function bundleCommands(spec: Pick<FunctionSpec, 'entry' | 'alias'>): Promise<BundleCommands> {
  // Built with the SDK external and unsplit (what the deploy bundles in, tree-shaken and minified,
  // is the same set of command classes): its imports then name each command the code can send.
  const result = await build({ ...lambdaBuildOptions(spec), external: ['@aws-sdk/*'], splitting: false, outdir: 'bundle', write: false, sourcemap: false });
  const text = result.outputFiles[0]?.text ?? '';
  const commands = new Set<string>();
  for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@aws-sdk\/[^"]+"/g)) {
    for (const binding of (match[1] ?? '').split(',')) {
      const name = binding.trim().split(/\s+as\s+/)[0] ?? '';
      if (name.endsWith('Command')) commands.add(name);
    }
  }
  // Clients loaded on first use (issue 15): `{InvokeCommand:a,…}=await import("@aws-sdk/…")`.
  for (const match of text.matchAll(/\{([^{}]*)\}\s*=\s*await\s+import\(\s*"@aws-sdk\/[^"]+"\s*\)/g)) {
    for (const binding of (match[1] ?? '').split(',')) {
      const name = binding.trim().split(':')[0]?.trim() ?? '';
      if (name.endsWith('Command')) commands.add(name);
    }
  }
  // The light S3 client (shared/adapters/s3/signed-s3-client.ts) names each call by its SDK command.
  for (const match of text.matchAll(/\.sendS3Command\(\s*"(\w+Command)"/g)) commands.add(match[1]!);
  const actions = new Set<string>();
  const unmapped: string[] = [];
  for (const command of commands) {
    const mapped = COMMAND_ACTIONS[command];
    if (!mapped) unmapped.push(command);
    else for (const action of mapped) actions.add(action);
    // A transaction is authorised as the item operations in it: those the bundle builds (`{Put:{…}}`).
    if (command === 'TransactWriteCommand' || command === 'TransactWriteItemsCommand') {
      for (const [item, action] of Object.entries(TRANSACT_ITEM_ACTIONS)) if (new RegExp(`[{,]${item}:\\{TableName:`).test(text)) actions.add(action);
    }
  }
  return { commands, actions, unmapped };
}
