import { validateRetentionRules, type RetentionRule } from '#domain/retention.ts';
import { RETENTION_CONFIGS } from './retention-list.ts';

/**
 * Each controller's retention rule for closed cases (retention-list.ts), validated with
 * `retentionRuleSchema` (`validateRetentionRules`).
 *
 * A Lambda bundle holds this module's value, not its code: the deploy's esbuild plugin
 * (infra/build-time-modules.mjs) runs the validation when the bundle is built, so an invalid rule
 * fails the build and the functions that apply or show the rules (the accountability sweep, the
 * register) build no schema for them at init (issue 15). The local stack and the tests validate
 * here, once per process.
 */
export const CASE_RETENTION: Readonly<Record<string, RetentionRule>> = validateRetentionRules(RETENTION_CONFIGS);
