import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { caseKey } from '#adapters/dynamodb/keys.ts';
import { openCase } from '#domain/open-case.ts';
import { tenantRegistry } from '#tenants/registry.ts';

/**
 * The state machines read and write case items directly (DynamoDB service integrations), so the
 * ASL repeats the table's key layout and item shape. These tests hold the ASL to
 * shared/adapters/dynamodb/keys.ts and to the item the repository really writes: a change on one
 * side that the other does not follow fails here, not in a running workflow.
 */
const DIR = fileURLToPath(new URL('../../statemachines/', import.meta.url));
type Json = Record<string, unknown>;

interface DynamoTask {
  readonly machine: string;
  readonly state: string;
  readonly parameters: Json;
}

function dynamoTasks(): DynamoTask[] {
  const found: DynamoTask[] = [];
  const walk = (machine: string, states: Record<string, Json>) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task' && typeof state.Resource === 'string' && state.Resource.startsWith('arn:aws:states:::dynamodb:')) {
        found.push({ machine, state: name, parameters: state.Parameters as Json });
      }
      for (const branch of (state.Branches as Json[] | undefined) ?? []) walk(machine, branch.States as Record<string, Json>);
      const iterator = (state.ItemProcessor ?? state.Iterator) as Json | undefined;
      if (iterator) walk(machine, iterator.States as Record<string, Json>);
    }
  };
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.asl.json'))) {
    walk(file, (JSON.parse(readFileSync(DIR + file, 'utf8')) as { States: Record<string, Json> }).States);
  }
  return found;
}

/** `States.Format('TENANT#{}#CASE#{}', $.tenantId, $.caseId)` with the input's values. */
function format(expression: string, input: Record<string, string>): string {
  const match = /^States\.Format\('([^']*)'((?:,\s*\$\.[A-Za-z]+)*)\)$/.exec(expression);
  if (!match) throw new Error(`not a States.Format the test understands: ${expression}`);
  const args = [...match[2]!.matchAll(/\$\.([A-Za-z]+)/g)].map((m) => input[m[1]!] ?? '');
  let i = 0;
  return match[1]!.replace(/\{\}/g, () => args[i++] ?? '');
}

function keyOf(parameters: Json, input: Record<string, string>): Record<string, string> {
  const key = parameters.Key as Record<string, Record<string, string>>;
  return Object.fromEntries(Object.entries(key).map(([name, value]) => [name, value['S.$'] ? format(value['S.$'], input) : value.S!]));
}

/** Attribute paths an expression touches, e.g. `#d.#s` → `data.status`. */
function paths(parameters: Json): string[] {
  const names = (parameters.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const expressions = [parameters.UpdateExpression, parameters.ConditionExpression, parameters.ProjectionExpression].filter((e): e is string => typeof e === 'string');
  const found = new Set<string>();
  for (const e of expressions) for (const m of e.matchAll(/#[A-Za-z]+(?:\.#[A-Za-z]+)*/g)) found.add(m[0].split('.').map((n) => names[n] ?? n).join('.'));
  return [...found];
}

async function storedCaseItem(): Promise<Json> {
  const documents = mockClient(DynamoDBDocumentClient);
  documents.on(TransactWriteCommand).resolves({});
  const { case: c, events } = openCase({
    tenant: tenantRegistry.get('gautora'),
    id: 'case-1',
    referenceNumber: 7,
    channel: 'api',
    receivedAt: new Date('2026-11-23T09:00:00Z'),
    request: { rights: [{ type: 'access' }], subject: { name: 'Ona', email: 'ona@example.lt' } },
    actor: { kind: 'partner', id: 'shop' },
    earlierRequests: [],
    now: new Date('2026-11-23T09:00:00Z'),
  });
  await new DynamoCaseRepository(new DynamoDBClient({ region: 'eu-central-1' }), 'table').createCase(c, events);
  const items = documents.commandCalls(TransactWriteCommand).flatMap((call) => call.args[0].input.TransactItems ?? []);
  documents.restore();
  const put = items.map((i) => i.Put?.Item).find((item) => item?.type === 'case');
  if (!put) throw new Error('the repository wrote no case item');
  return put as Json;
}

describe('state machines and the table layout', () => {
  const tasks = dynamoTasks();

  it('finds the direct DynamoDB tasks of the case workflow', () => {
    expect(tasks.map((t) => t.state)).toEqual(expect.arrayContaining(['LoadCase', 'AwaitIdentityReview']));
  });

  it.each(tasks.map((t) => [`${t.machine} ${t.state}`, t] as const))('%s addresses the case item exactly as keys.ts does', (_name, task) => {
    expect(keyOf(task.parameters, { tenantId: 'gautora', caseId: 'case-1' })).toEqual(caseKey('gautora', 'case-1'));
  });

  it.each(tasks.map((t) => [`${t.machine} ${t.state}`, t] as const))('%s reads and writes only attributes the repository stores', async (_name, task) => {
    const item = await storedCaseItem();
    for (const path of paths(task.parameters)) {
      const [top, ...rest] = path.split('.');
      const container = item[top!] as Json | undefined;
      expect(container, `${path}: no attribute ${top} on the case item`).toBeDefined();
      // `waiting` is absent until a step waits; every other nested attribute is always there.
      if (rest.length === 1 && rest[0] !== 'waiting') expect(Object.keys(container as Json), path).toContain(rest[0]);
    }
  });
});
