import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { REGISTER_CONFIGS } from './register-list.ts';
import { validateRegisters } from './validation.ts';

/**
 * The controllers' fulfilment registers, validated with `FulfilmentRegisterSchema` (validation.ts).
 *
 * A Lambda bundle holds this module's value, not its code: the deploy's esbuild plugin
 * (infra/build-time-modules.mjs) runs the validation when the bundle is built, so an invalid
 * register fails the build and no function carries the register schemas (~10 KB of init code in
 * the fulfilment, api and workflow bundles) nor builds and runs them on the first request that
 * plans tasks (issue 15). The local stack and the tests load this file as written and validate
 * here, once per process.
 */
export const SEED_REGISTERS: readonly FulfilmentRegister[] = validateRegisters(REGISTER_CONFIGS);
