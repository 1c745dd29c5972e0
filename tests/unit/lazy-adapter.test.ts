import { describe, expect, it } from 'vitest';
import { lazyAdapter } from '#adapters/lazy-adapter.ts';
import { InMemoryNoticeOutbox } from '#adapters/memory/notice-outbox.ts';
import type { NoticeOutbox, WorkflowEngine } from '#ports/cases.ts';

const OUTBOX_METHODS = { claim: true, markSent: true, release: true, listDue: true, countUnsent: true } as const;
const now = new Date('2026-11-21T10:00:00Z');
const later = new Date('2026-11-21T10:02:00Z');

/** A loader that counts its calls and fails the first `failures` of them (a chunk that could not be read). */
function counting<T>(make: () => T, failures = 0): { load: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    load: async () => {
      calls += 1;
      if (calls <= failures) throw new Error('chunk not found');
      return make();
    },
    calls: () => calls,
  };
}

// Issue 15: adapters that a function's usual first request never calls are made on their first call (shared/adapters/lazy-adapter.ts).
describe('lazyAdapter', () => {
  it('makes nothing until the first call, then one adapter for every call, concurrent first calls included', async () => {
    const made: InMemoryNoticeOutbox[] = [];
    const loader = counting(() => {
      const outbox = new InMemoryNoticeOutbox();
      made.push(outbox);
      return outbox;
    });
    const outbox: NoticeOutbox = lazyAdapter<NoticeOutbox>(loader.load, OUTBOX_METHODS);
    expect(loader.calls()).toBe(0);

    // Exactly-once claims hold as with the adapter itself: the state lives in the one adapter.
    const [first, second] = await Promise.all([outbox.claim('t', 'c', 'acknowledgement', now, later), outbox.claim('t', 'c', 'acknowledgement', now, later)]);
    expect([first, second]).toEqual([{ state: 'claimed', attempts: 1 }, { state: 'held' }]);
    await outbox.markSent('t', 'c', 'acknowledgement', 'm-1', now);
    expect(await outbox.claim('t', 'c', 'acknowledgement', later, later)).toEqual({ state: 'sent', messageId: 'm-1' });
    expect(await outbox.countUnsent()).toBe(0);
    expect(loader.calls()).toBe(1);
    expect(made).toHaveLength(1);
  });

  it("passes the adapter's errors through unchanged and keeps the adapter", async () => {
    class Refusing implements Pick<WorkflowEngine, 'startCase'> {
      readonly refusal = new Error('ExecutionAlreadyExists');
      calls = 0;
      async startCase(): Promise<void> {
        this.calls += 1;
        throw this.refusal;
      }
    }
    const adapter = new Refusing();
    const loader = counting(() => adapter);
    const engine = lazyAdapter<Pick<WorkflowEngine, 'startCase'>>(loader.load, { startCase: true });
    await expect(engine.startCase({ id: 'c', tenantId: 't' })).rejects.toBe(adapter.refusal);
    await expect(engine.startCase({ id: 'c', tenantId: 't' })).rejects.toBe(adapter.refusal);
    // Called as a method of the adapter (`this` is the adapter), which is made once.
    expect(adapter.calls).toBe(2);
    expect(loader.calls()).toBe(1);
  });

  it('fails the call whose load fails and loads again on the next call', async () => {
    const loader = counting(() => new InMemoryNoticeOutbox(), 1);
    const outbox = lazyAdapter<NoticeOutbox>(loader.load, OUTBOX_METHODS);
    await expect(outbox.countUnsent()).rejects.toThrow('chunk not found');
    expect(await outbox.countUnsent()).toBe(0);
    expect(loader.calls()).toBe(2);
  });

  it('has an optional method only where the listing says the adapter has it', async () => {
    const engine = (): WorkflowEngine => ({ startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async () => undefined, ping: async () => undefined });
    const withPing = lazyAdapter<WorkflowEngine>(async () => engine(), { startCase: true, stopTimer: true, sendDecision: true, ping: true });
    const withoutPing = lazyAdapter<WorkflowEngine>(async () => engine(), { startCase: true, stopTimer: true, sendDecision: true, ping: false });
    expect(withPing.ping).toBeTypeOf('function');
    await expect(withPing.ping?.()).resolves.toBeUndefined();
    expect(withoutPing.ping).toBeUndefined();
    expect(Object.keys(withoutPing).sort()).toEqual(['sendDecision', 'startCase', 'stopTimer']);
  });
});
