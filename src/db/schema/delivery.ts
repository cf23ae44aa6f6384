import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencyId, createdAt, id } from './columns.ts';

export const outbox = sqliteTable(
  'outbox',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id'),
    staffId: text('staff_id'),
    channel: text('channel', { enum: ['sms', 'telegram', 'slack'] }).notNull(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    text: text('text').notNull(),
    /** JSON: channel-neutral extras (reply options, links, thread) */
    payload: text('payload').notNull().default('{}'),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'dead', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lockedUntil: integer('locked_until'),
    lastError: text('last_error'),
    externalId: text('external_id'),
    sender: text('sender'),
    createdAt: createdAt(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_uq').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_client_idx').on(t.clientId),
  ],
);

/** What the dev channel sender "delivered": the demo's view of every outgoing message. */
export const devMessages = sqliteTable(
  'dev_messages',
  {
    id: id(),
    agencyId: agencyId(),
    outboxId: text('outbox_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    channel: text('channel').notNull(),
    toAddress: text('to_address').notNull(),
    clientId: text('client_id'),
    text: text('text').notNull(),
    payload: text('payload').notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dev_messages_idempotency_uq').on(t.idempotencyKey)],
);

export const inboundEvents = sqliteTable(
  'inbound_events',
  {
    id: id(),
    agencyId: agencyId(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [uniqueIndex('inbound_events_uq').on(t.source, t.externalId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    agencyId: agencyId(),
    actorType: text('actor_type', { enum: ['client', 'staff', 'admin', 'system'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    clientId: text('client_id'),
    channel: text('channel').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('audit_client_idx').on(t.clientId, t.at), index('audit_agency_idx').on(t.agencyId, t.at)],
);

/**
 * Never holds a row: an insert with ok = 0 aborts the whole atomic batch (see the trigger in the
 * guard migration). This is how a batch on D1, which has no interactive transactions, still
 * refuses to apply a change whose precondition (a row version) no longer holds.
 */
export const commitGuards = sqliteTable('commit_guards', {
  name: text('name').notNull(),
  ok: integer('ok').notNull(),
});

/**
 * A channel sender's own record of what the provider accepted, per idempotency key: providers
 * such as Telegram and Twilio do not deduplicate, so a resend after a crash checks here first.
 */
export const channelDeliveries = sqliteTable(
  'channel_deliveries',
  {
    idempotencyKey: text('idempotency_key').primaryKey(),
    channel: text('channel').notNull(),
    externalId: text('external_id'),
    sentAt: integer('sent_at').notNull(),
    /** what the provider last reported (Twilio: queued → sent → delivered | undelivered | failed) */
    providerStatus: text('provider_status'),
    providerError: text('provider_error'),
    statusAt: integer('status_at'),
  },
  (t) => [index('channel_deliveries_external_idx').on(t.channel, t.externalId)],
);
