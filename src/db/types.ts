import type { BatchItem } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { Write } from '../ports/store.ts';
import type * as schema from './schema.ts';

/** Both drizzle-orm/libsql and drizzle-orm/d1 databases are this. */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema>;
export type Item = BatchItem<'sqlite'>;
/** Runs statements atomically (libsql batch = one transaction; D1 batch = one transaction). */
export type RunBatch = (items: [Item, ...Item[]]) => Promise<unknown>;

interface WriteImpl {
  items: Item[];
}

export const write = (...items: Item[]): Write => ({ items }) as WriteImpl as unknown as Write;
export const itemsOf = (w: Write): Item[] => (w as unknown as WriteImpl).items;
