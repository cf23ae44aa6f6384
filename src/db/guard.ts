import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { Write } from '../ports/store.ts';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { commitGuards } from './schema.ts';
import { write, type Db, type Item } from './types.ts';

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

/**
 * A guard over any count query: the batch aborts unless `countQuery` (a `SELECT count(*) …`)
 * finds at least one row.
 */
export const conditionGuard = (db: Db, name: string, countQuery: SQL): Write =>
  write(db.insert(commitGuards).select(sql`SELECT ${name}, min(1, (${countQuery}))`));
