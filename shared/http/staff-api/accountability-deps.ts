import type { PackSealer, ReceiptIndex } from '#ports/accountability.ts';
import type { LetterRenderer } from '#ports/channels.ts';
import type { PackSection } from '#usecases/accountability/evidence-pack.ts';

/** What the register, evidence packs and legal holds need beyond the API's own deps (docs/accountability.md). */
export interface AccountabilityDeps {
  readonly receipts: ReceiptIndex;
  readonly sealer: PackSealer;
  /** The register's PDF summary (the letters renderer: the `letters` function on AWS, in process locally). */
  readonly letters?: LetterRenderer;
  /** Further pack sections (fulfilment tasks and connector results). */
  readonly packSections?: readonly PackSection[];
  /** Subject data files in packs: digested (default) or included. */
  readonly packDataFiles?: 'digest' | 'include';
}
