import { FulfilmentRegisterSchema, type FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { issueText } from '../issue-text.ts';

/** A register list that must not start: an invalid register, or two for one tenant. */
export class RegisterConfigurationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegisterConfigurationError';
  }
}

function parseRegister(config: FulfilmentRegister, index: number): FulfilmentRegister {
  const result = FulfilmentRegisterSchema.safeParse(config);
  if (result.success) return result.data;
  const name = typeof config.tenantId === 'string' && config.tenantId !== '' ? `"${config.tenantId}"` : `#${index}`;
  const issues = issueText(result.error);
  throw new RegisterConfigurationError(`The fulfilment register of tenant ${name} is invalid: ${issues}`, { cause: result.error });
}

/**
 * Every register validated with `FulfilmentRegisterSchema`, in order. Throws
 * `RegisterConfigurationError` naming the offending tenant when one is invalid, or when two
 * registers are for one tenant (a lookup by tenant would silently pick one).
 * Example: `validateRegisters(REGISTER_CONFIGS)[0].tenantId === 'softera'`.
 */
export function validateRegisters(configs: readonly FulfilmentRegister[]): readonly FulfilmentRegister[] {
  const registers = configs.map(parseRegister);
  const seen = new Set<string>();
  for (const { tenantId } of registers) {
    if (seen.has(tenantId)) throw new RegisterConfigurationError(`Two fulfilment registers for tenant "${tenantId}".`);
    seen.add(tenantId);
  }
  return registers;
}
