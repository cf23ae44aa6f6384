import { and, eq } from 'drizzle-orm';
import type { SmsOptOutRepo } from '../../ports/sms.ts';
import { smsOptOuts } from '../schema.ts';
import { write, type Db } from '../types.ts';

const key = (agencyId: string, phone: string) => and(eq(smsOptOuts.agencyId, agencyId), eq(smsOptOuts.phone, phone));

export const smsOptOutRepo = (db: Db): SmsOptOutRepo => ({
  async get(s, phone) {
    return (await db.select().from(smsOptOuts).where(key(s.agencyId, phone)).get()) ?? null;
  },
  optOut: (row) =>
    write(
      db
        .insert(smsOptOuts)
        .values({ ...row, optedInAt: null })
        .onConflictDoUpdate({ target: [smsOptOuts.agencyId, smsOptOuts.phone], set: { optedOutAt: row.optedOutAt, source: row.source, optedInAt: null } }),
    ),
  optIn: (s, phone, at) => write(db.update(smsOptOuts).set({ optedInAt: at }).where(key(s.agencyId, phone))),
});
