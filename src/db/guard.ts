import { getTableName, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { commitGuards } from './schema.ts';
import type { Db, Item } from './types.ts';

/**
 * A statement that aborts its batch unless `table` has row `id` at `version`: it inserts
 * (name, count of matching rows) into commit_guards, whose trigger raises on 0. Put it before the
 * update it protects: SQLite runs a batch's statements in order, inside one transaction.
 */
export const versionGuard = (db: Db, table: SQLiteTable, id: string, version: number): Item =>
  db
    .insert(commitGuards)
    .select(
      sql`SELECT ${getTableName(table)}, count(*) FROM ${table} WHERE ${sql.identifier('id')} = ${id} AND ${sql.identifier(
        'version',
      )} = ${version}`,
    );
