import { describe, expect, it } from 'vitest';
import { ACCEPTED_TYPES } from '../domain/file-type.ts';
import { documentBlobKey } from '../usecases/documents/document-blob-key.ts';
import { isSafeBlobKey } from './blob-key.ts';
import { randomIds } from './random-ids.ts';

const UNSAFE_KEYS: [string, string][] = [
  ['empty', ''],
  ['parent', '..'],
  ['parent inside', 'docs/../etc/passwd'],
  ['dot segment', 'docs/./a'],
  ['leading slash', '/etc/passwd'],
  ['trailing slash', 'docs/'],
  ['double slash', 'docs//a'],
  ['lone slash', '/'],
  ['backslash', 'docs\\..\\a'],
  ['encoded slash', 'docs%2F..%2Fa'],
  ['upper case', 'Docs/A.pdf'],
  ['NUL', 'docs/a\u0000.pdf'],
  ['space', 'docs/a b.pdf'],
  ['two extensions', 'docs/a.pdf.exe'],
  ['hidden file', '.htaccess'],
  ['unicode', 'docs/ａ.pdf'],
  ['too long', 'a'.repeat(201)],
];

describe('isSafeBlobKey', () => {
  it.each(UNSAFE_KEYS)('refuses %s', (_name, key) => {
    expect(isSafeBlobKey(key)).toBe(false);
  });

  it('accepts keys made of lower-case parts with one extension, up to 200 characters', () => {
    for (const key of ['a', 'doc_1.pdf', 'docs/agy_1/doc_2.heic', 'a-b/c_d/e.f', 'a'.repeat(200)]) expect(isSafeBlobKey(key)).toBe(true);
  });

  it('accepts every key the core makes for an upload, whatever the agency id looks like', async () => {
    const ids = randomIds();
    for (const agencyId of [ids.newId('agy'), 'Riverside/../../etc', 'AGENCY 7', 'a'.repeat(300), '']) {
      for (const type of ACCEPTED_TYPES) {
        const key = await documentBlobKey(agencyId, ids.newId('doc'), type);
        expect(isSafeBlobKey(key), key).toBe(true);
        expect(key).toMatch(/^docs\/[a-z0-9_-]+\/[a-z0-9_-]+\.[a-z]+$/);
      }
    }
    // Two unsafe agency ids never share a folder.
    expect(await documentBlobKey('A/B', 'doc_1', 'application/pdf')).not.toBe(await documentBlobKey('a-b', 'doc_1', 'application/pdf'));
  });
});
