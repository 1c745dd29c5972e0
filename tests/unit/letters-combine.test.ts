import type { LambdaClient } from '@aws-sdk/client-lambda';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { LambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import type { LetterDocument } from '#domain/letters.ts';
import { handler } from '../../functions/letters/handler.ts';

const letter = (title: string, paragraphs = 1): LetterDocument => ({
  letterhead: ['UAB Lytagra', 'Įmonės kodas 123456789'],
  recipient: ['Ona Petraitienė', 'Laisvės al. 1', 'LT-44001 Kaunas'],
  dateLine: 'Kaunas, 2026-11-23',
  referenceLine: 'Nr. LYT-2026-000001',
  title,
  body: Array.from({ length: paragraphs }, (_, i) => `Pastraipa ${i + 1}: ąčęėįšųūž. `.repeat(40)).join('\n\n'),
  language: 'lt',
});

/**
 * The print batch's PDF joining runs in the letters function on AWS: the API and console invoke it
 * through LambdaLetterRenderer. Here the adapter's invocation is handed to the real handler, so the
 * event both sides agree on is exercised end to end, without AWS.
 */
describe('joining letters in the letters function', () => {
  const viaHandler = { send: async (command: { input: { Payload?: Uint8Array } }) => ({ Payload: new TextEncoder().encode(JSON.stringify(await handler(JSON.parse(new TextDecoder().decode(command.input.Payload))))) }) } as unknown as LambdaClient;
  const renderer = new LambdaLetterRenderer(viaHandler, 'letters');

  it('renders letters and joins every page of each into one PDF', async () => {
    const one = await renderer.render(letter('Pirmas laiškas'));
    const long = await renderer.render(letter('Antras laiškas', 12));
    const pages = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();
    expect(await pages(one)).toBe(1);
    const longPages = await pages(long);
    expect(longPages).toBeGreaterThan(1);
    const joined = await PDFDocument.load(await renderer.combine([one, long, one]));
    expect(joined.getPageCount()).toBe(2 + longPages);
    expect(joined.getPage(0).getSize()).toEqual((await PDFDocument.load(one)).getPage(0).getSize());
  });

  it('refuses an event that is neither a letter nor a list of PDFs', async () => {
    await expect(handler({ combine: [] })).rejects.toThrow('The letter is not valid.');
    await expect(handler({ combine: ['not base64!'] })).rejects.toThrow('The letter is not valid.');
  });
});
