import { describe, expect, it } from 'vitest';
import { runFaultScenario } from '../../bench/fault-scenario.ts';

/**
 * Issue 11's "Done when", at the size it names for CI: the whole local stack on its own ports,
 * 300 request e-mails across the five tenants (plus auto-replies and staff forwards dated 1990),
 * 60 of them delivered twice at the same moment, one graceful restart of the stack mid-load, and
 * DynamoDB Local frozen (SIGSTOP) for 10 s mid-load. `npm run bench:faults` runs the full size
 * (2 000 mails, 400 concurrent redeliveries, a 10 s freeze).
 */
describe('nothing accepted is lost, everything happens once', () => {
  it('under concurrent redelivery, a restart mid-load and a DynamoDB freeze', async () => {
    const lines: string[] = [];
    const counts = await runFaultScenario({ mails: 300, redeliveries: 60, concurrency: 10, freezeMs: 10_000, settleTimeoutMs: 240_000, log: (line) => lines.push(line) });
    console.log(`fault scenario: ${JSON.stringify(counts)}\n${lines.join('\n')}`);
    expect(lines.some((l) => l.startsWith('restart: the stack is up again'))).toBe(true);
    expect(lines.some((l) => l.startsWith('freeze: DynamoDB Local stopped for 10000 ms'))).toBe(true);
    // 300 mails and 60 second deliveries of the same Message-ID, each answered 250 once.
    expect(counts.sent).toBe(360);
    expect(counts.accepted).toBe(360);
    expect(counts).toMatchObject({
      lost: 0,
      duplicateCases: 0,
      doubleAcknowledgements: 0,
      missingAcknowledgements: 0,
      casesWithoutBothExecutions: 0,
      pendingOutbox: 0,
      pendingLedger: 0,
      couldNotBeProcessed: 0,
    });
    // 300 mails: 12 auto-replies (no case), 288 cases (one per request and per forward).
    expect(counts.cases).toBe(288);
  }, 1_200_000);
});
