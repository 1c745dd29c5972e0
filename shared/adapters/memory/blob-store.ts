import type { BlobStore } from '#ports/mail.ts';

/** A bucket in process memory (unit tests). */
export class InMemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    this.objects.set(key, { body: new Uint8Array(body), contentType });
  }

  async get(key: string): Promise<Uint8Array> {
    const found = this.objects.get(key);
    if (!found) throw new Error(`No object "${key}".`);
    return new Uint8Array(found.body);
  }
}
