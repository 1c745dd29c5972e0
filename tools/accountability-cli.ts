import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { JSONWebKeySet } from 'jose';
import { loadMailConfig } from '#config/mail-config.ts';
import { accountabilitySweep } from '#usecases/accountability/sweep.ts';
import { verifyEvidencePack } from '#usecases/accountability/verify-evidence-pack.ts';
import { buildAccountabilitySweep } from '#wiring/accountability.ts';
import { awsClients } from '#wiring/clients.ts';
import { LOCAL_BUCKETS } from '../local/stack.ts';
import { localEnv } from './local-env.ts';

/**
 * `verify-evidence-pack <zip> --jwks <url|file>`: 0 when the pack is intact; 1 naming the first
 * changed, missing or added file (or the seal); 2 on usage errors.
 */
export async function verifyEvidencePackCommand(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: [...argv], allowPositionals: true, options: { jwks: { type: 'string' } } });
  const [file] = positionals;
  if (!file || !values.jwks) {
    console.error('usage: npm run -s cli -- verify-evidence-pack <pack.zip> --jwks <https://…/.well-known/jwks.json | jwks.json>');
    return 2;
  }
  let jwks: JSONWebKeySet;
  try {
    jwks = /^https?:\/\//.test(values.jwks)
      ? ((await (await fetch(values.jwks)).json()) as JSONWebKeySet)
      : (JSON.parse(await readFile(values.jwks, 'utf8')) as JSONWebKeySet);
  } catch (error) {
    console.error(`Cannot read the JWKS ${values.jwks}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  let zip: Uint8Array;
  try {
    zip = new Uint8Array(await readFile(file));
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const verdict = await verifyEvidencePack(zip, jwks);
  if (verdict.ok) {
    console.log(`intact: ${verdict.reference}, ${verdict.files} files, sealed by ${verdict.kid}`);
    return 0;
  }
  console.error(`CHANGED: ${verdict.file}: ${verdict.reason}`);
  return 1;
}

/** The stack's virtual now: `.local/clock.json` (saved every few seconds) moved on by its speed. */
async function stackNow(stateDir: string): Promise<Date> {
  const file = resolve(stateDir, 'clock.json');
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { virtualNow: string; speed: number };
    const written = (await stat(file)).mtimeMs;
    return new Date(Date.parse(saved.virtualNow) + (Date.now() - written) * (saved.speed || 1));
  } catch {
    return new Date();
  }
}

/** `purge [--at <ISO instant>]`: one accountability sweep against the running stack, as of its clock. */
export async function purgeCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { at: { type: 'string' } } });
  const stateDir = resolve(process.env.RIGHTSDESK_STATE_DIR ?? '.local');
  const { dev } = await localEnv(stateDir);
  const at = values.at ? new Date(values.at) : await stackNow(stateDir);
  if (Number.isNaN(at.getTime())) {
    console.error('--at must be an ISO 8601 instant.');
    return 2;
  }
  const mail = loadMailConfig({
    RIGHTSDESK_TABLE: dev.tableName,
    AWS_REGION: 'eu-central-1',
    DYNAMODB_ENDPOINT: dev.dynamodbEndpoint,
    S3_ENDPOINT: dev.s3Endpoint,
    INBOUND_MAIL_BUCKET: LOCAL_BUCKETS[0],
    EVIDENCE_BUCKET: LOCAL_BUCKETS[1],
    ANSWERS_BUCKET: LOCAL_BUCKETS[2],
  });
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  const aws = awsClients({ region: 'eu-central-1', dynamodbEndpoint: dev.dynamodbEndpoint, s3Endpoint: dev.s3Endpoint });
  try {
    const report = await accountabilitySweep(buildAccountabilitySweep(mail, aws, { now: () => at }));
    console.log(JSON.stringify({ at: at.toISOString(), ...report }, null, 2));
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    aws.destroy();
  }
}
