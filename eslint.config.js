import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/architecture.md), lowest first: each folder may import only the aliases listed
 * for it, never a layer above it, and nothing in shared/ reaches into wiring/, functions/ or local/.
 */
const ALIASES = ['domain', 'deadlines', 'signatures', 'tenants', 'ports', 'templates', 'usecases', 'config', 'adapters', 'http', 'wiring'];
const LAYERS = {
  'shared/domain': ['domain', 'deadlines'],
  'shared/deadlines': ['domain', 'deadlines'],
  'shared/signatures': ['domain', 'signatures'],
  'shared/tenants': ['domain', 'deadlines', 'tenants'],
  'shared/ports': ['domain', 'deadlines', 'ports'],
  'shared/templates': ['domain', 'deadlines', 'tenants', 'ports', 'templates'],
  'shared/usecases': ['domain', 'deadlines', 'signatures', 'tenants', 'ports', 'templates', 'usecases'],
  'shared/config': ['domain', 'ports', 'config'],
  'shared/adapters': ['domain', 'deadlines', 'signatures', 'tenants', 'ports', 'templates', 'config', 'adapters'],
  'shared/http': ['domain', 'deadlines', 'tenants', 'ports', 'templates', 'usecases', 'config', 'http'],
  wiring: ALIASES.filter((a) => a !== 'wiring').concat('wiring'),
};
/** Domain code stays free of AWS, HTTP frameworks and the file system. */
const PURE = ['shared/domain', 'shared/deadlines', 'shared/tenants', 'shared/ports', 'shared/usecases', 'shared/templates'];

function layerRules() {
  return Object.entries(LAYERS).map(([folder, allowed]) => ({
    files: [`${folder}/**`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        // A regex, not a glob: in gitignore-style globs a leading `#` starts a comment.
        ...(allowed.length < ALIASES.length ? [{ regex: `^#(${ALIASES.filter((a) => !allowed.includes(a)).join('|')})/`, message: `${folder} may import only ${allowed.map((a) => '#' + a).join(', ')} (docs/architecture.md).` }] : []),
        { group: ['**/functions/**', '**/local/**', '**/infra/**', ...(folder === 'wiring' ? [] : ['**/wiring/**'])], message: 'Deployables and the local stack sit above the shared code.' },
        ...(PURE.includes(folder) ? [{ group: ['@aws-sdk/*', 'hono', 'hono/*', '@hono/*', 'node:fs', 'node:fs/*', 'fs'], message: 'Domain code stays free of AWS, HTTP and the file system.' }] : []),
        { group: ['luxon'], message: "luxon is only the tests' oracle (a devDependency): time zones and calendar arithmetic are shared/deadlines/zone.ts's and civil-date.ts's (docs/deadlines.md)." },
      ] }],
    },
  }));
}

export default tseslint.config(
  { ignores: ['node_modules', 'cdk.out', '.local', 'dist', 'tools/stubs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read process.env only in a config module (shared/config).' },
      ],
    },
  },
  {
    // Plain Node scripts (the contract smoke check) run outside TypeScript.
    files: ['tools/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', fetch: 'readonly' } },
  },
  {
    files: ['shared/config/**', 'local/**', 'tools/**', 'bench/**', 'tests/**', 'infra/**', '*.config.*'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  ...layerRules(),
);
