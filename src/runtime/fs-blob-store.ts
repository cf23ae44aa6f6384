// Node only: blobs as files under one directory. Writes go to a temporary file in the same
// directory, are flushed, then renamed into place, so a reader never sees half a file.
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { BlobStore } from '../ports/blob-store.ts';
import { isSafeBlobKey } from './blob-key.ts';

export const fsBlobStore = (rootDir: string): BlobStore => {
  const root = resolve(rootDir);
  const pathOf = (key: string): string => {
    if (!isSafeBlobKey(key)) throw new Error(`unsafe blob key: ${JSON.stringify(key)}`);
    const p = resolve(join(root, key));
    // Belt and braces: the key grammar already forbids any escape.
    if (!p.startsWith(root + sep)) throw new Error(`blob key escapes the store: ${JSON.stringify(key)}`);
    return p;
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${crypto.randomUUID()}`;
      const fh = await open(tmp, 'wx', 0o600);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } catch (e) {
        await fh.close().catch(() => {});
        await unlink(tmp).catch(() => {});
        throw e;
      }
      await fh.close();
      try {
        await rename(tmp, target);
      } catch (e) {
        await unlink(tmp).catch(() => {});
        throw e;
      }
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
};
