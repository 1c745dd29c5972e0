import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import type { Case } from '#domain/case.ts';
import type { Channel } from '#domain/channels.ts';
import type { NewCaseRequest } from '#domain/open-case.ts';
import { openCase } from '#domain/open-case.ts';
import type { SubjectNotifier, WorkflowEngine } from '#ports/cases.ts';
import type { Notice } from '#domain/notices.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import type { UsedTokens } from '#ports/forms.ts';

/** Resumed executions, by task token. */
export class RecordingEngine implements WorkflowEngine {
  readonly decisions: Array<{ token: string; output: Readonly<Record<string, unknown>> }> = [];
  async startCase() {}
  async stopTimer() {}
  async sendDecision(token: string, output: Readonly<Record<string, unknown>>) {
    this.decisions.push({ token, output });
  }
}

/** The single-use record of the table, in memory. */
export class MemoryUsedTokens implements UsedTokens {
  readonly used = new Set<string>();
  async markUsed(tenantId: string, jti: string): Promise<boolean> {
    const key = `${tenantId}/${jti}`;
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }
}

/** Keeps whole notices (links, per-language lists), unlike the workflow fakes. */
export class NoticeRecorder implements SubjectNotifier {
  readonly sent: Array<{ c: Case; notice: Notice }> = [];
  async notify(c: Case, notice: Notice) {
    this.sent.push({ c, notice });
    return { channel: c.channel, messageId: `n${this.sent.length}` };
  }
}

export const NOW = new Date('2027-03-02T10:00:00Z');

/** A stored case of `tenant`, optionally waiting at an identity step. */
export async function storedCase(o: { tenant: string; channel: Channel; request?: Partial<NewCaseRequest>; patch?: Partial<Case>; repo?: InMemoryCaseRepository }) {
  const repo = o.repo ?? new InMemoryCaseRepository();
  const opened = openCase({
    tenant: tenantRegistry.get(o.tenant),
    id: 'c1',
    referenceNumber: 1,
    channel: o.channel,
    receivedAt: new Date('2027-03-01T08:00:00Z'),
    request: { rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' }, ...o.request },
    actor: { kind: 'subject', id: 'ona@example.lt' },
    earlierRequests: [],
    now: NOW,
  });
  await repo.createCase({ ...opened.case, ...o.patch }, opened.events);
  return { repo, c: (await repo.getCase(o.tenant, 'c1'))! };
}

export const waitingFor = (step: 'subject_identity' | 'identity_review'): Partial<Case> => ({ status: 'awaiting_identity', waiting: { step, taskToken: `tok-${step}`, since: NOW.toISOString() } });
