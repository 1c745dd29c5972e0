import { describe, expect, it } from 'vitest';
import { UnknownTenantError } from '#domain/errors.ts';
import type { FulfilmentRegister, PgConnector } from '#domain/fulfilment/register.ts';
import { bajtelRegister } from '#tenants/fulfilment/bajtel.ts';
import { REGISTER_CONFIGS } from '#tenants/fulfilment/register-list.ts';
import { SEED_REGISTERS } from '#tenants/fulfilment/registers.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { softeraRegister } from '#tenants/fulfilment/softera.ts';
import { RegisterConfigurationError, validateRegisters } from '#tenants/fulfilment/validation.ts';

/** A copy of a seed register with some fields replaced (possibly invalid ones). */
const withChanges = (register: FulfilmentRegister, changes: Record<string, unknown>): FulfilmentRegister => ({ ...structuredClone(register), ...changes }) as FulfilmentRegister;

// The module's lookup serves the registers as validated (in a Lambda bundle: when it was built,
// infra/build-time-modules.mjs); they must be exactly what validating the list now gives.
describe('the fulfilment registers (shared/tenants/fulfilment/registers.ts) and their lookup', () => {
  it('are the register list validated with FulfilmentRegisterSchema, in order', () => {
    const validatedNow = validateRegisters(REGISTER_CONFIGS);
    expect(SEED_REGISTERS).toEqual(validatedNow);
    expect(SEED_REGISTERS.map((r) => r.tenantId)).toEqual(['softera', 'legalbalance', 'bajtel', 'gautora', 'lytagra']);
    expect(SEED_REGISTERS[0]).not.toBe(softeraRegister); // zod's output, not the source object
  });

  it('the module lookup answers with the validated register of each tenant', () => {
    for (const register of SEED_REGISTERS) expect(fulfilmentRegisters.get(register.tenantId)).toBe(register);
    expect(() => fulfilmentRegisters.get('nosuch')).toThrow(UnknownTenantError);
  });

  it('validateRegisters refuses an invalid register, naming its tenant, and two registers for one tenant', () => {
    const shop = bajtelRegister.systems[0]!.connector as PgConnector;
    const erasures = shop.erasures.map((e) => (e.name === 'mask_orders' ? { ...e, set: { ...e.set, total_eur: null } } : e));
    const masksTooMuch = withChanges(bajtelRegister, { systems: [{ ...bajtelRegister.systems[0]!, connector: { ...shop, erasures } }, bajtelRegister.systems[1]!] });
    expect(() => validateRegisters([softeraRegister, masksTooMuch])).toThrow(/register of tenant "bajtel" is invalid/);
    expect(() => validateRegisters([withChanges(softeraRegister, { taskDueDaysBefore: 'soon' })])).toThrow(RegisterConfigurationError);
    expect(() => validateRegisters([withChanges(softeraRegister, { tenantId: '' })])).toThrow(/tenant #0 is invalid/);
    expect(() => validateRegisters([bajtelRegister, structuredClone(bajtelRegister)])).toThrow(/Two fulfilment registers for tenant "bajtel"/);
  });
});
