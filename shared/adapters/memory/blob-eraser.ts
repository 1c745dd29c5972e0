import type { BlobEraser } from '#ports/identity.ts';
import type { InMemoryBlobStore } from './blob-store.ts';

/** Deletes from an in-memory bucket (unit tests). */
export class InMemoryBlobEraser implements BlobEraser {
  constructor(private readonly store: InMemoryBlobStore) {}

  async delete(key: string): Promise<void> {
    this.store.objects.delete(key);
  }

  /** The in-memory bucket keeps one version per key: nothing older to erase. */
  async deleteOlderVersions(): Promise<void> {}
}
