import { and, asc, eq, getTableColumns, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { ConversationStateRepo, InboxRepo } from '../../ports/inbox.ts';
import { conversationStates, inbox } from '../schema.ts';
import { write, type Db } from '../types.ts';

export const inboxRepo = (db: Db): InboxRepo => ({
  insert: (row) => write(db.insert(inbox).values({ ...row, status: 'pending', attempts: 0, nextAttemptAt: row.receivedAt })),
  async get(source, externalId) {
    return (await db.select().from(inbox).where(and(eq(inbox.source, source), eq(inbox.externalId, externalId))).get()) ?? null;
  },
  async claimDue(now, limit, leaseMs) {
    const free = or(isNull(inbox.lockedUntil), lt(inbox.lockedUntil, now));
    const due = db
      .select({ id: inbox.id })
      .from(inbox)
      .where(and(eq(inbox.status, 'pending'), lte(inbox.nextAttemptAt, now), free))
      .orderBy(asc(inbox.nextAttemptAt), asc(sql`${inbox}.rowid`))
      .limit(limit);
    // One statement: the choice and the lease happen under the same write lock.
    const rows = await db
      .update(inbox)
      .set({ lockedUntil: now + leaseMs, attempts: sql`${inbox.attempts} + 1` })
      .where(and(inArray(inbox.id, due), free))
      .returning({ ...getTableColumns(inbox), seq: sql<number>`rowid` })
      .all();
    return rows
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.seq - b.seq)
      .map(({ seq: _seq, ...row }) => row);
  },
  async markDone(id, now) {
    await db.update(inbox).set({ status: 'done', payload: '', handledAt: now, lockedUntil: null, lastError: null }).where(eq(inbox.id, id)).run();
  },
  async markRetry(id, nextAttemptAt, error) {
    await db.update(inbox).set({ nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 500) }).where(eq(inbox.id, id)).run();
  },
  async markDead(id, error, now) {
    await db.update(inbox).set({ status: 'dead', lockedUntil: null, lastError: error.slice(0, 500), handledAt: now }).where(eq(inbox.id, id)).run();
  },
});

const stateKey = (agencyId: string, channel: 'telegram' | 'sms', address: string) =>
  and(eq(conversationStates.agencyId, agencyId), eq(conversationStates.channel, channel), eq(conversationStates.address, address));

export const conversationStateRepo = (db: Db): ConversationStateRepo => ({
  async get(s, channel, address, now) {
    return (await db.select().from(conversationStates).where(and(stateKey(s.agencyId, channel, address), gt(conversationStates.expiresAt, now))).get()) ?? null;
  },
  put: (row) =>
    write(
      db
        .insert(conversationStates)
        .values(row)
        .onConflictDoUpdate({
          target: [conversationStates.agencyId, conversationStates.channel, conversationStates.address],
          set: { clientId: row.clientId, kind: row.kind, data: row.data, expiresAt: row.expiresAt, updatedAt: row.updatedAt },
        }),
    ),
  clear: (s, channel, address) => write(db.delete(conversationStates).where(stateKey(s.agencyId, channel, address))),
});
