// openLibsql (src/db/libsql.ts) with one change, `concurrency: 1`: @libsql/client 0.18 keeps a pool
// of up to 20 connections per file and openLibsql's PRAGMAs reach only the first one. Bench-only,
// to measure the proposed fix; see bench/DRIVER.md.
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { LibsqlHandle, LibsqlOptions } from '../src/db/libsql.ts';
import * as schema from '../src/db/schema.ts';
import { createStore } from '../src/db/store.ts';
import type { Db, RunBatch } from '../src/db/types.ts';

export const openLibsqlOneConnection = async (opts: LibsqlOptions): Promise<LibsqlHandle> => {
  const client = createClient({ url: opts.url, concurrency: 1 });
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = NORMAL');
  await client.execute('PRAGMA foreign_keys = ON');
  await client.execute(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(opts.busyTimeoutMs ?? 5000))}`);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: opts.migrationsFolder });
  const runBatch: RunBatch = (items) => db.batch(items);
  return { store: createStore(db as unknown as Db, runBatch), client, close: () => client.close() };
};
