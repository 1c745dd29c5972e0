import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import type { Case } from '#domain/case.ts';
import { storedCase } from '../support/identity-methods.ts';
import { dynamoClientFor } from './helpers.ts';
import { asFunction } from '../../local/iam/enforce.ts';

/**
 * The overdue gauge on DynamoDB Local: the COUNT query on the open queue, and the real Lambda
 * handler publishing it as Embedded Metric Format lines. Other test files share the table, so
 * the counts are checked inside a minute of 2001 nobody else uses.
 */
const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
const repo = new DynamoCaseRepository(dynamo, inject('tableName'));
afterAll(() => dynamo.destroy());

async function add(dueAt: string, status: Case['status'] = 'in_progress'): Promise<void> {
  const { c } = await storedCase({ tenant: 'softera', channel: 'email', patch: { status } });
  const id = crypto.randomUUID();
  await repo.createCase({ ...c, id, reference: `SOF-2001-${id.slice(0, 6)}`, dueAt }, []);
}

describe('overdue gauge (DynamoDB Local)', () => {
  const minute = Date.parse('2001-01-01T00:00:00Z') + Math.floor(Math.random() * 500_000) * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  it('counts the open cases due before an instant with a COUNT query on the open queue', async () => {
    const before = await repo.countOpenDueBefore('softera', iso(minute));
    await add(iso(minute + 10_000));
    await add(iso(minute + 20_000), 'awaiting_identity');
    await add(iso(minute + 30_000), 'closed');
    await add(iso(minute + 120_000));
    expect(await repo.countOpenDueBefore('softera', iso(minute + 60_000))).toBe(before + 2);
    expect(await repo.countOpenDueBefore('softera', iso(minute + 180_000))).toBe(before + 3);
  });

  it('runs the real handler: the gauge per tenant, published as the CasesOverdue metric', async () => {
    Object.assign(process.env, { RIGHTSDESK_TABLE: inject('tableName'), DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'eu-central-1' });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const { handler } = await import('../../functions/overdue-gauge/handler.ts');
      const gauge = await asFunction('overdue-gauge', handler);
      expect(gauge.byTenant.softera).toBeGreaterThanOrEqual(3); // at least this file's cases of 2001
      expect(gauge.total).toBe(Object.values(gauge.byTenant).reduce((a, b) => a + b, 0));
      const lines = log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
      expect(lines[0]).toMatchObject({ CasesOverdue: gauge.total });
      expect(lines.find((l) => l.TenantId === 'softera')).toMatchObject({ CasesOverdue: gauge.byTenant.softera });
    } finally {
      log.mockRestore();
    }
  });
});
