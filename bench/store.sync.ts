// The Node test store on the candidate sync driver (libsql's Database through drizzle's
// better-sqlite3 driver), for bench/vitest.sync.config.ts: the whole use-case suite on it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../src/ports/store.ts';
import { openSyncLibsql } from './sync-store.ts';

export const runtime = 'node' as const;

export const openTestStore = async (): Promise<Store> => {
  const dir = mkdtempSync(join(tmpdir(), 'casebridge-sync-test-'));
  const handle = await openSyncLibsql({ path: join(dir, 'test.db'), migrationsFolder: 'migrations' });
  return handle.store;
};
