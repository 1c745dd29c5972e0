import { UnknownTenantError } from '#domain/errors.ts';
import { FulfilmentRegisterSchema, type FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { bajtelRegister } from './bajtel.ts';
import { gautoraRegister } from './gautora.ts';
import { legalbalanceRegister } from './legalbalance.ts';
import { lytagraRegister } from './lytagra.ts';
import { softeraRegister } from './softera.ts';

/**
 * Each controller's register of data systems and recipients (docs/fulfilment.md), as written. A
 * sixth controller adds one file and one line. Validated like the tenant configuration: in full
 * by the unit tests (`fulfilmentRegisterList`), and at run time each on its first use
 * (`fulfilmentRegisters.get`), not at every cold start.
 */
const SEED_REGISTERS: readonly FulfilmentRegister[] = [softeraRegister, legalbalanceRegister, bajtelRegister, gautoraRegister, lytagraRegister];

let validatedList: readonly FulfilmentRegister[] | undefined;

/** Every seed register, validated with `FulfilmentRegisterSchema` (throws on the first invalid one). */
export function fulfilmentRegisterList(): readonly FulfilmentRegister[] {
  return (validatedList ??= SEED_REGISTERS.map((r) => FulfilmentRegisterSchema.parse(r)));
}

export interface RegisterLookup {
  get(tenantId: string): FulfilmentRegister;
}

export function registerLookup(registers: readonly FulfilmentRegister[]): RegisterLookup {
  const byId = new Map(registers.map((r) => [r.tenantId, r]));
  return {
    get(tenantId) {
      const found = byId.get(tenantId);
      if (!found) throw new UnknownTenantError(`No fulfilment register for tenant "${tenantId}".`);
      return found;
    },
  };
}

/** The seed registers, each validated on its first `get`. */
export const fulfilmentRegisters: RegisterLookup = lazyRegisterLookup(SEED_REGISTERS);

function lazyRegisterLookup(registers: readonly FulfilmentRegister[]): RegisterLookup {
  const byId = new Map(registers.map((r) => [r.tenantId, r]));
  const validated = new Map<string, FulfilmentRegister>();
  return {
    get(tenantId) {
      const known = validated.get(tenantId);
      if (known) return known;
      const found = byId.get(tenantId);
      if (!found) throw new UnknownTenantError(`No fulfilment register for tenant "${tenantId}".`);
      const register = FulfilmentRegisterSchema.parse(found);
      validated.set(tenantId, register);
      return register;
    },
  };
}
