// Workers: blobs in an R2 bucket behind the same port as the file system store.
import type { R2Bucket } from '@cloudflare/workers-types';
import type { BlobStore } from '../ports/blob-store.ts';
import { isSafeBlobKey } from './blob-key.ts';

export const r2BlobStore = (bucket: R2Bucket): BlobStore => {
  const check = (key: string) => {
    if (!isSafeBlobKey(key)) throw new Error(`unsafe blob key: ${JSON.stringify(key)}`);
    return key;
  };
  return {
    async put(key, bytes, contentType) {
      await bucket.put(check(key), bytes, { httpMetadata: { contentType } });
    },
    async get(key) {
      const obj = await bucket.get(check(key));
      return obj ? new Uint8Array(await obj.arrayBuffer()) : null;
    },
    async delete(key) {
      await bucket.delete(check(key));
    },
  };
};
