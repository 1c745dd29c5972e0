// Shared by the esbuild plugins that read import and export statements in bundled code
// (infra/sdk-deep-imports.mjs, infra/init-chunk-into-entry.mjs). Plain ESM: infra/split-bundle.mjs runs under `node`.

/** The `A` or `A as B` items of an import or export brace list, as [name before `as`, name after it (or the same)]. */
export const braceItems = (list) =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [first, second = first] = s.split(/\s+as\s+/);
      return [first, second];
    });
