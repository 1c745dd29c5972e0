import type { WebhookTransport } from '#ports/channels.ts';

/** POSTs with the runtime's fetch; a partner that does not answer within the timeout counts as a failed attempt. */
export class FetchWebhookTransport implements WebhookTransport {
  constructor(private readonly timeoutMs = 5_000) {}

  async post(url: string, body: string, headers: Readonly<Record<string, string>>): Promise<{ status: number }> {
    // No redirects: a signed delivery goes to the registered URL or nowhere.
    const response = await fetch(url, { method: 'POST', body, headers: { ...headers }, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    await response.body?.cancel();
    return { status: response.status };
  }
}
