import { resolve } from 'node:path';
import { startLocalStack } from './stack.ts';

/** `npm start`: the whole system on 127.0.0.1; Ctrl-C stops every child process. */
const port = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number, got "${raw}".`);
  return value;
};

const stateDir = resolve(process.env.RIGHTSDESK_STATE_DIR ?? '.local');
const stack = await startLocalStack({
  stateDir,
  persist: process.env.RIGHTSDESK_IN_MEMORY !== '1',
  ports: { api: port('API_PORT', 3000), dynamodb: port('DYNAMODB_PORT', 8000), ses: port('SES_PORT', 8005), s3: port('S3_PORT', 4569), smtp: port('SMTP_PORT', 2525), sfn: port('SFN_PORT', 8083) },
  log: (line) => console.log(line),
});
console.log(`\nrightsdesk is up. Tenants: ${Object.keys(stack.dev.tenants).join(', ')}.`);
console.log(`Tokens and endpoints: ${resolve(stateDir, 'dev.json')}   SES inbox: ${stack.dev.sesOutboxUrl.replace(/\/store$/, '/')}`);
console.log('Try:  npm run -s cli -- example softera   (prints a curl command)\n');

/** A drain that takes longer than this is cut short (the ledger re-drives what was cut). */
const DRAIN_LIMIT_MS = 30_000;
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) {
    // A second Ctrl-C: stop now. Nothing accepted is lost (raw mail and its ledger entry are stored before 250).
    console.log(`${signal} again: stopping without waiting.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`\n${signal}: no longer accepting mail or requests; finishing the work in flight, then stopping the stand-ins…`);
  const limit = setTimeout(() => {
    console.log(`Still draining after ${DRAIN_LIMIT_MS / 1000} s: stopping anyway.`);
    process.exit(1);
  }, DRAIN_LIMIT_MS);
  limit.unref();
  await stack.stop();
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
