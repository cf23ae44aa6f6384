import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencyId, createdAt, id } from './columns.ts';
import { staff } from './agency.ts';

export const clients = sqliteTable(
  'clients',
  {
    id: id(),
    agencyId: agencyId(),
    /** the agency's own case number, used by imports to match rows */
    externalRef: text('external_ref'),
    displayName: text('display_name').notNull(),
    language: text('language').notNull(),
    timeZone: text('time_zone').notNull(),
    staffId: text('staff_id').references(() => staff.id),
    preferredChannel: text('preferred_channel'),
    neutralWording: integer('neutral_wording', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of channel kinds the client says are safe; null = all */
    safeChannels: text('safe_channels'),
    /** minutes after local midnight; both null = no window */
    contactWindowStart: integer('contact_window_start'),
    contactWindowEnd: integer('contact_window_end'),
    pauseWord: text('pause_word'),
    /** set while the client has paused every non-crisis message (their pause word, or the portal) */
    pausedAt: integer('paused_at'),
    /** who paused: 'client:<channel>' or 'staff:<id>' */
    pausedBy: text('paused_by'),
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('clients_agency_idx').on(t.agencyId),
    index('clients_staff_idx').on(t.staffId),
    uniqueIndex('clients_external_ref_uq').on(t.agencyId, t.externalRef),
  ],
);

export const clientChannels = sqliteTable(
  'client_channels',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    kind: text('kind', { enum: ['sms', 'telegram', 'portal'] }).notNull(),
    /** E.164 phone for sms, chat id for telegram, phone for portal sign-in */
    address: text('address').notNull(),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    consentGivenAt: integer('consent_given_at'),
    consentWithdrawnAt: integer('consent_withdrawn_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('client_channels_client_idx').on(t.clientId),
    uniqueIndex('client_channels_address_uq').on(t.agencyId, t.kind, t.address),
  ],
);
