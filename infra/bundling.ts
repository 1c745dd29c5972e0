/**
 * The one description of how Lambda code is bundled, shared by the CDK function construct and
 * the bundle-size check, so the sizes we test are the sizes we deploy.
 */
export const LAMBDA_BUNDLING = {
  target: 'node22',
  format: 'esm',
  platform: 'node',
  minify: true,
  sourcemap: true,
  // The AWS SDK v3 only tree-shakes through its ES module builds (DESIGN §5).
  mainFields: ['module', 'main'],
  // The Node.js 22 Lambda runtime ships the AWS SDK v3; bundling our own copy would add
  // ~360 KB per function for no behaviour we use (CDK's own default for this runtime).
  external: ['@aws-sdk/*'],
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: "import { createRequire as __rdCreateRequire } from 'node:module'; const require = __rdCreateRequire(import.meta.url);",
} as const;

export interface FunctionSpec {
  /** Logical name, also the function's folder under functions/. */
  readonly name: string;
  readonly entry: string;
  readonly description: string;
  /** Minified bundle budget in KB (issue 7: intake/API ≤ 450, others ≤ 400). */
  readonly budgetKb: number;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /** Invoked asynchronously (S3/SES/SNS/EventBridge): gets retries and a failure destination. */
  readonly async: boolean;
}

/** Every deployable function. */
export const FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'api', entry: 'functions/api/handler.ts', description: 'Partner API, staff API and console (Hono)', budgetKb: 450, memoryMb: 1024, timeoutSeconds: 29, async: false },
];
