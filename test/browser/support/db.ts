// Small looks into the running server's SQLite file, for what a client never sees (a class's
// check-in code, the stored state after an action), and the agency-side set-up a test needs
// (an invitation link, an imported appointment, an agency rule).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type Client, type InValue } from '@libsql/client';
import { openLibsql } from '../../../src/db/libsql.ts';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { memoryBlobStore } from '../../../src/runtime/memory-blob-store.ts';
import { randomIds } from '../../../src/runtime/random-ids.ts';
import { systemClock } from '../../../src/runtime/system-clock.ts';
import { createInvitation } from '../../../src/usecases/auth/invitations.ts';
import { ROOT, type RunningServer } from './server.ts';

const run = promisify(execFile);

export interface Db {
  client: Client;
  rows<T = Record<string, unknown>>(sql: string, args?: InValue[]): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, args?: InValue[]): Promise<T>;
  close(): void;
}

export const openDb = (server: RunningServer): Db => {
  const client = createClient({ url: server.databaseUrl });
  const rows = async <T,>(sql: string, args: InValue[] = []) => (await client.execute({ sql, args })).rows as unknown as T[];
  return {
    client,
    rows,
    async one<T>(sql: string, args: InValue[] = []) {
      const [row] = await rows<T>(sql, args);
      if (!row) throw new Error(`no row for: ${sql} ${JSON.stringify(args)}`);
      return row;
    },
    close: () => client.close(),
  };
};

export const clientIdOf = async (db: Db, ref: string): Promise<string> =>
  (await db.one<{ id: string }>('select id from clients where external_ref = ?', [ref])).id;

/** The demo class session that starts about an hour after the server started: its id and code. */
export const todaysSession = (db: Db) =>
  db.one<{ id: string; checkin_code: string; starts_at: number }>(
    'select id, checkin_code, starts_at from class_sessions where starts_at > ? order by starts_at limit 1',
    [Date.now()],
  );

/** Sets an agency rule (the admin's setting), merged into the agency's settings JSON. */
export const setAgencyRule = async (db: Db, rule: Record<string, number>): Promise<void> => {
  const agency = await db.one<{ id: string; settings: string }>('select id, settings from agencies limit 1');
  const next = { ...(JSON.parse(agency.settings || '{}') as object), ...rule };
  await db.client.execute({ sql: 'update agencies set settings = ? where id = ?', args: [JSON.stringify(next), agency.id] });
};

/** A caseworker's one-time sign-in link for a demo client, made by the real use case. */
export const makeInvitation = async (server: RunningServer, ref: string): Promise<string> => {
  const db = await openLibsql({ url: server.databaseUrl, migrationsFolder: join(ROOT, 'migrations') });
  try {
    const client = await db.client.execute({ sql: 'select id, agency_id, staff_id from clients where external_ref = ?', args: [ref] });
    const row = client.rows[0] as unknown as { id: string; agency_id: string; staff_id: string };
    const deps = { store: db.store, clock: systemClock(), ids: randomIds(), t: createTranslator(), blobs: memoryBlobStore() };
    const actor = { type: 'staff' as const, agencyId: row.agency_id, staffId: row.staff_id, door: 'slack' as const };
    const r = await createInvitation(deps, actor, { clientId: row.id });
    if (!r.ok) throw new Error(`could not make an invitation: ${r.code}`);
    return r.value.path;
  } finally {
    db.close();
  }
};

/** Imports an appointments CSV through the admin CLI, against the server's own database. */
export const importAppointments = async (server: RunningServer, csv: string): Promise<string> => {
  const file = join(server.dir, `appointments-${Date.now()}.csv`);
  writeFileSync(file, csv);
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import-appointments', file], {
    cwd: ROOT,
    env: { ...process.env, ...server.env },
  });
  return stdout + stderr;
};

/** `YYYY-MM-DD HH:MM` on the wall clock of a time zone, as the appointments file takes it. */
export const wallClock = (at: number, timeZone: string): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};
