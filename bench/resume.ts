import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { caseIndexAttributes, caseKey } from '#adapters/dynamodb/keys.ts';
import { STATE_MACHINES } from '#adapters/sfn/definitions.ts';
import { executionName } from '#adapters/sfn/workflow-engine.ts';
import { OPEN_STATUSES, type Case } from '#domain/case.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { startLocalStack } from '../local/stack.ts';
import { seedCase } from './seed-cases.ts';

/**
 * `npm run bench:resume`: resume of open cases on the local stack (issue 11: 1 000 in ≤ 30 s).
 * Starts the stack on free ports with a throwaway data directory, writes `RESUME_CASES` (default
 * 1 000) open cases across the five tenants straight into DynamoDB Local (as the repository stores
 * them), stops the stack, starts it again — the start resumes every open case (32 at a time) — and
 * prints the time the stack reported for it, then checks each case has its case workflow execution.
 * Exits non-zero above `RESUME_LIMIT_MS` (default 30 000).
 */
const COUNT = Number(process.env.RESUME_CASES ?? 1_000);
const LIMIT_MS = Number(process.env.RESUME_LIMIT_MS ?? 30_000);
const tenants = tenantRegistry.list();

const stateDir = await mkdtemp(join(tmpdir(), 'rightsdesk-resume-'));
// As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
await chmod(stateDir, 0o711);
const ports = { api: 0, dynamodb: 0, ses: 0, s3: 0, smtp: 0, sfn: 0 };
const quiet = () => undefined;
try {
  let stack = await startLocalStack({ stateDir, persist: true, ports, log: quiet });
  console.log('stack up; seeding');
  const dynamo = new DynamoDBClient({ endpoint: stack.dev.dynamodbEndpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  // Deterministic open cases: seedCase's shapes, kept when open, in the four open statuses.
  let s = 7;
  const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const now = new Date();
  const cases: Case[] = [];
  for (let n = 0; cases.length < COUNT; n += 1) {
    const c = seedCase(tenants[n % tenants.length]!, n, now, random);
    if ((OPEN_STATUSES as readonly string[]).includes(c.status)) cases.push(c);
  }
  for (let i = 0; i < cases.length; i += 25) {
    let pending: Record<string, unknown[]> | undefined = {
      [stack.dev.tableName]: cases.slice(i, i + 25).map((c) => ({ PutRequest: { Item: { ...caseKey(c.tenantId, c.id), ...caseIndexAttributes(c), type: 'case', version: c.version, data: c } } })),
    };
    while (pending && Object.keys(pending).length > 0) pending = (await doc.send(new BatchWriteCommand({ RequestItems: pending as never }))).UnprocessedItems as Record<string, unknown[]> | undefined;
  }
  dynamo.destroy();
  console.log(`seeded ${cases.length} open cases; stopping the stack`);
  await stack.stop();
  console.log('restarting the stack');

  let reported: { resumed: number; ms: number } | undefined;
  const startedAt = performance.now();
  stack = await startLocalStack({
    stateDir,
    persist: true,
    ports,
    log: (line) => {
      const m = /Workflows\s+resumed (\d+) open case\(s\) in (\d+) ms/.exec(line);
      if (m) reported = { resumed: Number(m[1]), ms: Number(m[2]) };
      if (m || /fail|error/i.test(line)) console.log(`  stack: ${line}`);
    },
  });
  const startMs = Math.round(performance.now() - startedAt);
  const sfn = new SFNClient({ endpoint: stack.dev.sfnEndpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const arn = `arn:aws:states:eu-central-1:000000000000:stateMachine:${STATE_MACHINES.caseWorkflow.name}`;
  const names = new Set(((await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn }))).executions ?? []).map((e) => e.name));
  const withWorkflow = cases.filter((c) => names.has(executionName('case', c))).length;
  sfn.destroy();
  await stack.stop();
  if (!reported) throw new Error('The stack did not report its resume.');
  console.log('');
  console.log(`open cases                   ${cases.length}`);
  console.log(`resumed                      ${reported.resumed}`);
  console.log(`resume time                  ${(reported.ms / 1000).toFixed(1)} s (limit ${LIMIT_MS / 1000} s)`);
  console.log(`whole restart                ${(startMs / 1000).toFixed(1)} s`);
  console.log(`cases with a case workflow   ${withWorkflow}`);
  process.exitCode = reported.ms <= LIMIT_MS && reported.resumed >= cases.length && withWorkflow === cases.length ? 0 : 1;
} finally {
  await rm(stateDir, { recursive: true, force: true });
}
