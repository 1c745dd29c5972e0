import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { LetterRenderer } from '#ports/channels.ts';
import type { LetterDocument } from '#domain/letters.ts';

/**
 * On AWS the API and the workflow steps render letters by invoking the `letters` function
 * (functions/letters): pdf-lib and the embedded font live only in that bundle. A letter PDF is
 * tens of KB, well inside the 6 MB synchronous response limit.
 */
export class LambdaLetterRenderer implements LetterRenderer {
  constructor(private readonly client: LambdaClient, private readonly functionName: string) {}

  async render(letter: LetterDocument): Promise<Uint8Array> {
    const result = await this.client.send(new InvokeCommand({ FunctionName: this.functionName, Payload: new TextEncoder().encode(JSON.stringify({ letter })) }));
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
export function lambdaLetterRenderer(functionName: string | undefined, region: string): LetterRenderer | undefined {
  return functionName ? new LambdaLetterRenderer(new LambdaClient({ region }), functionName) : undefined;
}
