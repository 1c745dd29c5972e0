import type { Hono } from 'hono';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { createSubjectNotifier } from '#usecases/notify-subject.ts';
import type { AnswerFileStore } from '#ports/channels.ts';
import type { CaseRepository, Clock, Mailer, OutboundEmail, WorkflowEngine } from '#ports/cases.ts';
import type { PartnerAssertionVerifier } from '#ports/identity.ts';
import { partnerTokenVerifier, staffTokenVerifier } from '#http/auth.ts';
import { createApp, type AppExtension } from '#http/app.ts';
import type { ApiDeps, AppEnv } from '#http/deps.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from '../../local/tokens.ts';

/** Records every message instead of sending it; can be told to fail. */
export class RecordingMailer implements Mailer {
  readonly sent: OutboundEmail[] = [];
  failWith: Error | null = null;
  async send(message: OutboundEmail): Promise<{ messageId: string }> {
    if (this.failWith) throw this.failWith;
    this.sent.push(message);
    return { messageId: `test-${this.sent.length}` };
  }
}

export const fixedClock = (iso: string): Clock & { set(iso: string): void } => {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => void (now = new Date(next)) };
};

export interface Harness {
  app: Hono<AppEnv>;
  repo: CaseRepository;
  mailer: RecordingMailer;
  /** Messages in and out of cases (acknowledgements are stored here with their raw MIME). */
  messages: InMemoryMessageStore;
  /** Sent letters, scans and print PDFs. */
  evidence: InMemoryBlobStore;
  issuer: LocalIssuer;
  clock: ReturnType<typeof fixedClock>;
  errors: unknown[];
  token(tenant: string, options?: { scopes?: string[]; partnerId?: string }): Promise<string>;
  post(path: string, body: unknown, init?: { token?: string; headers?: Record<string, string>; raw?: string }): Promise<Response>;
  get(path: string, token?: string): Promise<Response>;
}

/** The real Hono app with in-memory adapters and a throwaway token issuer. */
export async function harness(
  options: { repo?: CaseRepository; now?: string; maxBodyBytes?: number; partnerAssertions?: PartnerAssertionVerifier; workflows?: WorkflowEngine; answerFiles?: AnswerFileStore; webhookJwks?: ApiDeps['webhookJwks']; extra?: (repo: CaseRepository) => Partial<ApiDeps>; extensions?: (deps: ApiDeps) => AppExtension[] } = {},
): Promise<Harness> {
  const issuer = await ephemeralIssuer();
  const repo = options.repo ?? new InMemoryCaseRepository();
  const mailer = new RecordingMailer();
  const clock = fixedClock(options.now ?? '2026-11-23T09:00:00Z');
  const errors: unknown[] = [];
  const messages = new InMemoryMessageStore();
  const evidence = new InMemoryBlobStore();
  let n = 0;
  const deps: ApiDeps = {
    tenants: tenantRegistry,
    repo,
    mailer,
    clock,
    ids: { caseId: () => `case-${++n}-${Math.random().toString(36).slice(2, 8)}` },
    verifyPartnerToken: partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks }),
    verifyStaffToken: staffTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks }),
    limits: { maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 },
    logError: (_id, error) => errors.push(error),
    messages,
    evidence,
    notifier: createSubjectNotifier({ tenants: tenantRegistry, messages, email: new MimeEmailSender(mailer), evidence, clock }),
    ...(options.partnerAssertions ? { partnerAssertions: options.partnerAssertions } : {}),
    ...(options.workflows ? { workflows: options.workflows } : {}),
    ...(options.answerFiles ? { answerFiles: options.answerFiles } : {}),
    ...(options.webhookJwks ? { webhookJwks: options.webhookJwks } : {}),
    ...options.extra?.(repo),
  };
  // Routes served by their own function on AWS (fulfilment, console pages) join as they do locally.
  const app = createApp(deps, options.extensions?.(deps) ?? []);
  const h: Harness = {
    app,
    repo,
    mailer,
    messages,
    evidence,
    issuer,
    clock,
    errors,
    token: (tenant, o = {}) => issuer.mintPartnerToken({ tenant, ...(o.partnerId ? { partnerId: o.partnerId } : {}), ...(o.scopes ? { scopes: o.scopes } : {}) }),
    post: async (path, body, init = {}) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
        body: init.raw ?? JSON.stringify(body),
      }),
    get: async (path, token) => app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
  };
  return h;
}

export const accessRequest = (name = 'Ona Petraitienė', email: string | undefined = 'ona@example.lt') => ({
  rights: [{ type: 'access' }],
  subject: { name, ...(email ? { email } : {}) },
  language: 'en',
});
