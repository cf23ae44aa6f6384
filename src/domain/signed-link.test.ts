import { describe, expect, it } from 'vitest';
import { signLink, verifyLink } from './signed-link.ts';

const SECRET = 'a-long-server-secret-for-tests';
const NAMES = ['d', 's'] as const;

describe('signed links', () => {
  it('verify with their fields until they expire', async () => {
    const q = await signLink(SECRET, 'file', { d: 'doc1', s: 'stf1' }, 10_000);
    expect(await verifyLink(SECRET, 'file', NAMES, q, 9_999)).toEqual({ d: 'doc1', s: 'stf1' });
    expect(await verifyLink(SECRET, 'file', NAMES, q, 10_000)).toBeNull();
  });

  it('refuse a changed field, a later expiry, another purpose, another secret, a missing field', async () => {
    const q = await signLink(SECRET, 'file', { d: 'doc1', s: 'stf1' }, 10_000);
    const changed = (k: string, v: string) => {
      const c = new URLSearchParams(q);
      c.set(k, v);
      return c;
    };
    expect(await verifyLink(SECRET, 'file', NAMES, changed('d', 'doc2'), 0)).toBeNull();
    expect(await verifyLink(SECRET, 'file', NAMES, changed('e', '20000'), 0)).toBeNull();
    expect(await verifyLink(SECRET, 'other', NAMES, q, 0)).toBeNull();
    expect(await verifyLink('another-secret', 'file', NAMES, q, 0)).toBeNull();
    const missing = new URLSearchParams(q);
    missing.delete('s');
    expect(await verifyLink(SECRET, 'file', NAMES, missing, 0)).toBeNull();
    expect(await verifyLink(SECRET, 'file', NAMES, changed('sig', 'zz'), 0)).toBeNull();
  });
});
