/**
 * Every AWS SDK client gets these: a connect timeout, a socket inactivity timeout and a bounded
 * retry budget (standard mode: at most 3 attempts, drawn from the SDK's shared retry quota). A
 * frozen dependency then fails a request within seconds (the API answers 503 with Retry-After,
 * inbound mail stays pending in the ledger) instead of hanging for as long as it is frozen.
 * Example: `new DynamoDBClient({ ...AWS_CLIENT_LIMITS, region })`.
 */
export const AWS_CLIENT_LIMITS = {
  // Without throwOnRequestTimeout this SDK only logs a warning when the timeout passes.
  requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true },
  maxAttempts: 3,
  retryMode: 'standard',
} as const;
