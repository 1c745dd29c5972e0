import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { intakeCase } from '#usecases/workflow/intake.ts';
import { harness } from '../tests/support/harness.ts';
import { RecordingEngine } from '../tests/support/identity-methods.ts';
import { RecordingAlerts, RecordingNotifier } from '../tests/support/workflow-fakes.ts';

/** The case the workflow steps' and the fulfilment task page's first requests name (events/workflow/*.json). */
export const BENCH_CASE = { tenantId: 'softera', caseId: '55d75007-64d9-483a-9132-044681c81cbe' } as const;
/** A second case, past its intake step and waiting for the subject's identity (the other workflow steps' first request). */
export const BENCH_WAITING_CASE = { tenantId: 'softera', caseId: '7c0f6a52-2b7e-4d0c-9a57-3f1e8d5b2c10' } as const;

/**
 * Seeds the AWS stub (cold-stub.ts, recording) with the case the workflow functions' first
 * requests work on: a partner's intake (events/api/create-request.json) made by the real API on
 * in-memory adapters today, then stored by the real DynamoDB case repository through the stub, so
 * the stub holds the case, its audit events and its reference exactly as the API writes them.
 * Example: `stub.record(true); await seedBenchCase(stub.url); stub.record(false)` → the intake
 * step's first request plans the case and sends the acknowledgement instead of stopping at
 * "case does not exist".
 */
export async function seedBenchCase(stubUrl: string): Promise<{ status: string; waitingStatus: string }> {
  const ids = [BENCH_CASE.caseId, BENCH_WAITING_CASE.caseId];
  const h = await harness({ now: new Date().toISOString(), extra: () => ({ ids: { caseId: () => ids.shift() ?? 'no-more-bench-cases' } }) });
  const intake = JSON.parse(await readFile('events/api/create-request.json', 'utf8')) as { body: string };
  const token = await h.token(BENCH_CASE.tenantId);
  for (const key of ['bench-seed-1', 'bench-seed-2']) {
    const response = await h.app.request('/v1/requests', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
      body: intake.body,
    });
    if (response.status !== 201) throw new Error(`seeding the bench case: the intake answered ${response.status} ${await response.text()}`);
  }
  // The second case through its intake step, in memory, as the workflow's first state runs it.
  await intakeCase(
    { tenants: tenantRegistry, repo: h.repo, clock: h.clock, workflows: new RecordingEngine(), notifier: new RecordingNotifier(h.clock), alerts: new RecordingAlerts(h.clock), settings: DEFAULT_WORKFLOW_SETTINGS },
    BENCH_WAITING_CASE,
  );
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = new DynamoDBClient({ endpoint: stubUrl, region: 'eu-central-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  const statuses: string[] = [];
  try {
    for (const ref of [BENCH_CASE, BENCH_WAITING_CASE]) {
      const stored = await h.repo.getCase(ref.tenantId, ref.caseId);
      if (!stored) throw new Error(`seeding the bench case: no case ${ref.caseId}`);
      statuses.push(stored.status);
      await new DynamoCaseRepository(client, 'rightsdesk').createCase(stored, await h.repo.listEvents(ref.tenantId, ref.caseId));
    }
  } finally {
    client.destroy();
  }
  return { status: statuses[0]!, waitingStatus: statuses[1]! };
}
