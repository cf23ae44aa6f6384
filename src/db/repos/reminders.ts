import { and, desc, eq, inArray } from 'drizzle-orm';
import type { ReminderRepo } from '../../ports/reminders.ts';
import { reminders } from '../schema.ts';
import { write, type Db } from '../types.ts';

/** SQLite's limit on bound parameters is generous, D1's is 100 per statement: query in chunks. */
const CHUNK = 90;

export const reminderRepo = (db: Db): ReminderRepo => ({
  insertIfAbsent: (row) => write(db.insert(reminders).values(row).onConflictDoNothing()),
  async listForSubjects(s, kind, subjectIds) {
    const out = [];
    for (let i = 0; i < subjectIds.length; i += CHUNK) {
      const ids = subjectIds.slice(i, i + CHUNK);
      out.push(
        ...(await db
          .select()
          .from(reminders)
          .where(and(eq(reminders.agencyId, s.agencyId), eq(reminders.kind, kind), inArray(reminders.subjectId, ids)))
          .all()),
      );
    }
    return out as Awaited<ReturnType<ReminderRepo['listForSubjects']>>;
  },
  async listForClient(s, clientId, limit = 200) {
    return (await db
      .select()
      .from(reminders)
      .where(and(eq(reminders.agencyId, s.agencyId), eq(reminders.clientId, clientId)))
      .orderBy(desc(reminders.createdAt))
      .limit(limit)
      .all()) as Awaited<ReturnType<ReminderRepo['listForClient']>>;
  },
});
