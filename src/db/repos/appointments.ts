import { and, asc, eq, gte, lt, or } from 'drizzle-orm';
import type { AppointmentRepo } from '../../ports/store.ts';
import { DAY } from '../../domain/time.ts';
import { versionGuard } from '../guard.ts';
import { appointments } from '../schema.ts';
import { write, type Db } from '../types.ts';

export const appointmentRepo = (db: Db): AppointmentRepo => ({
  async getForClient(s, clientId, id) {
    return (
      (await db
        .select()
        .from(appointments)
        .where(and(eq(appointments.agencyId, s.agencyId), eq(appointments.clientId, clientId), eq(appointments.id, id)))
        .get()) ?? null
    );
  },
  async get(s, id) {
    return (
      (await db
        .select()
        .from(appointments)
        .where(and(eq(appointments.agencyId, s.agencyId), eq(appointments.id, id)))
        .get()) ?? null
    );
  },
  async getByExternalRef(s, ref) {
    return (
      (await db
        .select()
        .from(appointments)
        .where(and(eq(appointments.agencyId, s.agencyId), eq(appointments.externalRef, ref)))
        .get()) ?? null
    );
  },
  async listForClient(s, clientId) {
    return db
      .select()
      .from(appointments)
      .where(and(eq(appointments.agencyId, s.agencyId), eq(appointments.clientId, clientId)))
      .orderBy(asc(appointments.startsAt))
      .all();
  },
  async listForStaffBetween(s, staffId, from, to) {
    // Appointments last less than a day: a window widened by a day finds every overlap,
    // including requested (held) times of pending reschedule requests.
    const rows = await db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.agencyId, s.agencyId),
          eq(appointments.staffId, staffId),
          or(
            and(gte(appointments.startsAt, from - DAY), lt(appointments.startsAt, to)),
            and(gte(appointments.requestedStartsAt, from - DAY), lt(appointments.requestedStartsAt, to)),
          ),
        ),
      )
      .orderBy(asc(appointments.startsAt))
      .all();
    return rows;
  },
  insert: (row) => write(db.insert(appointments).values(row)),
  update: (s, id, expectVersion, patch, now) =>
    write(
      versionGuard(db, appointments, id, expectVersion),
      db
        .update(appointments)
        .set({ ...patch, version: expectVersion + 1, updatedAt: now })
        .where(and(eq(appointments.agencyId, s.agencyId), eq(appointments.id, id), eq(appointments.version, expectVersion))),
    ),
});
