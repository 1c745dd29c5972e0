import { describe, expect, it } from 'vitest';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryInboundLedger } from '#adapters/memory/inbound-ledger.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import { InMemoryNoticeOutbox } from '#adapters/memory/notice-outbox.ts';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { PostalMimeParser } from '#adapters/mail/postal-mime-parser.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { createSubjectNotifier } from '#usecases/notify-subject.ts';
import { sweepInbound } from '#usecases/process-inbound.ts';
import { createDeadLetterHandler, deadLetterOf } from '../../functions/inbound-email/handler.ts';
import { fixedClock, RecordingMailer } from '../support/harness.ts';

const mailbox = tenantRegistry.get('softera').mailbox;

/** The SES receipt event the receipt rule's Lambda action sends (the fields AWS documents). */
const sesEvent = (messageId: string) => ({
  Records: [{ eventSource: 'aws:ses', eventVersion: '1.0', ses: { mail: { messageId, timestamp: '2026-11-23T08:59:00.000Z', source: 'ona@example.lt', destination: [mailbox] }, receipt: { recipients: [mailbox], timestamp: '2026-11-23T08:59:00.000Z' } } }],
});
/** What Lambda puts on an on-failure destination after the last retry of an asynchronous invocation. */
const destinationRecord = (payload: unknown) => ({
  version: '1.0',
  timestamp: '2026-11-23T09:00:00.000Z',
  requestContext: { requestId: 'r-1', functionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:rightsdesk-inbound-email:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
  requestPayload: payload,
  responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
  responsePayload: { errorType: 'ProvisionedThroughputExceededException', errorMessage: 'The table did not answer' },
});
/** What EventBridge puts on a target's dead-letter queue: the event itself. */
const scheduledEvent = { version: '0', id: 'e-1', 'detail-type': 'Scheduled Event', source: 'aws.events', account: '123456789012', time: '2026-11-23T09:00:00Z', region: 'eu-central-1', resources: [], detail: {} };
const sqs = (...bodies: unknown[]) => ({ Records: bodies.map((b, i) => ({ eventSource: 'aws:sqs' as const, messageId: `m-${i}`, body: typeof b === 'string' ? b : JSON.stringify(b) })) });

function world() {
  const clock = fixedClock('2026-11-23T09:00:00Z');
  const ledger = new InMemoryInboundLedger();
  const messages = new InMemoryMessageStore();
  const inbound = new InMemoryBlobStore();
  const evidence = new InMemoryBlobStore();
  const mailer = new RecordingMailer();
  const deps = {
    tenants: tenantRegistry,
    repo: new InMemoryCaseRepository(),
    mailer,
    clock,
    ids: { caseId: () => crypto.randomUUID() },
    messages,
    notifier: createSubjectNotifier({ tenants: tenantRegistry, messages, email: new MimeEmailSender(mailer), evidence, clock }),
    parser: new PostalMimeParser(),
    inboundMail: inbound,
    evidence,
    ledger,
    outbox: new InMemoryNoticeOutbox(),
  };
  return { deps, clock, ledger, inbound, mailer };
}

describe('dead-letter queues drain into the inbound ledger', () => {
  it('reads both queue shapes and refuses anything else', () => {
    expect(deadLetterOf(JSON.stringify(destinationRecord(sesEvent('abc123'))), 'inbound/')).toEqual({
      kind: 'receipt',
      inputs: [{ rawKey: 'inbound/abc123', receivedAt: new Date('2026-11-23T08:59:00.000Z'), recipients: [mailbox], deliveryId: 'abc123' }],
    });
    expect(deadLetterOf(JSON.stringify(scheduledEvent), 'inbound/')).toEqual({ kind: 'sweep' });
    expect(deadLetterOf(JSON.stringify(destinationRecord(scheduledEvent)), 'inbound/')).toEqual({ kind: 'sweep' });
    expect(deadLetterOf('not json', 'inbound/')).toBeNull();
    expect(deadLetterOf(JSON.stringify({ hello: 'world' }), 'inbound/')).toBeNull();
  });

  it('turns a receipt that failed every invocation into a due ledger entry the sweeper processes once; an unreadable message stays in the queue', async () => {
    const { deps, ledger, inbound, mailer } = world();
    const raw = ['From: Ona <ona@example.lt>', `To: ${mailbox}`, 'Subject: Prašymas', 'Message-ID: <dlq-1@example.lt>', '', 'Prašau ištrinti mano duomenis.'].join('\r\n');
    await inbound.put('inbound/abc123', new TextEncoder().encode(`${raw}\r\n`), 'message/rfc822');
    const drain = createDeadLetterHandler(deps, { keyPrefix: 'inbound/' });

    // The ledger write itself had failed (that is how a receipt reaches this queue): no entry yet.
    expect(await ledger.get('abc123')).toBeNull();
    const answer = await drain(sqs(destinationRecord(sesEvent('abc123')), 'garbage'));
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    expect(await ledger.get('abc123')).toMatchObject({ status: 'pending', attempts: 0, tenantId: 'softera', nextAttemptAt: '2026-11-23T09:00:00.000Z' });

    // Delivered again (SQS is at-least-once): still one entry, nothing changes.
    expect(await drain(sqs(destinationRecord(sesEvent('abc123'))))).toEqual({ batchItemFailures: [] });
    expect(await ledger.countPending()).toBe(1);

    expect(await sweepInbound(deps, { limit: 10 })).toMatchObject({ redriven: 1, settled: 1 });
    expect(await ledger.get('abc123')).toMatchObject({ status: 'done', outcome: 'case' });
    expect(mailer.sent).toHaveLength(1);
  });

  it('runs a sweep that EventBridge could not deliver', async () => {
    const { deps, ledger, inbound, clock } = world();
    const raw = ['From: Jonas <jonas@example.lt>', `To: ${mailbox}`, 'Subject: Prašymas', 'Message-ID: <dlq-2@example.lt>', '', 'Noriu gauti savo duomenų kopiją.'].join('\r\n');
    await inbound.put('inbound/def456', new TextEncoder().encode(`${raw}\r\n`), 'message/rfc822');
    await ledger.record({ deliveryId: 'def456', rawKey: 'inbound/def456', receivedAt: clock.now().toISOString(), recipients: [mailbox], tenantId: 'softera', nextAttemptAt: clock.now().toISOString() });
    expect(await createDeadLetterHandler(deps, { keyPrefix: 'inbound/' })(sqs(scheduledEvent))).toEqual({ batchItemFailures: [] });
    expect(await ledger.get('def456')).toMatchObject({ status: 'done', outcome: 'case' });
  });
});
