import type { z } from 'zod/mini';

/**
 * A schema's complaints about seed data in one line, each with its path, for the errors that stop
 * a build or a start (tenants, their Art. 15 sheets, the fulfilment registers).
 * Example: `issueText(error)` → `'purposes: Too small: expected array to have >=1 items; mailbox: Invalid email address'`.
 */
export function issueText(error: z.core.$ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
