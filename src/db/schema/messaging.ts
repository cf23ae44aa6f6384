import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencyId, createdAt, id } from './columns.ts';
import { staff } from './agency.ts';
import { clients } from './clients.ts';

export const conversations = sqliteTable(
  'conversations',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    staffId: text('staff_id').references(() => staff.id),
    /** Slack thread of this client, set by the Slack adapter */
    slackThreadTs: text('slack_thread_ts'),
    /** the Slack channel the thread is in (null: SLACK_CHANNEL, where threads opened before per-caseworker channels) */
    slackChannel: text('slack_channel'),
    lastInboundAt: integer('last_inbound_at'),
    lastOutboundAt: integer('last_outbound_at'),
    /** when the client last opened the conversation (unread = caseworker messages after it) */
    clientReadAt: integer('client_read_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('conversations_client_uq').on(t.clientId), index('conversations_slack_thread_idx').on(t.agencyId, t.slackThreadTs), index('conversations_waiting_idx').on(t.agencyId, t.lastInboundAt)],
);

export const messages = sqliteTable(
  'messages',
  {
    id: id(),
    agencyId: agencyId(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    channel: text('channel').notNull(),
    body: text('body').notNull(),
    status: text('status', {
      enum: ['received', 'queued', 'sent', 'delivered', 'read', 'failed', 'internal'],
    }).notNull(),
    externalId: text('external_id'),
    internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
    staffId: text('staff_id'),
    outboxId: text('outbox_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_conversation_idx').on(t.conversationId, t.createdAt),
    index('messages_client_idx').on(t.clientId, t.createdAt),
    index('messages_outbox_idx').on(t.outboxId),
  ],
);
