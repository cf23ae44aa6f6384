import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencyId } from './columns.ts';

/**
 * Numbers that texted STOP (or that the provider reported as opted out, Twilio's 21610): nothing
 * but the confirmation is sent to them until they text START. Kept per number, not per client, so
 * a shared phone is respected whoever it belongs to in our records.
 */
export const smsOptOuts = sqliteTable(
  'sms_opt_outs',
  {
    agencyId: agencyId(),
    /** E.164 */
    phone: text('phone').notNull(),
    optedOutAt: integer('opted_out_at').notNull(),
    /** 'keyword' (the person texted a stop word) or 'provider' (the carrier/provider said so) */
    source: text('source', { enum: ['keyword', 'provider'] }).notNull(),
    /** set when the number texted START again; the row is the record of both */
    optedInAt: integer('opted_in_at'),
  },
  (t) => [uniqueIndex('sms_opt_outs_uq').on(t.agencyId, t.phone)],
);
