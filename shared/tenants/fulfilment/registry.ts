import { UnknownTenantError } from '#domain/errors.ts';
import { FulfilmentRegisterSchema, type FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { bajtelRegister } from './bajtel.ts';
import { gautoraRegister } from './gautora.ts';
import { legalbalanceRegister } from './legalbalance.ts';
import { lytagraRegister } from './lytagra.ts';
import { softeraRegister } from './softera.ts';

/**
 * Each controller's register of data systems and recipients (docs/fulfilment.md), validated once
 * at start-up like the tenant configuration. A sixth controller adds one file and one line.
 */
export const FULFILMENT_REGISTERS: readonly FulfilmentRegister[] = [softeraRegister, legalbalanceRegister, bajtelRegister, gautoraRegister, lytagraRegister].map((r) => FulfilmentRegisterSchema.parse(r));

export interface RegisterLookup {
  get(tenantId: string): FulfilmentRegister;
}

export function registerLookup(registers: readonly FulfilmentRegister[] = FULFILMENT_REGISTERS): RegisterLookup {
  const byId = new Map(registers.map((r) => [r.tenantId, r]));
  return {
    get(tenantId) {
      const found = byId.get(tenantId);
      if (!found) throw new UnknownTenantError(`No fulfilment register for tenant "${tenantId}".`);
      return found;
    },
  };
}

export const fulfilmentRegisters: RegisterLookup = registerLookup();
