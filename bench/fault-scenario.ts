import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import nodemailer from 'nodemailer';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoInboundLedger } from '#adapters/dynamodb/inbound-ledger.ts';
import { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
import { DynamoNoticeOutbox } from '#adapters/dynamodb/notice-outbox.ts';
import { executionArn, executionName } from '#adapters/sfn/workflow-engine.ts';
import { STATE_MACHINES } from '#adapters/sfn/definitions.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { startLocalStack, type LocalStack } from '../local/stack.ts';

/**
 * The "nothing accepted is lost, everything happens once" scenario, against the whole local
 * stack (`npm start`'s, on free ports and a temporary state directory):
 * - `mails` request e-mails from as many senders across the five tenants, plus auto-replies
 *   (ignored, never answered) and staff forwards dated 1990 (once a RangeError that lost the mail);
 * - `redeliveries` of them delivered twice at the same moment (two SMTP transactions, same Message-ID);
 * - one graceful stop and restart of the stack while mail is arriving (senders retry like an MTA);
 * - DynamoDB Local frozen (SIGSTOP) for `freezeMs` while mail is arriving;
 * then it waits for the ledger and the outbox to settle and counts what the issue counts.
 * Used by tests/integration/faults.test.ts (CI size) and `npm run bench:faults` (2 000 mails).
 */
export interface FaultScenarioOptions {
  readonly mails: number;
  readonly redeliveries: number;
  readonly concurrency: number;
  readonly freezeMs: number;
  /** How long to wait for the ledger and outbox to settle after the last 250. */
  readonly settleTimeoutMs: number;
  readonly log?: (line: string) => void;
}

export interface FaultCounts {
  readonly sent: number;
  readonly accepted: number;
  /** Accepted (250) but with no outcome in the ledger, or a request without its case. */
  readonly lost: number;
  readonly duplicateCases: number;
  readonly doubleAcknowledgements: number;
  readonly missingAcknowledgements: number;
  readonly casesWithoutBothExecutions: number;
  readonly pendingOutbox: number;
  readonly pendingLedger: number;
  /** Given up by the sweeper ("could not be processed"): listed for staff, not lost, but not expected here. */
  readonly couldNotBeProcessed: number;
  readonly cases: number;
  readonly smtpRetries: number;
  readonly durationMs: number;
}

interface Mail {
  readonly i: number;
  readonly tenantId: string;
  readonly from: string;
  readonly to: string;
  readonly messageId: string;
  readonly kind: 'request' | 'auto_reply' | 'forwarded_1990';
  readonly raw: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

function buildMails(count: number, run: string): Mail[] {
  const tenants = tenantRegistry.list();
  return Array.from({ length: count }, (_, i) => {
    const tenant = tenants[i % tenants.length]!;
    const kind: Mail['kind'] = i % 25 === 24 ? 'auto_reply' : i % 50 === 13 ? 'forwarded_1990' : 'request';
    const messageId = `<fault-${run}-${i}@example.lt>`;
    const person = `p${i}.${run}@example.lt`;
    const staff = `dpo@${tenant.mailbox.split('@')[1]}`;
    const from = kind === 'forwarded_1990' ? staff : person;
    const lines =
      kind === 'auto_reply'
        ? [`From: ${person}`, `To: ${tenant.mailbox}`, 'Subject: Automatic reply: Out of office', `Message-ID: ${messageId}`, 'Auto-Submitted: auto-replied', '', 'I am out of the office until Monday.']
        : kind === 'forwarded_1990'
          ? [`From: ${staff}`, `To: ${tenant.mailbox}`, 'Subject: Fwd: Prašymas', `Message-ID: ${messageId}`, '', '---------- Forwarded message ---------', `From: Jonas <${person}>`, 'Date: Mon, 1 Jan 1990 10:00:00 +0000', 'Subject: Prašymas', '', 'Prašau ištrinti mano duomenis.']
          : [`From: Subject ${i} <${person}>`, `To: ${tenant.mailbox}`, `Subject: Prašymas ${i}`, `Message-ID: ${messageId}`, '', i % 2 === 0 ? 'Prašau ištrinti mano duomenis.' : 'Please give me a copy of my personal data (access request).'];
    return { i, tenantId: tenant.id, from, to: tenant.mailbox, messageId, kind, raw: crlf(lines) };
  });
}

export async function runFaultScenario(options: FaultScenarioOptions): Promise<FaultCounts> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const stateDir = await mkdtemp(join(tmpdir(), 'rightsdesk-faults-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
  await chmod(stateDir, 0o711);
  const run = Date.now().toString(36);
  const ports = { api: 0, dynamodb: 0, ses: 0, s3: 0, smtp: 0, sfn: 0 };
  // Short waits, so re-drives happen within the run (the defaults are minutes).
  const redrive = { graceMs: 3_000, backoffMs: [1_000, 2_000, 4_000, 8_000] };
  const start = () => startLocalStack({ stateDir, persist: true, ports, redrive, log: (line) => (/failed|given up|re-drove/.test(line) ? log(line) : undefined) });
  let stack: LocalStack = await start();
  log(`stack up in ${Math.round(performance.now() - started)} ms`);
  let restarting: Promise<void> | null = null;
  const sesEmails: Array<{ to: string[]; text: string }> = [];
  const collectSes = async (s: LocalStack) => {
    const response = await fetch(s.dev.sesOutboxUrl);
    const store = (await response.json()) as { emails: Array<{ destination: { to: string[] }; body: { text?: string } }> };
    for (const e of store.emails) sesEmails.push({ to: e.destination.to, text: e.body.text ?? '' });
  };

  const mails = buildMails(options.mails, run);
  const requests = mails.filter((m) => m.kind === 'request');
  const twice = new Set(requests.slice(0, options.redeliveries).map((m) => m.i));
  const deliveries: Array<{ mail: Mail; deliveryId: string }> = [];
  let smtpRetries = 0;
  let done = 0;
  let sends = 0;

  /** One SMTP transaction, retried like a sending MTA until the server says 250. */
  const deliver = async (mail: Mail) => {
    sends += 1;
    for (let attempt = 0; ; attempt++) {
      if (restarting) await restarting;
      const transport = nodemailer.createTransport({ host: stack.dev.smtp.host, port: stack.dev.smtp.port, secure: false, ignoreTLS: true, connectionTimeout: 5_000, socketTimeout: 60_000 });
      try {
        const info = (await transport.sendMail({ envelope: { from: mail.from, to: [mail.to] }, raw: mail.raw })) as { response: string };
        const deliveryId = /Queued as (\S+)/.exec(info.response)?.[1];
        if (!deliveryId) throw new Error(`Unexpected SMTP answer: ${info.response}`);
        deliveries.push({ mail, deliveryId });
        return;
      } catch (error) {
        smtpRetries += 1;
        if (attempt > 200) throw error;
        await sleep(250);
      } finally {
        transport.close();
      }
    }
  };

  const restartAt = Math.floor(mails.length * 0.4);
  const freezeAt = Math.floor(mails.length * 0.7);
  let restarted = false;
  let frozen: Promise<void> | null = null;
  const jobs = mails.flatMap((mail) => [mail]);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const mail = jobs[next++]!;
      await (twice.has(mail.i) ? Promise.all([deliver(mail), deliver(mail)]) : deliver(mail));
      done += 1;
      if (!restarted && done >= restartAt) {
        restarted = true;
        restarting = (async () => {
          log(`restart: stopping the stack after ${done} mails (graceful: intake stops, work in flight drains)`);
          const old = stack;
          const restartStarted = performance.now();
          await old.stop({
            beforeStandIns: async () => {
              await collectSes(old);
              // The SES stand-in keeps its store in this process across restarts: start the count afresh.
              await fetch(new URL('/clear-store', old.dev.sesOutboxUrl), { method: 'POST' });
            },
          });
          stack = await start();
          log(`restart: the stack is up again (${Math.round(performance.now() - restartStarted)} ms)`);
        })();
        await restarting;
        restarting = null;
      }
      if (!frozen && options.freezeMs > 0 && done >= freezeAt) {
        log(`freeze: DynamoDB Local stopped for ${options.freezeMs} ms`);
        frozen = stack.freezeDynamoDb(options.freezeMs);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  await frozen;
  log(`sent ${sends} SMTP transactions for ${mails.length} mails (${smtpRetries} retried) in ${Math.round(performance.now() - started)} ms`);

  // Let the sweepers settle what is still owed.
  const dynamo = new DynamoDBClient({ region: 'eu-central-1', endpoint: stack.dev.dynamodbEndpoint });
  const ledger = new DynamoInboundLedger(dynamo, stack.dev.tableName);
  const outbox = new DynamoNoticeOutbox(dynamo, stack.dev.tableName);
  const settleBy = performance.now() + options.settleTimeoutMs;
  let pendingLedger = await ledger.countPending();
  let pendingOutbox = await outbox.countUnsent();
  while ((pendingLedger > 0 || pendingOutbox > 0) && performance.now() < settleBy) {
    await sleep(500);
    pendingLedger = await ledger.countPending();
    pendingOutbox = await outbox.countUnsent();
  }
  log(`settled: ledger pending ${pendingLedger}, outbox unsent ${pendingOutbox}`);

  const repo = new DynamoCaseRepository(dynamo, stack.dev.tableName);
  const messages = new DynamoMessageStore(dynamo, stack.dev.tableName);
  const sfn = new SFNClient({ region: 'eu-central-1', endpoint: stack.dev.sfnEndpoint });
  const arn = (kind: 'case' | 'timer') => `arn:aws:states:eu-central-1:000000000000:stateMachine:${kind === 'case' ? STATE_MACHINES.caseWorkflow.name : STATE_MACHINES.deadlineTimer.name}`;

  let lost = 0;
  let couldNotBeProcessed = 0;
  for (const { deliveryId } of deliveries) {
    const entry = await ledger.get(deliveryId);
    if (entry?.status === 'failed') couldNotBeProcessed += 1;
    else if (entry?.status !== 'done') lost += 1;
  }
  await collectSes(stack);
  let duplicateCases = 0;
  let doubleAcknowledgements = 0;
  let missingAcknowledgements = 0;
  let casesWithoutBothExecutions = 0;
  let cases = 0;
  const expectCase = mails.filter((m) => m.kind !== 'auto_reply');
  for (const mail of expectCase) {
    const found = await messages.findCaseByMessageIds(mail.tenantId, [mail.messageId]);
    if (!found) {
      lost += 1;
      continue;
    }
    const c = await repo.getCase(mail.tenantId, found.caseId);
    if (!c) {
      lost += 1;
      continue;
    }
    cases += 1;
    const subjectAddress = c.subject.email ?? '';
    const bySubject = await repo.findBySubject(mail.tenantId, c.subjectKey, 10);
    if (bySubject.length > 1) duplicateCases += 1;
    const acks = sesEmails.filter((e) => e.to.includes(subjectAddress) && (e.text.includes(`Its reference is ${c.reference}.`) || e.text.includes(`Jo numeris: ${c.reference}.`))).length;
    const recorded = (await messages.listMessages(mail.tenantId, c.id)).filter((m) => m.direction === 'outbound' && m.notice === 'acknowledgement').length;
    if (acks > 1 || recorded > 1) {
      doubleAcknowledgements += 1;
      if (doubleAcknowledgements <= 3) log(`double acknowledgement: ${c.reference} (${mail.kind}${twice.has(mail.i) ? ', delivered twice' : ''}): ${acks} e-mails, ${recorded} recorded`);
      if (process.env.FAULTS_DEBUG) for (const e of sesEmails.filter((x) => x.to.includes(subjectAddress))) log(`  ${JSON.stringify(e.text.slice(0, 300))}`);
    }
    if (acks === 0 || recorded === 0 || c.acknowledgement.status !== 'sent') missingAcknowledgements += 1;
    for (const kind of ['case', 'timer'] as const) {
      try {
        await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(arn(kind), executionName(kind, c)) }));
      } catch {
        casesWithoutBothExecutions += 1;
        break;
      }
    }
  }
  dynamo.destroy();
  sfn.destroy();
  await stack.stop();
  await rm(stateDir, { recursive: true, force: true });
  return {
    sent: sends,
    accepted: deliveries.length,
    lost,
    duplicateCases,
    doubleAcknowledgements,
    missingAcknowledgements,
    casesWithoutBothExecutions,
    pendingOutbox,
    pendingLedger,
    couldNotBeProcessed,
    cases,
    smtpRetries,
    durationMs: Math.round(performance.now() - started),
  };
}
