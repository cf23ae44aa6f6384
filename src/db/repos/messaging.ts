import { and, isNull, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { ConversationRepo, MessageRepo } from '../../ports/store.ts';
import { conversations, messages, outbox } from '../schema.ts';
import { write, type Db } from '../types.ts';

export const conversationRepo = (db: Db): ConversationRepo => ({
  async forClient(s, clientId) {
    return (
      (await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.agencyId, s.agencyId), eq(conversations.clientId, clientId)))
        .get()) ?? null
    );
  },
  insert: (row) => write(db.insert(conversations).values(row)),
  async bySlackThread(s, thread, defaultChannel) {
    const inChannel = eq(conversations.slackChannel, thread.channel);
    const channel = thread.channel === defaultChannel ? or(inChannel, isNull(conversations.slackChannel)) : inChannel;
    return (
      (await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.agencyId, s.agencyId), eq(conversations.slackThreadTs, thread.threadTs), channel))
        // the one recorded with this very channel first (a ts is unique only within its channel)
        .orderBy(sql`${conversations.slackChannel} is null`)
        .get()) ?? null
    );
  },
  async claimSlackThread(s, id, thread) {
    const mine = and(eq(conversations.agencyId, s.agencyId), eq(conversations.id, id));
    await db
      .update(conversations)
      .set({ slackThreadTs: thread.threadTs, slackChannel: thread.channel })
      .where(and(mine, isNull(conversations.slackThreadTs)))
      .run();
    const standing = await db.select({ threadTs: conversations.slackThreadTs, channel: conversations.slackChannel }).from(conversations).where(mine).get();
    return standing?.threadTs ? { threadTs: standing.threadTs, channel: standing.channel } : null;
  },
  async moveSlackThread(s, id, from, to) {
    const mine = and(eq(conversations.agencyId, s.agencyId), eq(conversations.id, id));
    const wasThere = from.channel === null ? isNull(conversations.slackChannel) : eq(conversations.slackChannel, from.channel);
    await db
      .update(conversations)
      .set({ slackThreadTs: to.threadTs, slackChannel: to.channel })
      .where(and(mine, eq(conversations.slackThreadTs, from.threadTs), wasThere))
      .run();
    const standing = await db.select({ threadTs: conversations.slackThreadTs, channel: conversations.slackChannel }).from(conversations).where(mine).get();
    return standing?.threadTs ? { threadTs: standing.threadTs, channel: standing.channel } : null;
  },
  touch: (s, id, patch) =>
    write(
      db
        .update(conversations)
        .set(patch)
        .where(and(eq(conversations.agencyId, s.agencyId), eq(conversations.id, id))),
    ),
});

const clientScope = (agencyId: string, clientId: string, includeInternal?: boolean) => {
  const scope = and(eq(messages.agencyId, agencyId), eq(messages.clientId, clientId));
  return includeInternal ? scope : and(scope, eq(messages.internal, false));
};

export const messageRepo = (db: Db): MessageRepo => ({
  async listForClient(s, clientId, opts = {}) {
    // newest N, shown oldest first
    const rows = await db
      .select()
      .from(messages)
      .where(clientScope(s.agencyId, clientId, opts.includeInternal))
      .orderBy(desc(messages.createdAt), desc(sql`${messages}.rowid`))
      .limit(opts.limit ?? 200)
      .all();
    return rows.reverse();
  },
  async listWithDelivery(s, clientId, opts = {}) {
    const rows = await db
      .select({
        m: messages,
        status: outbox.status,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
        sentAt: outbox.sentAt,
      })
      .from(messages)
      .leftJoin(outbox, and(eq(outbox.id, messages.outboxId), eq(outbox.agencyId, messages.agencyId)))
      .where(clientScope(s.agencyId, clientId, opts.includeInternal))
      .orderBy(desc(messages.createdAt), desc(sql`${messages}.rowid`))
      .limit(opts.limit ?? 200)
      .all();
    return rows.reverse().map(({ m, status, attempts, lastError, sentAt }) => ({
      message: m,
      delivery: status === null ? null : { status, attempts: attempts ?? 0, lastError, sentAt },
    }));
  },
  insert: (row) => write(db.insert(messages).values(row)),
  settleByOutbox: (s, outboxId, status) =>
    write(
      db
        .update(messages)
        .set({ status })
        .where(
          and(
            eq(messages.agencyId, s.agencyId),
            eq(messages.outboxId, outboxId),
            eq(messages.direction, 'out'),
            // a sent message never goes back to failed; a failed one may still be sent after a requeue
            inArray(messages.status, status === 'sent' ? ['queued', 'failed'] : ['queued']),
          ),
        ),
    ),
});
