import type { HttpFetcher } from '#ports/identity.ts';

/** GET with a size cap and a timeout (trusted lists are a few MB at most). */
export class FetchHttpFetcher implements HttpFetcher {
  constructor(private readonly options: { readonly maxBytes: number; readonly timeoutMs: number } = { maxBytes: 16 * 1024 * 1024, timeoutMs: 30_000 }) {}

  async get(url: string): Promise<Uint8Array> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'follow' });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}.`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > this.options.maxBytes) throw new Error(`GET ${url} is larger than ${this.options.maxBytes} bytes.`);
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.length > this.options.maxBytes) throw new Error(`GET ${url} is larger than ${this.options.maxBytes} bytes.`);
    return body;
  }
}
