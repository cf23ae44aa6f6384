import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { CrisisAlert, CrisisRepo } from '../../ports/crisis.ts';
import type { Scope } from '../../ports/store.ts';
import { conditionGuard } from '../guard.ts';
import { crisisAlerts } from '../schema.ts';
import { itemsOf, write, type Db } from '../types.ts';

/** The columns hold what the port says: only its values are ever written. */
const alertOf = (r: typeof crisisAlerts.$inferSelect): CrisisAlert => r as CrisisAlert;

const mine = (s: Scope, id: string) => and(eq(crisisAlerts.agencyId, s.agencyId), eq(crisisAlerts.id, id));

export const crisisRepo = (db: Db): CrisisRepo => {
  /** Aborts the batch unless the alert is still unacknowledged (at `level`, when given). */
  const open = (s: Scope, id: string, level?: number) =>
    itemsOf(
      conditionGuard(
        db,
        level === undefined ? 'crisis_unacknowledged' : 'crisis_level',
        sql`SELECT count(*) FROM ${crisisAlerts} WHERE agency_id = ${s.agencyId} AND id = ${id} AND acknowledged_at IS NULL${
          level === undefined ? sql`` : sql` AND level = ${level}`
        }`,
      ),
    );
  return {
    insert: (row) => write(db.insert(crisisAlerts).values(row)),
    async get(s, id) {
      const row = await db.select().from(crisisAlerts).where(mine(s, id)).get();
      return row ? alertOf(row) : null;
    },
    async listDue(s, now) {
      const rows = await db
        .select()
        .from(crisisAlerts)
        .where(and(eq(crisisAlerts.agencyId, s.agencyId), isNull(crisisAlerts.acknowledgedAt), lte(crisisAlerts.nextEscalationAt, now)))
        .orderBy(asc(crisisAlerts.createdAt))
        .all();
      return rows.map(alertOf);
    },
    acknowledge: (s, id, staffId, at) =>
      write(
        ...open(s, id),
        db
          .update(crisisAlerts)
          .set({ acknowledgedAt: at, acknowledgedBy: staffId, nextEscalationAt: null })
          .where(and(mine(s, id), isNull(crisisAlerts.acknowledgedAt))),
      ),
    escalate: (s, id, fromLevel, nextAt) =>
      write(
        ...open(s, id, fromLevel),
        db
          .update(crisisAlerts)
          .set({ level: fromLevel + 1, nextEscalationAt: nextAt })
          .where(and(mine(s, id), isNull(crisisAlerts.acknowledgedAt), eq(crisisAlerts.level, fromLevel))),
      ),
    setSlackMessage: (s, id, channel, ts) => write(db.update(crisisAlerts).set({ slackChannel: channel, slackTs: ts }).where(mine(s, id))),
    async listForClient(s, clientId, limit = 50) {
      const rows = await db
        .select()
        .from(crisisAlerts)
        .where(and(eq(crisisAlerts.agencyId, s.agencyId), eq(crisisAlerts.clientId, clientId)))
        .orderBy(desc(crisisAlerts.createdAt))
        .limit(limit)
        .all();
      return rows.map(alertOf);
    },
  };
};
