import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { bajtelRegister } from './bajtel.ts';
import { gautoraRegister } from './gautora.ts';
import { legalbalanceRegister } from './legalbalance.ts';
import { lytagraRegister } from './lytagra.ts';
import { softeraRegister } from './softera.ts';

/**
 * Each controller's register of data systems and recipients (docs/fulfilment.md), as written. A
 * sixth controller adds one file and one line here; it is validated with the others in
 * `registers.ts`: when a Lambda bundle is built, and when the local stack or a test loads it.
 */
export const REGISTER_CONFIGS: readonly FulfilmentRegister[] = [softeraRegister, legalbalanceRegister, bajtelRegister, gautoraRegister, lytagraRegister];
