// The candidate Node driver: the synchronous `libsql` package (a better-sqlite3-compatible API)
// through drizzle-orm/better-sqlite3, wrapped into the same async Store as src/db/libsql.ts.
// Bench-only: nothing in src/ imports this.
import { registerHooks } from 'node:module';
import Database from 'libsql';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Store } from '../src/ports/store.ts';
import * as schema from '../src/db/schema.ts';
import { createStore } from '../src/db/store.ts';
import type { Db, Item, RunBatch } from '../src/db/types.ts';

// drizzle-orm/better-sqlite3/driver.js does `import Client from "better-sqlite3"` at load time, and
// better-sqlite3 is not installed. `libsql` is API-compatible, so point that one name at it.
let aliased = false;
const aliasBetterSqlite3 = () => {
  if (aliased) return;
  registerHooks({ resolve: (spec, ctx, next) => next(spec === 'better-sqlite3' ? 'libsql' : spec, ctx) });
  aliased = true;
};

export interface SyncOptions {
  path: string;
  migrationsFolder: string;
  busyTimeoutMs?: number;
}

export interface SyncHandle {
  store: Store;
  db: BetterSQLite3Database<typeof schema>;
  client: Database.Database;
  close(): void;
}

/** A statement built by a repo; on the sync driver `.run()` executes it immediately. */
const runNow = (item: Item): unknown => (item as unknown as { run(): unknown }).run();

export const openSyncLibsql = async (opts: SyncOptions): Promise<SyncHandle> => {
  aliasBetterSqlite3();
  const { drizzle } = await import('drizzle-orm/better-sqlite3');
  const { migrate } = await import('drizzle-orm/better-sqlite3/migrator');
  const client = new Database(opts.path);
  // The same pragmas as openLibsql. One connection, so they hold for every statement.
  client.exec('PRAGMA journal_mode = WAL');
  client.exec('PRAGMA synchronous = NORMAL');
  client.exec('PRAGMA foreign_keys = ON');
  client.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(opts.busyTimeoutMs ?? 5000))}`);
  const db = drizzle(client as never, { schema });
  migrate(db, { migrationsFolder: opts.migrationsFolder });
  // No db.batch on this driver: run the items in one native transaction, synchronously, so
  // nothing else can interleave. A throw rolls the whole commit back (BEGIN … ROLLBACK).
  const runBatch: RunBatch = async (items) =>
    db.transaction(() => {
      for (const item of items) runNow(item);
    });
  return { store: createStore(db as unknown as Db, runBatch), db, client, close: () => client.close() };
};
