import { loadLetterFont, PdfLetterRenderer } from '#adapters/pdf/letter-pdf.ts';
import { InMemoryCallbackVerifier, InMemoryDatabaseConnector, InMemorySignedRequests, InMemoryTaskDataStore } from '#adapters/memory/fulfilment.ts';
import { InMemoryInboundLedger } from '#adapters/memory/inbound-ledger.ts';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { InMemoryValidationReportStore } from '#adapters/memory/validation-report-store.ts';
import { CASE_STATUSES, type Case } from '#domain/case.ts';
import type { PackSealer, ReceiptIndex } from '#ports/accountability.ts';
import type { CaseRepository, WorkflowEngine } from '#ports/cases.ts';
import type { AnswerFileStore, PrintItem, PrintQueue } from '#ports/channels.ts';
import type { ApiDeps } from '#http/deps.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { RecordingMailer } from './harness.ts';

/**
 * In-memory twins of the API's optional ports, so a test can serve every staff route (the
 * schema-driven fuzz reaches each operation's success as well as its refusals).
 */
export class MemoryPrintQueue implements PrintQueue {
  readonly items = new Map<string, PrintItem>();
  async add(item: PrintItem) {
    this.items.set(`${item.tenantId}/${item.id}`, item);
  }
  async get(tenantId: string, id: string) {
    return this.items.get(`${tenantId}/${id}`) ?? null;
  }
  async listQueued(tenantId: string, limit: number) {
    return [...this.items.values()].filter((i) => i.tenantId === tenantId && i.status === 'queued').slice(0, limit);
  }
  async markDispatched(item: PrintItem, dispatch: NonNullable<PrintItem['dispatch']>) {
    const current = this.items.get(`${item.tenantId}/${item.id}`);
    if (current?.status !== 'queued') return false;
    this.items.set(`${item.tenantId}/${item.id}`, { ...current, status: 'dispatched', dispatch });
    return true;
  }
}

export class MemoryAnswerFiles implements AnswerFileStore {
  readonly objects = new Map<string, { content: Uint8Array; contentType: string }>();
  async uploadUrl(key: string, contentType: string, size: number) {
    return { url: `https://answers.example/${key}?signed`, headers: { 'content-type': contentType, 'content-length': String(size) }, expiresAt: '2026-11-23T09:15:00.000Z' };
  }
  async put(key: string, content: Uint8Array, contentType: string) {
    this.objects.set(key, { content, contentType });
  }
  async head(key: string) {
    const o = this.objects.get(key);
    return o ? { size: o.content.byteLength, contentType: o.contentType } : null;
  }
  async read(key: string) {
    const o = this.objects.get(key);
    if (!o) throw new Error(`No answer file ${key}.`);
    return o.content;
  }
}

/** A workflow engine that records what it was asked (no executions run). */
export const recordingEngine = (): WorkflowEngine & { decisions: unknown[] } => {
  const decisions: unknown[] = [];
  return { decisions, startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async (_token, output) => void decisions.push(output) };
};

/** The register's receipts read from the repository's status lists (the table has an index). */
const receiptsFrom = (repo: CaseRepository): ReceiptIndex => ({
  async receivedBetween(tenantId, fromIso, toIso) {
    const cases: Case[] = [];
    for (const status of CASE_STATUSES) {
      let cursor: string | null = null;
      do {
        const page = await repo.listByStatus(tenantId, status, { limit: 100, cursor });
        cases.push(...page.items.filter((c) => c.receivedAt >= fromIso && c.receivedAt < toIso));
        cursor = page.nextCursor;
      } while (cursor);
    }
    return { cases: cases.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)), tombstones: [] };
  },
});

const sealer: PackSealer = { seal: async (tenantId, payload) => `test-seal.${tenantId}.${payload.byteLength}` };

/** Every optional staff port, in memory. */
export function allStaffPorts(repo: CaseRepository): Partial<ApiDeps> {
  return {
    printQueue: new MemoryPrintQueue(),
    // The real pdf-lib joiner (on AWS it runs in the letters function).
    pdfCombiner: new PdfLetterRenderer(loadLetterFont()),
    ledger: new InMemoryInboundLedger(),
    validationReports: new InMemoryValidationReportStore(),
    accountability: { receipts: receiptsFrom(repo), sealer },
    // Fulfilment: the registers, and every connector in memory (one subject in the database,
    // recipients' APIs that accept, Art. 19 e-mail recorded).
    fulfilment: {
      registers: fulfilmentRegisters,
      data: new InMemoryTaskDataStore(),
      database: new InMemoryDatabaseConnector(new Map([['ona@example.lt', [{ category: 'Customer account', records: [{ name: 'Ona Petraitienė', email: 'ona@example.lt' }] }]]])),
      email: new MimeEmailSender(new RecordingMailer()),
      http: new InMemorySignedRequests(),
      callbacks: new InMemoryCallbackVerifier(),
    },
  };
}
