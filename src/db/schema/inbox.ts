import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencyId, id } from './columns.ts';

/**
 * Inbound work a webhook accepted but did not do yet (a Telegram update, later an SMS or a Slack
 * event): stored once per (source, external id) — the provider's retry finds it already there —
 * then handled by a worker, retried with backoff, and its payload cleared once handled.
 */
export const inbox = sqliteTable(
  'inbox',
  {
    id: id(),
    agencyId: agencyId(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    /** the raw body as received; '' once handled (a client's words are not kept twice) */
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'done', 'dead'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lockedUntil: integer('locked_until'),
    lastError: text('last_error'),
    receivedAt: integer('received_at').notNull(),
    handledAt: integer('handled_at'),
  },
  (t) => [uniqueIndex('inbox_source_uq').on(t.source, t.externalId), index('inbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * The question a chat or a phone number was last asked and has not answered yet ("why are you
 * cancelling?", "which request is this photo for?", "which time?"): one row per address, replaced
 * by the next question, gone once answered, ignored past its expiry.
 */
export const conversationStates = sqliteTable(
  'conversation_states',
  {
    agencyId: agencyId(),
    channel: text('channel', { enum: ['telegram', 'sms'] }).notNull(),
    address: text('address').notNull(),
    clientId: text('client_id').notNull(),
    kind: text('kind').notNull(),
    /** JSON, the kind's own shape */
    data: text('data').notNull(),
    expiresAt: integer('expires_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('conversation_states_uq').on(t.agencyId, t.channel, t.address)],
);
