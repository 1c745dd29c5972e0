import { runFaultScenario } from './fault-scenario.ts';

/**
 * `npm run bench:faults`: the full-size fault scenario of issue 11 — 2 000 request e-mails from
 * 2 000 senders across the five tenants, 400 of them delivered twice at the same moment, one
 * graceful restart of the stack mid-load and a 10 s DynamoDB freeze — then the counts.
 * `FAULTS_MAILS`, `FAULTS_REDELIVERIES`, `FAULTS_CONCURRENCY`, `FAULTS_FREEZE_MS` change the size.
 */
const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};

const counts = await runFaultScenario({
  mails: num('FAULTS_MAILS', 2_000),
  redeliveries: num('FAULTS_REDELIVERIES', 400),
  concurrency: num('FAULTS_CONCURRENCY', 20),
  freezeMs: num('FAULTS_FREEZE_MS', 10_000),
  settleTimeoutMs: 180_000,
  log: (line) => console.log(line),
});
console.log('');
for (const [name, value] of Object.entries(counts)) console.log(`${name.padEnd(28)} ${value}`);
const bad = counts.lost + counts.duplicateCases + counts.doubleAcknowledgements + counts.missingAcknowledgements + counts.casesWithoutBothExecutions + counts.pendingOutbox + counts.pendingLedger;
process.exit(bad === 0 ? 0 : 1);
