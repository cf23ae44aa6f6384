import { and, asc, desc, eq, getTableColumns, inArray, isNull, lte, lt, or, sql } from 'drizzle-orm';
import type { DevOutboxRepo, InboundRepo, OutboxRepo, AuditRepo } from '../../ports/store.ts';
import { auditLog, devMessages, inboundEvents, outbox } from '../schema.ts';
import { write, type Db } from '../types.ts';

export const outboxRepo = (db: Db): OutboxRepo => ({
  insert: (row) => write(db.insert(outbox).values(row)),
  insertIfAbsent: (row) => write(db.insert(outbox).values(row).onConflictDoNothing()),
  cancelPending: (s, keyPrefix, reason) =>
    write(
      db
        .update(outbox)
        .set({ status: 'cancelled', lockedUntil: null, lastError: reason })
        .where(
          and(
            eq(outbox.agencyId, s.agencyId),
            eq(outbox.status, 'pending'),
            // a prefix match on the unique key's index: LIKE with the wildcards of the prefix escaped
            sql`${outbox.idempotencyKey} LIKE ${keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'} ESCAPE '\\'`,
          ),
        ),
    ),
  async get(id) {
    return (await db.select().from(outbox).where(eq(outbox.id, id)).get()) ?? null;
  },
  async claimDue(now, limit, leaseMs) {
    // Crisis help to a client and crisis alerts to staff go before everything else that is due:
    // a morning's flood of reminders must never stand between a client in danger and help.
    const urgent = sql<number>`(${outbox.template} LIKE 'crisis.%' OR ${outbox.template} LIKE 'staff.crisis%')`;
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          or(eq(outbox.status, 'pending'), eq(outbox.status, 'sending')),
          lte(outbox.nextAttemptAt, now),
          or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now)),
        ),
      )
      .orderBy(desc(urgent), asc(outbox.nextAttemptAt), asc(sql`${outbox}.rowid`))
      .limit(limit);
    // One statement: SQLite evaluates the choice and the lease under the same write lock.
    const rows = await db
      .update(outbox)
      .set({ status: 'sending', lockedUntil: now + leaseMs, attempts: sql`${outbox.attempts} + 1` })
      .where(
        and(
          inArray(outbox.id, due),
          or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now)),
        ),
      )
      .returning({ ...getTableColumns(outbox), seq: sql<number>`rowid`, urgent })
      .all();
    // Crisis first, then due first; rows queued in the same millisecond (a bot's two replies) in the order they were written.
    return rows
      .sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.nextAttemptAt - b.nextAttemptAt || a.seq - b.seq)
      .map(({ seq: _seq, urgent: _urgent, ...row }) => row);
  },
  async markSent(id, externalId, sender, now) {
    await db
      .update(outbox)
      .set({ status: 'sent', externalId, sender, sentAt: now, lockedUntil: null, lastError: null })
      .where(eq(outbox.id, id))
      .run();
  },
  async markRetry(id, nextAttemptAt, error) {
    await db
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 500) })
      .where(eq(outbox.id, id))
      .run();
  },
  async markCancelled(id, reason, now) {
    await db
      .update(outbox)
      .set({ status: 'cancelled', lockedUntil: null, lastError: reason.slice(0, 500), nextAttemptAt: now })
      .where(eq(outbox.id, id))
      .run();
  },
  async defer(id, until) {
    // Not an attempt: the claim that counted one is given back.
    await db
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: until, lockedUntil: null, attempts: sql`max(${outbox.attempts} - 1, 0)` })
      .where(eq(outbox.id, id))
      .run();
  },
  async markDead(id, error, now) {
    await db
      .update(outbox)
      .set({ status: 'dead', lockedUntil: null, lastError: error.slice(0, 500), nextAttemptAt: now })
      .where(eq(outbox.id, id))
      .run();
  },
  async list(s, opts = {}) {
    const scope = eq(outbox.agencyId, s.agencyId);
    return db
      .select()
      .from(outbox)
      .where(opts.status ? and(scope, eq(outbox.status, opts.status)) : scope)
      .orderBy(desc(outbox.createdAt), desc(sql`${outbox}.rowid`))
      .limit(opts.limit ?? 200)
      .all();
  },
});

export const inboundRepo = (db: Db): InboundRepo => ({
  async seen(source, externalId) {
    const row = await db
      .select({ id: inboundEvents.id })
      .from(inboundEvents)
      .where(and(eq(inboundEvents.source, source), eq(inboundEvents.externalId, externalId)))
      .get();
    return row !== undefined;
  },
  insert: (row) => write(db.insert(inboundEvents).values(row)),
});

export const auditRepo = (db: Db): AuditRepo => ({
  insert: (row) => write(db.insert(auditLog).values(row)),
  async listForClient(s, clientId, limit = 500) {
    return db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, s.agencyId), eq(auditLog.clientId, clientId)))
      .orderBy(desc(auditLog.at), desc(sql`${auditLog}.rowid`))
      .limit(limit)
      .all();
  },
});

export const devOutboxRepo = (db: Db): DevOutboxRepo => ({
  async record(row) {
    const inserted = await db.insert(devMessages).values(row).onConflictDoNothing().returning({ id: devMessages.id }).all();
    return inserted.length > 0;
  },
  async list(limit = 500) {
    const rows = await db
      .select({ m: devMessages, status: outbox.status })
      .from(devMessages)
      .leftJoin(outbox, eq(outbox.id, devMessages.outboxId))
      .orderBy(desc(devMessages.createdAt), desc(sql`${devMessages}.rowid`))
      .limit(limit)
      .all();
    return rows.map(({ m, status }) => ({
      id: m.outboxId,
      outboxId: m.outboxId,
      channel: m.channel,
      to: m.toAddress,
      clientId: m.clientId,
      text: m.text,
      payload: m.payload,
      status: status ?? 'sent',
      createdAt: m.createdAt,
    }));
  },
});
