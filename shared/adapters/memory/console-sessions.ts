import type { ConsoleSessions } from '#ports/console.ts';

/** The in-memory twin of the console session records (tests, RIGHTSDESK_IN_MEMORY). */
export class InMemoryConsoleSessions implements ConsoleSessions {
  private readonly records = new Map<string, { expiresAt: Date; endedAt?: Date }>();

  async start(session: { id: string; expiresAt: Date }): Promise<void> {
    this.records.set(session.id, { expiresAt: session.expiresAt });
  }

  async isActive(id: string, now: Date): Promise<boolean> {
    const record = this.records.get(id);
    return !!record && !record.endedAt && record.expiresAt.getTime() > now.getTime();
  }

  async end(id: string, at: Date): Promise<void> {
    const record = this.records.get(id);
    if (record) record.endedAt = at;
  }
}
