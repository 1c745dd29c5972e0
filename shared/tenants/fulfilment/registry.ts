import { UnknownTenantError } from '#domain/errors.ts';
import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { SEED_REGISTERS } from './registers.ts';

export interface RegisterLookup {
  get(tenantId: string): FulfilmentRegister;
}

/**
 * A lookup by tenant over registers already validated (registers.ts, or `validateRegisters` in a
 * test). This module imports no schema, so a Lambda holding the registers validated when it was
 * built never loads one.
 */
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

/** The controllers' registers (registers.ts: validated when the bundle was built). */
export const fulfilmentRegisters: RegisterLookup = registerLookup(SEED_REGISTERS);
