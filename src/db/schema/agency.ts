import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencyId, createdAt, id } from './columns.ts';

export const agencies = sqliteTable('agencies', {
  id: id(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  /** JSON of AgencySettings (reschedule notice, max changes, reminder offsets, quiet hours…) */
  settings: text('settings').notNull().default('{}'),
  /** made-up data seeded by the demo: only there may the CLI move the clock or "deliver" to the dev outbox */
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

export const staff = sqliteTable(
  'staff',
  {
    id: id(),
    agencyId: agencyId(),
    name: text('name').notNull(),
    email: text('email'),
    slackUserId: text('slack_user_id'),
    /** the caseworker's own Slack channel for their clients' threads (null: SLACK_CHANNEL) */
    slackChannel: text('slack_channel'),
    timeZone: text('time_zone').notNull(),
    /** JSON WorkingHours: { days: number[] (1=Mon..7=Sun), start: minutes, end: minutes } */
    workingHours: text('working_hours').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** supervisors get crisis escalations and see every caseload */
    role: text('role', { enum: ['caseworker', 'supervisor'] }).notNull().default('caseworker'),
    /** on call for crisis escalations (the first escalation goes to them) */
    onCall: integer('on_call', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('staff_agency_idx').on(t.agencyId),
    uniqueIndex('staff_slack_user_uq').on(t.agencyId, t.slackUserId),
  ],
);

export const providers = sqliteTable(
  'providers',
  {
    id: id(),
    agencyId: agencyId(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['clinic', 'court', 'employment', 'housing', 'other'] }).notNull(),
    address: text('address'),
    phone: text('phone'),
    createdAt: createdAt(),
  },
  (t) => [index('providers_agency_idx').on(t.agencyId)],
);

/** Weekly recurring availability of a caseworker, in the caseworker's own time zone. */
export const availability = sqliteTable(
  'availability',
  {
    id: id(),
    agencyId: agencyId(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    /** ISO weekday: 1 = Monday … 7 = Sunday */
    weekday: integer('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    location: text('location'),
    createdAt: createdAt(),
  },
  (t) => [index('availability_staff_idx').on(t.staffId)],
);
