import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibsql } from './libsql.ts';

describe('openLibsql', () => {
  it('opens a migrated file with WAL, synchronous=NORMAL, foreign keys and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-libsql-'));
    const db = await openLibsql({ url: `file:${join(dir, 'x.db')}`, migrationsFolder: 'migrations', busyTimeoutMs: 4321 });
    const one = async (q: string) => Object.values((await db.client.execute(q)).rows[0] ?? {})[0];
    expect(await one('PRAGMA journal_mode')).toBe('wal');
    expect(Number(await one('PRAGMA synchronous'))).toBe(1);
    expect(Number(await one('PRAGMA foreign_keys'))).toBe(1);
    expect(Number(await one('PRAGMA busy_timeout'))).toBe(4321);
    expect(Number(await one("SELECT count(*) FROM sqlite_master WHERE name = 'outbox'"))).toBe(1);
    // Concurrent work does not open connections without the pragmas.
    await Promise.all(Array.from({ length: 8 }, () => db.client.execute('SELECT 1')));
    expect(Number(await one('PRAGMA synchronous'))).toBe(1);
    db.close();
  });
});
