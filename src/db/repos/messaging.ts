import { and, desc, eq } from 'drizzle-orm';
import type { ConversationRepo, MessageRepo } from '../../ports/store.ts';
import { conversations, messages } from '../schema.ts';
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
  touch: (s, id, patch) =>
    write(
      db
        .update(conversations)
        .set(patch)
        .where(and(eq(conversations.agencyId, s.agencyId), eq(conversations.id, id))),
    ),
});

export const messageRepo = (db: Db): MessageRepo => ({
  async listForClient(s, clientId, opts = {}) {
    const scope = and(eq(messages.agencyId, s.agencyId), eq(messages.clientId, clientId));
    const where = opts.includeInternal ? scope : and(scope, eq(messages.internal, false));
    // newest N, shown oldest first
    const rows = await db
      .select()
      .from(messages)
      .where(where)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(opts.limit ?? 200)
      .all();
    return rows.reverse();
  },
  insert: (row) => write(db.insert(messages).values(row)),
});

