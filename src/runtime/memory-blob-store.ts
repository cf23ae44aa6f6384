import type { BlobStore } from '../ports/blob-store.ts';
import { isSafeBlobKey } from './blob-key.ts';

/** Blobs in memory: for tests and for runtimes without a disk. */
export const memoryBlobStore = (): BlobStore & { keys(): string[] } => {
  const blobs = new Map<string, Uint8Array>();
  const check = (key: string) => {
    if (!isSafeBlobKey(key)) throw new Error(`unsafe blob key: ${JSON.stringify(key)}`);
  };
  return {
    async put(key, bytes) {
      check(key);
      blobs.set(key, bytes.slice());
    },
    async get(key) {
      check(key);
      return blobs.get(key)?.slice() ?? null;
    },
    async delete(key) {
      check(key);
      blobs.delete(key);
    },
    keys: () => [...blobs.keys()],
  };
};
