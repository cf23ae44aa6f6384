import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencyId, createdAt, id } from './columns.ts';
import { staff } from './agency.ts';
import { clients } from './clients.ts';

export const classes = sqliteTable(
  'classes',
  {
    id: id(),
    agencyId: agencyId(),
    staffId: text('staff_id').references(() => staff.id),
    title: text('title').notNull(),
    description: text('description'),
    location: text('location'),
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('classes_agency_idx').on(t.agencyId)],
);

export const classSessions = sqliteTable(
  'class_sessions',
  {
    id: id(),
    agencyId: agencyId(),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    location: text('location'),
    checkinCode: text('checkin_code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('class_sessions_class_idx').on(t.classId, t.startsAt), index('class_sessions_agency_start_idx').on(t.agencyId, t.startsAt)],
);

export const enrollments = sqliteTable(
  'enrollments',
  {
    id: id(),
    agencyId: agencyId(),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    status: text('status', { enum: ['active', 'withdrawn', 'completed'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('enrollments_uq').on(t.classId, t.clientId), index('enrollments_client_idx').on(t.clientId)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    id: id(),
    agencyId: agencyId(),
    sessionId: text('session_id')
      .notNull()
      .references(() => classSessions.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    rsvp: text('rsvp', { enum: ['yes', 'no'] }),
    rsvpAt: integer('rsvp_at'),
    checkedInAt: integer('checked_in_at'),
    checkinMethod: text('checkin_method', { enum: ['code', 'staff'] }),
    /** staff's own marking: attended or absent */
    staffMark: text('staff_mark', { enum: ['attended', 'absent'] }),
    markedBy: text('marked_by'),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('attendance_uq').on(t.sessionId, t.clientId), index('attendance_client_idx').on(t.clientId)],
);
