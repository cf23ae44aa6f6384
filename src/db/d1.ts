// Workers' database: a D1 binding over the same schema and migrations.
import { drizzle } from 'drizzle-orm/d1';
import type { D1Database } from '@cloudflare/workers-types';
import type { Store } from '../ports/store.ts';
import * as schema from './schema.ts';
import { createStore } from './store.ts';
import type { Db, RunBatch } from './types.ts';

export const d1Store = (binding: D1Database): Store => {
  const db = drizzle(binding, { schema });
  const runBatch: RunBatch = (items) => db.batch(items);
  return createStore(db as unknown as Db, runBatch);
};
