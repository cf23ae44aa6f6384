import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencyId, createdAt, id } from './columns.ts';
import { providers, staff } from './agency.ts';
import { clients } from './clients.ts';

export const appointments = sqliteTable(
  'appointments',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    staffId: text('staff_id').references(() => staff.id),
    providerId: text('provider_id').references(() => providers.id),
    externalRef: text('external_ref'),
    kind: text('kind').notNull(),
    startsAt: integer('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    location: text('location'),
    videoUrl: text('video_url'),
    whatToBring: text('what_to_bring'),
    status: text('status', {
      enum: ['scheduled', 'confirmed', 'reschedule_requested', 'rescheduled', 'cancelled', 'attended', 'missed'],
    }).notNull(),
    /** status to return to when a reschedule request is declined */
    statusBeforeRequest: text('status_before_request'),
    requestedStartsAt: integer('requested_starts_at'),
    rescheduleCount: integer('reschedule_count').notNull().default(0),
    cancelReason: text('cancel_reason'),
    confirmedAt: integer('confirmed_at'),
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('appointments_client_idx').on(t.clientId, t.startsAt),
    // the scheduler's scans: what starts (or ended) in a window, agency by agency
    index('appointments_agency_start_idx').on(t.agencyId, t.startsAt),
    index('appointments_staff_idx').on(t.staffId, t.startsAt),
    uniqueIndex('appointments_external_ref_uq').on(t.agencyId, t.externalRef),
  ],
);
