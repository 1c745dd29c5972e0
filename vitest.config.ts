import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          // Every handler's SDK calls are checked against its synthesized role (local/iam).
          setupFiles: ['tests/integration/local-iam-setup.ts'],
          // 60 s: a workflow test runs in 2-8 s alone, but CI shares two cores with the e2e project.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file starts its own stack and browser; two at once would starve two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
