import type { Plugin } from 'esbuild';

/** The esbuild plugin of sdk-deep-imports.mjs: the AWS SDK's barrel imports rewritten to the files that define each name. */
export function sdkDeepImports(): Plugin;
