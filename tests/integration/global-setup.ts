import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTable } from '../../local/provision.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../local/services/dynamodb-local.ts';
import { startS3Local, type S3Local } from '../../local/services/s3-local.ts';
import { startSesLocal, type SesLocal } from '../../local/services/ses-local.ts';
import { startPostgresLocal, type PostgresLocal } from '../../local/services/postgres-local.ts';
import { synthesizedRolePolicies } from '../../local/iam/role-policies.ts';
import { dynamoClientFor } from './helpers.ts';

const TABLE_NAME = 'rightsdesk-test';

/**
 * Starts the stand-ins once per `vitest run` (integration project): DynamoDB Local in memory,
 * the SES stand-in and an S3 stand-in on a temp directory, each on a free port, and creates
 * the table. Test files reach them through `inject(...)` (types in provided.d.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const s3Directory = mkdtempSync(join(tmpdir(), 'rightsdesk-s3-'));
  const pgDirectory = mkdtempSync(join(tmpdir(), 'rightsdesk-pg-'));
  const started: { stop(): Promise<void> }[] = [];
  const teardown = async (): Promise<void> => {
    await Promise.allSettled(started.map((service) => service.stop()));
    rmSync(s3Directory, { recursive: true, force: true });
    rmSync(pgDirectory, { recursive: true, force: true });
  };

  try {
    // allSettled, not all: when one fails the others must still be collected and stopped.
    const [dynamo, ses, s3, postgres] = await Promise.allSettled([
      startDynamoDbLocal({ port: 0 }),
      startSesLocal({ port: 0 }),
      startS3Local({ port: 0, directory: s3Directory }),
      startPostgresLocal({ directory: pgDirectory, persistent: false }),
    ]);
    for (const result of [dynamo, ses, s3, postgres]) if (result.status === 'fulfilled') started.push(result.value);
    const failed = [dynamo, ses, s3, postgres].find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const dynamoDb = (dynamo as PromiseFulfilledResult<DynamoDbLocal>).value;
    const sesLocal = (ses as PromiseFulfilledResult<SesLocal>).value;
    const s3Local = (s3 as PromiseFulfilledResult<S3Local>).value;
    const postgresLocal = (postgres as PromiseFulfilledResult<PostgresLocal>).value;

    const client = dynamoClientFor(dynamoDb.endpoint);
    try {
      await ensureTable(client, TABLE_NAME);
    } finally {
      client.destroy();
    }

    // Synthesize the roles once (cached in .local/iam); every test file enforces them (local-iam-setup.ts).
    const synthesized = performance.now();
    await synthesizedRolePolicies({ tableName: TABLE_NAME });
    console.log(`local IAM: roles from the synthesized template ready in ${Math.round(performance.now() - synthesized)} ms`);
    project.provide('dynamodbEndpoint', dynamoDb.endpoint);
    project.provide('tableName', TABLE_NAME);
    project.provide('sesEndpoint', sesLocal.endpoint);
    project.provide('sesOutboxUrl', sesLocal.outboxUrl);
    project.provide('s3Endpoint', s3Local.endpoint);
    project.provide('postgresDatabases', { ...postgresLocal.databases });
    project.provide('postgresAdminUrl', postgresLocal.adminUrl);
    console.log(
      `stand-ins ready: DynamoDB Local ${dynamoDb.endpoint} (${dynamoDb.startupMs} ms), ` +
        `SES ${sesLocal.endpoint} (${sesLocal.startupMs} ms), S3 ${s3Local.endpoint} (${s3Local.startupMs} ms), PostgreSQL (${postgresLocal.startupMs} ms)`,
    );
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
