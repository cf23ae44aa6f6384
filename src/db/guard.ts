import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableName } from 'drizzle-orm';
import type { Db, Item } from './types.ts';

/**
 * A statement that aborts its batch unless `table` has row `id` at `version`. Put it before the
 * update it protects: SQLite runs a batch's statements in order, inside one transaction.
 */
export const versionGuard = (db: Db, table: SQLiteTable, id: string, version: number): Item =>
  db.run(
    sql`INSERT INTO commit_guards (name, ok) SELECT ${getTableName(table)}, EXISTS (SELECT 1 FROM ${sql.identifier(
      getTableName(table),
    )} WHERE id = ${id} AND version = ${version})`,
  );
