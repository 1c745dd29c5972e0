/**
 * Freezes a value and everything it holds. Configuration is shared by every request in a process;
 * freezing stops one caller's edit from leaking into another tenant's case.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
