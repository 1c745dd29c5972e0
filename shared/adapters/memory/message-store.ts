import type { CaseMessage, FlaggedInbound } from '#domain/mail.ts';
import type { MessageStore } from '#ports/mail.ts';

/** The MessageStore in process memory, with the DynamoDB adapter's semantics (tests, bench). */
export class InMemoryMessageStore implements MessageStore {
  private readonly messages = new Map<string, CaseMessage[]>();
  private readonly threads = new Map<string, { caseId: string; messageId: string }>();
  private readonly flagged = new Map<string, FlaggedInbound>();

  async addMessage(message: CaseMessage, alsoKnownAs: readonly string[] = []): Promise<'added' | 'exists'> {
    const ids = [...new Set([message.messageId, ...alsoKnownAs])];
    if (ids.some((id) => this.threads.has(`${message.tenantId}/${id}`))) return 'exists';
    for (const id of ids) this.threads.set(`${message.tenantId}/${id}`, { caseId: message.caseId, messageId: message.messageId });
    const key = `${message.tenantId}/${message.caseId}`;
    const list = this.messages.get(key) ?? [];
    list.push(structuredClone(message));
    list.sort((a, b) => `${a.at}#${a.id}`.localeCompare(`${b.at}#${b.id}`));
    this.messages.set(key, list);
    return 'added';
  }

  async replaceMessage(message: CaseMessage): Promise<void> {
    const list = this.messages.get(`${message.tenantId}/${message.caseId}`) ?? [];
    const at = list.findIndex((m) => m.id === message.id && m.at === message.at);
    if (at < 0) throw new Error(`No message "${message.id}" to replace.`);
    list[at] = structuredClone(message);
  }

  /** The purge (CaseRecordEraser twin): a case's messages, their thread index entries, and flagged items of its deliveries. */
  forgetCase(tenantId: string, caseId: string, deliveries: readonly string[] = []): void {
    this.messages.delete(`${tenantId}/${caseId}`);
    for (const [key, value] of this.threads) if (value.caseId === caseId && key.startsWith(`${tenantId}/`)) this.threads.delete(key);
    for (const [key, value] of this.flagged) if (deliveries.some((d) => value.id.startsWith(`${d}#`))) this.flagged.delete(key);
  }

  async listMessages(tenantId: string, caseId: string): Promise<readonly CaseMessage[]> {
    return structuredClone(this.messages.get(`${tenantId}/${caseId}`) ?? []);
  }

  async findCaseByMessageIds(tenantId: string, messageIds: readonly string[]): Promise<{ caseId: string; messageId: string } | null> {
    for (const id of messageIds) {
      const hit = this.threads.get(`${tenantId}/${id}`);
      if (hit) return { ...hit };
    }
    return null;
  }

  async flag(item: FlaggedInbound): Promise<void> {
    const key = `${item.tenantId ?? ''}/${item.at}#${item.id}`;
    if (!this.flagged.has(key)) this.flagged.set(key, structuredClone(item));
  }

  async listFlagged(tenantId: string | null, limit: number): Promise<readonly FlaggedInbound[]> {
    return [...this.flagged.values()]
      .filter((f) => f.tenantId === tenantId)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, limit)
      .map((f) => structuredClone(f));
  }
}
