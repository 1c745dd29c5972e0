import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DevJson } from '../local/stack.ts';
import { localIssuer, type LocalIssuer } from '../local/tokens.ts';

/** What the CLI tools need from a running `npm start`: its endpoints and its token issuer. */
export async function localEnv(stateDir = resolve(process.env.RIGHTSDESK_STATE_DIR ?? '.local')): Promise<{ dev: DevJson; issuer: LocalIssuer }> {
  let dev: DevJson;
  try {
    dev = JSON.parse(await readFile(resolve(stateDir, 'dev.json'), 'utf8')) as DevJson;
  } catch {
    throw new Error(`No ${stateDir}/dev.json: start the local stack first (npm start).`);
  }
  return { dev, issuer: await localIssuer(resolve(stateDir, 'keys', 'issuer.json')) };
}

/** Points the AWS SDK and the API config at the local stand-ins, as `npm start` does. */
export function useLocalEndpoints(dev: DevJson, jwks: unknown): void {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_REGION: 'eu-central-1',
    RIGHTSDESK_TABLE: dev.tableName,
    DYNAMODB_ENDPOINT: dev.dynamodbEndpoint,
    SES_ENDPOINT: dev.sesOutboxUrl.replace(/\/store$/, ''),
    AUTH_ISSUER: dev.tokenIssuer,
    AUTH_AUDIENCE: 'rightsdesk-api',
    AUTH_JWKS: JSON.stringify(jwks),
  });
}
