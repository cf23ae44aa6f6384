import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { AuthStore } from '../../ports/auth-store.ts';
import { invitations, portalSessions, rateLimits, signinCodes, telegramLinks } from '../schema.ts';
import { write, type Db } from '../types.ts';
import { conditionGuard } from '../guard.ts';

export const authRepos = (db: Db): AuthStore => ({
  sessions: {
    async get(id) {
      const row = await db.select().from(portalSessions).where(eq(portalSessions.id, id)).get();
      return row ? { ...row, method: row.method === 'invitation' ? 'invitation' : 'code' } : null;
    },
    insert: (row) => write(db.insert(portalSessions).values(row)),
    async touch(id, at) {
      await db
        .update(portalSessions)
        .set({ lastSeenAt: at })
        .where(and(eq(portalSessions.id, id), lt(portalSessions.lastSeenAt, at)))
        .run();
    },
    delete: (id) => write(db.delete(portalSessions).where(eq(portalSessions.id, id))),
    deleteForClient: (s, clientId) =>
      write(db.delete(portalSessions).where(and(eq(portalSessions.agencyId, s.agencyId), eq(portalSessions.clientId, clientId)))),
  },
  signInCodes: {
    async latestOpen(phone, now) {
      return (
        (await db
          .select()
          .from(signinCodes)
          .where(and(eq(signinCodes.phone, phone), isNull(signinCodes.consumedAt), gt(signinCodes.expiresAt, now)))
          .orderBy(desc(signinCodes.createdAt))
          .limit(1)
          .get()) ?? null
      );
    },
    insert: (row) => write(db.insert(signinCodes).values(row)),
    async tryAttempt(id, maxAttempts) {
      const rows = await db
        .update(signinCodes)
        .set({ attempts: sql`${signinCodes.attempts} + 1` })
        .where(and(eq(signinCodes.id, id), lt(signinCodes.attempts, maxAttempts), isNull(signinCodes.consumedAt)))
        .returning({ attempts: signinCodes.attempts })
        .all();
      return rows.length === 1;
    },
    consume: (id, at) => [
      conditionGuard(db, 'signin_code_unused', sql`SELECT count(*) FROM ${signinCodes} WHERE id = ${id} AND consumed_at IS NULL`),
      write(db.update(signinCodes).set({ consumedAt: at }).where(eq(signinCodes.id, id))),
    ],
    closeOpen: (phone, at) =>
      write(db.update(signinCodes).set({ consumedAt: at }).where(and(eq(signinCodes.phone, phone), isNull(signinCodes.consumedAt)))),
  },
  invitations: {
    async get(id) {
      return (await db.select().from(invitations).where(eq(invitations.id, id)).get()) ?? null;
    },
    insert: (row) => write(db.insert(invitations).values(row)),
    consume: (id, at) => [
      conditionGuard(db, 'invitation_unused', sql`SELECT count(*) FROM ${invitations} WHERE id = ${id} AND consumed_at IS NULL`),
      write(db.update(invitations).set({ consumedAt: at }).where(eq(invitations.id, id))),
    ],
  },
  telegramLinks: {
    async get(id) {
      return (await db.select().from(telegramLinks).where(eq(telegramLinks.id, id)).get()) ?? null;
    },
    insert: (row) => write(db.insert(telegramLinks).values(row)),
    consume: (id, at) => [
      conditionGuard(db, 'telegram_link_unused', sql`SELECT count(*) FROM ${telegramLinks} WHERE id = ${id} AND consumed_at IS NULL`),
      write(db.update(telegramLinks).set({ consumedAt: at }).where(eq(telegramLinks.id, id))),
    ],
  },
  rateLimits: {
    async hit(key, now, windowMs) {
      const fresh = now - windowMs;
      const [row] = await db
        .insert(rateLimits)
        .values({ key, windowStart: now, count: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`CASE WHEN ${rateLimits.windowStart} <= ${fresh} THEN 1 ELSE ${rateLimits.count} + 1 END`,
            windowStart: sql`CASE WHEN ${rateLimits.windowStart} <= ${fresh} THEN ${now} ELSE ${rateLimits.windowStart} END`,
          },
        })
        .returning({ count: rateLimits.count })
        .all();
      return row?.count ?? 1;
    },
  },
});
