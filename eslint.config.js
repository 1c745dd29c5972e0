import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    files: ['shared/domain/**', 'shared/deadlines/**', 'shared/tenants/**', 'shared/usecases/**', 'shared/templates/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@aws-sdk/*', 'hono', 'hono/*', '@hono/*', 'node:fs', 'node:fs/*', 'fs'], message: 'Domain code stays free of AWS, HTTP and the file system.' },
      ] }],
    },
  },
);
