import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { localIamStats } from '../../local/iam/enforce.ts';

/** Debian's Chromium, installed by tools/ensure-chromium.sh (never `playwright install`). */
export const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium dials out at start and this closed network refuses it.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface E2eWorld {
  readonly stack: LocalStack;
  readonly browser: Browser;
  readonly base: string;
  stop(): Promise<void>;
}

/** A real local stack (as `npm start`, on free ports, DynamoDB in memory) and a headless Chromium. */
export async function startWorld(): Promise<E2eWorld> {
  const stateDir = await mkdtemp(join(tmpdir(), 'rightsdesk-e2e-'));
  const stack = await startLocalStack({ stateDir, persist: false, ports: { api: 0, dynamodb: 0, ses: 0, s3: 0, smtp: 0, sfn: 0 } });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return {
    stack,
    browser,
    base: stack.dev.apiUrl,
    async stop() {
      await browser.close().catch(() => undefined);
      await stack.stop();
      await rm(stateDir, { recursive: true, force: true });
      // Every call the product made ran under its function's synthesized role (local IAM): a
      // refusal the product handled quietly would still fail on AWS, so it fails the file here.
      const { denied, checked } = localIamStats();
      if (checked === 0) throw new Error('Local IAM checked no call: is enforcement installed in startLocalStack?');
      if (denied.length > 0) throw new Error(`Local IAM refused ${denied.length} call(s): ${denied.map((d) => `${d.fn} ${d.action} ${d.resource}`).join('; ')}`);
    },
  };
}

/** Signs in through the development identity provider's page, as a person would. */
export async function signIn(page: Page, base: string, tenant: string, role: 'agent' | 'approver' | 'admin'): Promise<void> {
  await page.goto(`${base}/console/login`);
  await page.click(`button[data-user="${role}@${tenant}.local"]`);
  await page.waitForURL(`${base}/console`);
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's violations on the current page (WCAG 2.x A/AA and best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    // axe is a global once its source ran in the page.
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export interface OutboxMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
  attachments: Array<{ filename?: string; contentType: string; size: number }>;
}

export async function outboxTo(outboxUrl: string, address: string): Promise<OutboxMail[]> {
  const store = (await (await fetch(outboxUrl)).json()) as { emails: OutboxMail[] };
  return store.emails.filter((m) => m.destination.to.some((to) => to.includes(address)));
}

/** Polls until `check` returns a value (the workflow and the e-mail channel run asynchronously). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Reloads the case page until the workflow waits at `step` (or the case reached `status`). */
export async function waitForCase(page: Page, url: string, want: { step?: string; status?: string }): Promise<void> {
  await eventually(async () => {
    await page.goto(url);
    if (want.step) return (await page.locator(`#waiting[data-step="${want.step}"]`).count()) > 0;
    return (await page.locator(`#case-status[data-status="${want.status}"]`).count()) > 0;
  }, `case at ${JSON.stringify(want)}`);
}
