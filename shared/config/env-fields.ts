import * as z from 'zod/mini';
import { coercedNumber } from '#domain/zod-core.ts';

// The schemas of the variables that several configurations read, each built once per process:
// a function validates three to five configurations at init, and each had built its own copies
// (issue 15; zod schemas are immutable, so one instance serves every object that uses it).

/** `RIGHTSDESK_TABLE`: the table's name. */
export const tableName = z.string().check(z.minLength(3));

/** `AWS_REGION` (set by the Lambda runtime; locally the default). */
export const awsRegion = z._default(z.string(), 'eu-central-1');

/** An optional URL: the local stand-ins' endpoints (`DYNAMODB_ENDPOINT`, `SES_ENDPOINT`, …) and other optional addresses. */
export const optionalUrl = z.optional(z.url());

/** An optional string, e.g. `SES_CONFIGURATION_SET`. */
export const optionalString = z.optional(z.string());

/** A non-empty string, e.g. `AUTH_ISSUER`. */
export const nonEmptyString = z.string().check(z.minLength(1));

/** An optional non-empty string, e.g. `LETTERS_FUNCTION`. */
export const optionalNonEmptyString = z.optional(nonEmptyString);

/** A positive whole number, from the variable's text (`Number(text)`), e.g. `MAX_BODY_BYTES`. */
export const positiveInt = coercedNumber().check(z.int(), z.positive());

/**
 * A variable that holds JSON (key sets, maps by tenant), parsed with the configuration's own
 * error. Example: `jsonVariable('webhook', 'WEBHOOK_JWKS', '{"keys":[]}')` → `{ keys: [] }`;
 * `jsonVariable('API', 'AUTH_JWKS', '{')` throws "Invalid API configuration: AUTH_JWKS is not JSON.".
 */
export function jsonVariable(configuration: string, name: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new Error(`Invalid ${configuration} configuration: ${name} is not JSON.`);
  }
}
