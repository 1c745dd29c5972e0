import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LetterRenderer, PdfCombiner } from '#ports/channels.ts';
import type { LetterDocument } from '#domain/letters.ts';

/**
 * On AWS the API and the workflow steps render letters by invoking the `letters` function
 * (functions/letters): pdf-lib and the embedded font live only in that bundle. A letter PDF is
 * tens of KB, well inside the 6 MB synchronous response limit.
 */
export class LambdaLetterRenderer implements LetterRenderer, PdfCombiner {
  private client: Promise<LambdaClient> | undefined;
  private readonly region?: string;

  /** `client`: made on first use (letters are a rare path; the Lambda SDK client costs every cold start), or given. */
  constructor(client: LambdaClient | { readonly region: string }, private readonly functionName: string) {
    if ('send' in client) this.client = Promise.resolve(client);
    else this.region = client.region;
  }

  async render(letter: LetterDocument): Promise<Uint8Array> {
    return this.invoke({ letter });
  }

  /** The print batch: the letters go in as base64 (the caller keeps the total under the 6 MB invoke limit). */
  async combine(pdfs: readonly Uint8Array[]): Promise<Uint8Array> {
    return this.invoke({ combine: pdfs.map((pdf) => Buffer.from(pdf).toString('base64')) });
  }

  private async invoke(event: object): Promise<Uint8Array> {
    const { InvokeCommand, LambdaClient } = await import('@aws-sdk/client-lambda');
    this.client ??= Promise.resolve(new LambdaClient({ region: this.region }));
    const result = await (await this.client).send(new InvokeCommand({ FunctionName: this.functionName, Payload: new TextEncoder().encode(JSON.stringify(event)) }));
    const text = new TextDecoder().decode(result.Payload ?? new Uint8Array());
    if (result.FunctionError) throw new Error(`The letters function failed: ${text.slice(0, 500)}`);
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { pdfBase64?: unknown }).pdfBase64 !== 'string') {
      throw new Error('The letters function returned no PDF.');
    }
    return new Uint8Array(Buffer.from((parsed as { pdfBase64: string }).pdfBase64, 'base64'));
  }
}

/** The renderer the Lambdas use: the `letters` function when `LETTERS_FUNCTION` is configured, else none (letters are then refused loudly). */
export function lambdaLetterRenderer(functionName: string | undefined, region: string): (LetterRenderer & PdfCombiner) | undefined {
  return functionName ? new LambdaLetterRenderer({ region }, functionName) : undefined;
}
