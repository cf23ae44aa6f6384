import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencyId, createdAt, id } from './columns.ts';

/**
 * What the scheduler did about one moment of one subject for one channel: a reminder queued (with
 * its outbox row) or skipped (and why). The unique key is the promise "at most once per
 * (subject, offset, channel)": two scheduler runs at once, or a run after a crash, insert nothing
 * twice. Also used for follow-ups (missed appointment, unanswered message, digest…), each with its
 * own `kind`.
 */
export const reminders = sqliteTable(
  'reminders',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id'),
    staffId: text('staff_id'),
    /** appointment | session | document | missed | unanswered | unreachable | digest | attendance */
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    /** which moment: 'm1440' (a day before), 'due-3d', 'overdue-2', a date for digests… */
    offsetKey: text('offset_key').notNull(),
    channel: text('channel').notNull(),
    /** the moment it was meant for, and when it was (or would have been) sent */
    dueAt: integer('due_at').notNull(),
    sendAt: integer('send_at').notNull(),
    status: text('status', { enum: ['queued', 'skipped'] }).notNull(),
    /** why it was skipped: late, quiet_hours, no_channel, paused… */
    reason: text('reason'),
    outboxId: text('outbox_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('reminders_once_uq').on(t.agencyId, t.kind, t.subjectId, t.offsetKey, t.channel),
    index('reminders_client_idx').on(t.clientId),
  ],
);

/**
 * A client's message that matched a crisis phrase. The caseworker is alerted at once; until someone
 * acknowledges it, the alert escalates every `crisisEscalationMinutes` (level 1: on-call staff,
 * level 2 and after: every supervisor and the whole channel).
 */
export const crisisAlerts = sqliteTable(
  'crisis_alerts',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id').notNull(),
    messageId: text('message_id'),
    channel: text('channel').notNull(),
    /** self_harm | violence | child_danger — never the words themselves */
    category: text('category').notNull(),
    level: integer('level').notNull().default(0),
    nextEscalationAt: integer('next_escalation_at'),
    acknowledgedAt: integer('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    /** the Slack message of the alert (channel, ts), to update it when acknowledged */
    slackChannel: text('slack_channel'),
    slackTs: text('slack_ts'),
    createdAt: createdAt(),
  },
  (t) => [index('crisis_alerts_open_idx').on(t.acknowledgedAt, t.nextEscalationAt), index('crisis_alerts_client_idx').on(t.clientId, t.createdAt)],
);
