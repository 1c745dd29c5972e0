import { describe, expect, it } from 'vitest';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import { lazyFormTokens } from '#adapters/forms/lazy-form-tokens.ts';
import { ValidationError } from '#domain/errors.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';
import { createWorkflowHandlers } from '../../functions/workflow/handlers.ts';

// Issue 15's wiring for cheaper cold starts (docs/performance.md): what is now made or loaded on
// first use behaves as what was made at init.
describe('cold-start wiring', () => {
  it('signs form tokens on first use exactly as the eager class, and refuses a short secret at once', async () => {
    const now = new Date('2026-11-21T10:00:00Z');
    const secret = 's'.repeat(40);
    const lazy = lazyFormTokens(secret, { now: () => now });
    const eager = new JoseFormTokens(secret, { now: () => now });
    const claims = { purpose: 'confirm' as const, tenantId: 'softera', caseId: 'c1', jti: 'j1', addressSha256: 'ab' };
    const token = await lazy.issue(claims, 3600);
    expect(token).toBe(await eager.issue(claims, 3600));
    expect(await lazy.verify(token, 'confirm')).toEqual({ tenantId: 'softera', caseId: 'c1', jti: 'j1', addressSha256: 'ab' });
    await expect(lazy.verify(token, 'status')).rejects.toThrow(ValidationError);
    const download = await lazy.issueDownload({ tenantId: 'softera', key: 'answers/softera/c1/m1/a.json', filename: 'a.json' }, 600);
    expect(await eager.verifyDownload(download)).toEqual({ tenantId: 'softera', key: 'answers/softera/c1/m1/a.json', filename: 'a.json' });
    expect(() => lazyFormTokens('short')).toThrow('The forms secret must be at least 32 characters.');
  });

  it("refuses a workflow step's invalid input before loading its use case, as before", async () => {
    // No deps are touched: the input is refused first (an empty object stands in for them).
    const handlers = createWorkflowHandlers({} as WorkflowDeps);
    await expect(handlers.conclude({ tenantId: 'softera', caseId: 'c1', outcome: 'bogus' })).rejects.toThrow(ValidationError);
    await expect(handlers.intake({ tenantId: '' })).rejects.toThrow('The task input is not valid.');
    await expect(handlers.awaitSubject({ tenantId: 'softera', caseId: 'c1', taskToken: 't', notice: 'other' })).rejects.toThrow(ValidationError);
  });
});
