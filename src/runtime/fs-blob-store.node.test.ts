import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fsBlobStore } from './fs-blob-store.ts';

let dir: string;

// Each would reach outside its folder, or name a file in a way a file system reads differently.
const UNSAFE_KEYS: [string, string][] = [
  ['parent', '..'],
  ['parent inside', 'docs/../../outside.txt'],
  ['slash alone', '/'],
  ['leading slash', '/tmp/evil'],
  ['backslash', 'docs\\..\\outside.txt'],
  ['encoded slash', '..%2Foutside.txt'],
  ['upper case', 'Docs/A.pdf'],
  ['empty', ''],
  ['very long', 'a/'.repeat(100) + 'a'],
  ['NUL', 'docs/a\u0000.pdf'],
];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebridge-blobs-'));
});

/** Every file under `root`, as paths relative to it. */
const filesUnder = async (root: string): Promise<string[]> =>
  (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('fsBlobStore', () => {
  it('puts, gets and deletes a file under nested keys, readable by its owner only', async () => {
    const blobs = fsBlobStore(join(dir, 'store'));
    const bytes = bytesOf('%PDF-1.7 hello');
    await blobs.put('docs/agy_1/doc_1.pdf', bytes, 'application/pdf');
    expect(await blobs.get('docs/agy_1/doc_1.pdf')).toEqual(bytes);
    expect(await readFile(join(dir, 'store/docs/agy_1/doc_1.pdf'), 'utf8')).toBe('%PDF-1.7 hello');
    expect((await stat(join(dir, 'store/docs/agy_1/doc_1.pdf'))).mode & 0o777).toBe(0o600);
    await blobs.delete('docs/agy_1/doc_1.pdf');
    expect(await blobs.get('docs/agy_1/doc_1.pdf')).toBeNull();
    await blobs.delete('docs/agy_1/doc_1.pdf'); // deleting twice is fine
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('gives null for a key never written', async () => {
    expect(await fsBlobStore(dir).get('docs/nothing.pdf')).toBeNull();
    expect(await fsBlobStore(join(dir, 'not-yet')).get('a')).toBeNull();
  });

  it('replaces a file whole: a reader sees the old or the new bytes, never a mix, and no temp file stays', async () => {
    const blobs = fsBlobStore(dir);
    const a = new Uint8Array(2 * 1024 * 1024).fill(0x61);
    const b = new Uint8Array(2 * 1024 * 1024).fill(0x62);
    await blobs.put('docs/x.pdf', a, 'application/pdf');
    const reads: Promise<Uint8Array | null>[] = [];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 6; i++) {
      writes.push(blobs.put('docs/x.pdf', i % 2 ? a : b, 'application/pdf'));
      reads.push(blobs.get('docs/x.pdf'), blobs.get('docs/x.pdf'));
    }
    await Promise.all(writes);
    for (const got of await Promise.all(reads)) {
      expect(got?.length).toBe(a.length);
      expect(got?.every((v) => v === got[0])).toBe(true);
    }
    await blobs.put('docs/x.pdf', b, 'application/pdf');
    expect((await blobs.get('docs/x.pdf'))?.[0]).toBe(0x62);
    expect(await filesUnder(dir)).toEqual(['docs/x.pdf']);
  });

  it.each(UNSAFE_KEYS)('refuses the unsafe key: %s', async (_name, key) => {
    const blobs = fsBlobStore(join(dir, 'store'));
    await writeFile(join(dir, 'outside.txt'), 'secret');
    await expect(blobs.put(key, bytesOf('x'), 'application/pdf')).rejects.toThrow(/unsafe blob key/);
    await expect(blobs.get(key)).rejects.toThrow(/unsafe blob key/);
    await expect(blobs.delete(key)).rejects.toThrow(/unsafe blob key/);
    expect(await filesUnder(dir)).toEqual(['outside.txt']);
    expect(await readFile(join(dir, 'outside.txt'), 'utf8')).toBe('secret');
  });

  it('rejects a write it cannot make and leaves nothing, when the store root is a file', async () => {
    const root = join(dir, 'root-is-a-file');
    await writeFile(root, 'not a directory');
    const blobs = fsBlobStore(root);
    await expect(blobs.put('docs/a.pdf', bytesOf('x'), 'application/pdf')).rejects.toThrow();
    await expect(blobs.put('a.pdf', bytesOf('x'), 'application/pdf')).rejects.toThrow();
    expect(await filesUnder(dir)).toEqual(['root-is-a-file']);
    expect(await readFile(root, 'utf8')).toBe('not a directory');
  });

  it('removes its temporary file when the final rename fails', async () => {
    const blobs = fsBlobStore(dir);
    await mkdir(join(dir, 'docs/taken'), { recursive: true });
    await writeFile(join(dir, 'docs/taken/keep'), 'k');
    await expect(blobs.put('docs/taken', bytesOf('x'), 'application/pdf')).rejects.toThrow();
    expect(await filesUnder(dir)).toEqual(['docs/taken/keep']);
  });

  // As root, permissions do not stop a write: the test above covers that case instead.
  it.skipIf(process.getuid?.() === 0)('rejects a write into a read-only directory and leaves nothing', async () => {
    await mkdir(join(dir, 'docs'));
    await chmod(join(dir, 'docs'), 0o500);
    try {
      await expect(fsBlobStore(dir).put('docs/a.pdf', bytesOf('x'), 'application/pdf')).rejects.toThrow();
      expect(await readdir(join(dir, 'docs'))).toEqual([]);
    } finally {
      await chmod(join(dir, 'docs'), 0o700);
    }
  });
});
