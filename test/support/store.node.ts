// The test store on Node: a real libsql file in a fresh temporary directory, migrated.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibsql } from '../../src/db/libsql.ts';
import type { Store } from '../../src/ports/store.ts';

export const runtime = 'node' as const;

export const openTestStore = async (): Promise<Store> => {
  const dir = mkdtempSync(join(tmpdir(), 'casebridge-test-'));
  const handle = await openLibsql({ url: `file:${join(dir, 'test.db')}`, migrationsFolder: 'migrations' });
  return handle.store;
};
