import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { agencyId, createdAt, id } from './columns.ts';
import { staff } from './agency.ts';
import { clients } from './clients.ts';

/** A signed-in portal session. The id is the SHA-256 of the cookie's token, so a copy of the
 * database holds no live session. */
export const portalSessions = sqliteTable(
  'portal_sessions',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** how the client signed in: code or invitation */
    method: text('method').notNull(),
  },
  (t) => [index('portal_sessions_client_idx').on(t.clientId)],
);

/** One-time sign-in codes, stored as hashes; 10 minutes, 5 tries, used once. */
export const signinCodes = sqliteTable(
  'signin_codes',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: integer('expires_at').notNull(),
    consumedAt: integer('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('signin_codes_phone_idx').on(t.phone, t.createdAt)],
);

/** Fixed-window counters for throttling (sign-in codes per phone and per IP, …). Not agency data. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

/** Caseworker invitation links: the token's hash, a GET shows it, only a POST uses it. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    staffId: text('staff_id').references(() => staff.id),
    expiresAt: integer('expires_at').notNull(),
    consumedAt: integer('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_client_idx').on(t.clientId)],
);

/** One-time tokens of "Connect Telegram" deep links (`/start <token>`): the hash, 15 minutes. */
export const telegramLinks = sqliteTable(
  'telegram_links',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    expiresAt: integer('expires_at').notNull(),
    consumedAt: integer('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('telegram_links_client_idx').on(t.clientId)],
);
