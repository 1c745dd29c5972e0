import { describe, expect, it } from 'vitest';
import { runFaultScenario } from '../../bench/fault-scenario.ts';

/**
 * Issue 11's "Done when", at a size the suite can afford on two shared cores: the whole local
 * stack on its own ports, request e-mails across the five tenants (plus auto-replies and staff
 * forwards dated 1990), a fifth of them delivered twice at the same moment, one graceful restart
 * of the stack mid-load, and DynamoDB Local frozen for 3 s mid-load. `npm run bench:faults` runs
 * the full size (2 000 mails, 400 concurrent redeliveries, a 10 s freeze).
 */
describe('nothing accepted is lost, everything happens once', () => {
  it('under concurrent redelivery, a restart mid-load and a DynamoDB freeze', async () => {
    const lines: string[] = [];
    const counts = await runFaultScenario({ mails: 50, redeliveries: 10, concurrency: 10, freezeMs: 3_000, settleTimeoutMs: 60_000, log: (line) => lines.push(line) });
    console.log(`fault scenario: ${JSON.stringify(counts)}\n${lines.join('\n')}`);
    expect(lines.some((l) => l.startsWith('restart: the stack is up again'))).toBe(true);
    expect(lines.some((l) => l.startsWith('freeze:'))).toBe(true);
    expect(counts.accepted).toBe(60);
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
    // 50 mails: 2 auto-replies (no case), 48 cases (one per request and per forward).
    expect(counts.cases).toBe(48);
  }, 300_000);
});
