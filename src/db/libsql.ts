// Node's database: a libsql file (or a remote libsql/Turso URL). Only entry points import this.
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Store } from '../ports/store.ts';
import * as schema from './schema.ts';
import { createStore } from './store.ts';
import type { Db, RunBatch } from './types.ts';

export interface LibsqlOptions {
  url: string;
  authToken?: string;
  migrationsFolder: string;
  /** milliseconds a writer waits for a lock before failing */
  busyTimeoutMs?: number;
}

export interface LibsqlHandle {
  store: Store;
  client: Client;
  close(): void;
}

export const openLibsql = async (opts: LibsqlOptions): Promise<LibsqlHandle> => {
  // One connection: the PRAGMAs below apply per connection, and @libsql/client would otherwise
  // open up to 20 for a file, the later ones with synchronous=FULL and no busy timeout
  // (measured in bench/DRIVER.md: commits with 8 in flight fell from 531/s to 291/s).
  const client = createClient({ url: opts.url, concurrency: 1, ...(opts.authToken ? { authToken: opts.authToken } : {}) });
  if (opts.url.startsWith('file:') || opts.url === ':memory:') {
    // WAL + synchronous=NORMAL: durable on commit in WAL order, ~12x the insert rate of FULL here.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA foreign_keys = ON');
    await client.execute(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(opts.busyTimeoutMs ?? 5000))}`);
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: opts.migrationsFolder });
  const runBatch: RunBatch = (items) => db.batch(items);
  return { store: createStore(db as unknown as Db, runBatch), client, close: () => client.close() };
};
