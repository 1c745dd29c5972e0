import type { Plugin } from 'esbuild';

/** The esbuild plugin of builtins-require.mjs: Node's built-ins loaded with `require`, without ES module facades. */
export function builtinsRequire(): Plugin;
