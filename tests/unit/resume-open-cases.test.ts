import { describe, expect, it } from 'vitest';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { isOpen, type Case } from '#domain/case.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { resumeOpenCases } from '#usecases/workflow/resume-open-cases.ts';
import { seedCase } from '../../bench/seed-cases.ts';

/** Starts executions slowly (a busy workflow service), counting how many are in flight at once. */
class SlowEngine implements WorkflowEngine {
  readonly started: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  async startCase(c: { tenantId: string; id: string }) {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.inFlight -= 1;
    this.started.push(`${c.tenantId}/${c.id}`);
  }
  async stopTimer() {}
  async sendDecision() {}
}

describe('resumeOpenCases (issue 11: 1 000 open cases in ≤ 30 s, with bounded concurrency)', () => {
  it('starts every open or concluding case exactly once, across tenants and pages, never more than `concurrency` at a time', async () => {
    const repo = new InMemoryCaseRepository();
    const now = new Date('2026-12-05T10:00:00Z');
    let s = 11;
    const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const cases: Case[] = [];
    // 240 a tenant, about 170 of them open: more than one page (100) of each open queue.
    for (let n = 0; n < 1_200; n += 1) cases.push(seedCase(tenantRegistry.list()[n % 5]!, n, now, random));
    for (const c of cases) await repo.createCase(c, []);
    const expected = cases.filter((c) => isOpen(c.status) || ['answered', 'refused', 'invalid', 'withdrawn'].includes(c.status)).map((c) => `${c.tenantId}/${c.id}`);
    expect(expected.length).toBeGreaterThan(500);

    const engine = new SlowEngine();
    const started = performance.now();
    const result = await resumeOpenCases({ tenants: tenantRegistry, repo, workflows: engine }, { concurrency: 16 });
    const ms = performance.now() - started;

    expect(result).toEqual({ resumed: expected.length, failed: [] });
    expect(engine.started.sort()).toEqual(expected.sort());
    expect(engine.maxInFlight).toBe(16);
    // The bound. That the starts overlap is shown by maxInFlight above, not by a wall-clock
    // race against a serial run, which a loaded CI machine can lose.
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('a case that cannot be started is reported and does not stop the others', async () => {
    const repo = new InMemoryCaseRepository();
    const now = new Date('2026-12-05T10:00:00Z');
    let s = 5;
    const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const open: Case[] = [];
    for (let n = 0; open.length < 20; n += 1) {
      const c = seedCase(tenantRegistry.list()[0]!, n, now, random);
      if (isOpen(c.status)) open.push(c);
    }
    for (const c of open) await repo.createCase(c, []);
    const broken = open[3]!.id;
    const started: string[] = [];
    const engine: WorkflowEngine = {
      startCase: async (c) => {
        if (c.id === broken) throw new Error('workflow service timeout');
        started.push(c.id);
      },
      stopTimer: async () => undefined,
      sendDecision: async () => undefined,
    };
    const result = await resumeOpenCases({ tenants: tenantRegistry, repo, workflows: engine });
    expect(result.resumed).toBe(19);
    expect(result.failed).toEqual([`${open[3]!.tenantId}/${broken}: workflow service timeout`]);
    expect(started).toHaveLength(19);
  }, 10_000);
});
