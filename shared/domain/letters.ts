import type { Language } from './channels.ts';

/** Everything a printed letter shows, already in words: the renderer only lays it out. */
export interface LetterDocument {
  /** Controller's letterhead lines (legal name, company code, address, contacts). */
  readonly letterhead: readonly string[];
  /** The recipient block: name and postal address lines. */
  readonly recipient: readonly string[];
  /** Place and date line, e.g. "Kaunas, 2026-11-23". */
  readonly dateLine: string;
  /** "Nr. GAU-2026-000042" / "Ref. GAU-2026-000042". */
  readonly referenceLine: string;
  readonly title: string;
  /** The body text; blank lines separate paragraphs. */
  readonly body: string;
  readonly language: Language;
}
