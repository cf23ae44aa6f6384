import { and, asc, eq, gte, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Millis } from '../../domain/types.ts';
import type { ClassRepo, Scope, SessionWithClass } from '../../ports/store.ts';
import { attendance, classSessions, classes, commitGuards, enrollments } from '../schema.ts';
import { write, type Db, type Item } from '../types.ts';

type Row = {
  session: typeof classSessions.$inferSelect;
  series: typeof classes.$inferSelect;
  attendance: typeof attendance.$inferSelect | null;
};
const toView = (r: Row): SessionWithClass => ({ session: r.session, series: r.series, attendance: r.attendance });

/**
 * Aborts the batch unless the attendance row of (session, client) is as it was read: absent when
 * `prev` is null, else still at `updatedAt = prev` (see versionGuard).
 */
const attendanceGuard = (db: Db, s: Scope, sessionId: string, clientId: string, prev: Millis | null): Item => {
  const same = sql`${attendance.agencyId} = ${s.agencyId} AND ${attendance.sessionId} = ${sessionId}
    AND ${attendance.clientId} = ${clientId}`;
  return db
    .insert(commitGuards)
    .select(
      prev === null
        ? sql`SELECT 'attendance', count(*) = 0 FROM ${attendance} WHERE ${same}`
        : sql`SELECT 'attendance', count(*) FROM ${attendance} WHERE ${same} AND ${attendance.updatedAt} = ${prev}`,
    );
};

export const classRepo = (db: Db): ClassRepo => ({
  async getSeries(s, id) {
    return (await db.select().from(classes).where(and(eq(classes.agencyId, s.agencyId), eq(classes.id, id))).get()) ?? null;
  },
  async getSession(s, id) {
    const row = await db
      .select({ session: classSessions, series: classes })
      .from(classSessions)
      .innerJoin(classes, eq(classes.id, classSessions.classId))
      .where(and(eq(classSessions.agencyId, s.agencyId), eq(classSessions.id, id)))
      .get();
    return row ? { ...row, attendance: null } : null;
  },
  async sessionsForClient(s, clientId, from, to) {
    const rows = await db
      .select({ session: classSessions, series: classes, attendance })
      .from(enrollments)
      .innerJoin(classes, eq(classes.id, enrollments.classId))
      .innerJoin(classSessions, eq(classSessions.classId, classes.id))
      .leftJoin(attendance, and(eq(attendance.sessionId, classSessions.id), eq(attendance.clientId, clientId)))
      .where(
        and(
          eq(enrollments.agencyId, s.agencyId),
          eq(enrollments.clientId, clientId),
          eq(enrollments.status, 'active'),
          gte(classSessions.endsAt, from),
          lt(classSessions.startsAt, to),
        ),
      )
      .orderBy(asc(classSessions.startsAt))
      .all();
    return rows.map(toView);
  },
  async enrollment(s, classId, clientId) {
    return (
      (await db
        .select()
        .from(enrollments)
        .where(and(eq(enrollments.agencyId, s.agencyId), eq(enrollments.classId, classId), eq(enrollments.clientId, clientId)))
        .get()) ?? null
    );
  },
  async enrollmentsForClient(s, clientId) {
    return db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.agencyId, s.agencyId), eq(enrollments.clientId, clientId)))
      .all();
  },
  async attendanceForClient(s, clientId) {
    const rows = await db
      .select({ session: classSessions, series: classes, attendance })
      .from(attendance)
      .innerJoin(classSessions, eq(classSessions.id, attendance.sessionId))
      .innerJoin(classes, eq(classes.id, classSessions.classId))
      .where(and(eq(attendance.agencyId, s.agencyId), eq(attendance.clientId, clientId)))
      .orderBy(asc(classSessions.startsAt))
      .all();
    return rows.map(toView);
  },
  async sessionForClient(s, clientId, sessionId) {
    const row = await db
      .select({ session: classSessions, series: classes, attendance })
      .from(classSessions)
      .innerJoin(classes, eq(classes.id, classSessions.classId))
      .leftJoin(
        attendance,
        and(eq(attendance.sessionId, classSessions.id), eq(attendance.clientId, clientId), eq(attendance.agencyId, s.agencyId)),
      )
      .where(and(eq(classSessions.agencyId, s.agencyId), eq(classSessions.id, sessionId)))
      .get();
    return row ? toView(row) : null;
  },
  async pastSessionsForClient(s, clientId, before) {
    const rows = await db
      .select({ session: classSessions, series: classes, attendance })
      .from(enrollments)
      .innerJoin(classes, eq(classes.id, enrollments.classId))
      .innerJoin(classSessions, eq(classSessions.classId, classes.id))
      .leftJoin(attendance, and(eq(attendance.sessionId, classSessions.id), eq(attendance.clientId, clientId)))
      .where(
        and(
          eq(enrollments.agencyId, s.agencyId),
          eq(enrollments.clientId, clientId),
          lt(classSessions.endsAt, before),
          or(
            isNotNull(attendance.id),
            and(ne(enrollments.status, 'withdrawn'), gte(classSessions.startsAt, enrollments.createdAt)),
          ),
        ),
      )
      .orderBy(asc(classSessions.startsAt))
      .all();
    return rows.map(toView);
  },
  putAttendance: (s, row, prev) => {
    const guard = attendanceGuard(db, s, row.sessionId, row.clientId, prev);
    if (prev === null) return write(guard, db.insert(attendance).values({ ...row, agencyId: s.agencyId }));
    const { id: _id, agencyId: _agency, sessionId, clientId, ...fields } = row;
    return write(
      guard,
      db
        .update(attendance)
        .set(fields)
        .where(and(eq(attendance.agencyId, s.agencyId), eq(attendance.sessionId, sessionId), eq(attendance.clientId, clientId))),
    );
  },
  insertSeries: (row) => write(db.insert(classes).values(row)),
  insertSession: (row) => write(db.insert(classSessions).values(row)),
  insertEnrollment: (row) => write(db.insert(enrollments).values(row)),
  upsertAttendance: (row) =>
    write(
      db
        .insert(attendance)
        .values(row)
        .onConflictDoUpdate({
          target: [attendance.sessionId, attendance.clientId],
          set: {
            rsvp: row.rsvp,
            rsvpAt: row.rsvpAt,
            checkedInAt: row.checkedInAt,
            checkinMethod: row.checkinMethod,
            staffMark: row.staffMark,
            markedBy: row.markedBy,
            verified: row.verified,
            updatedAt: row.updatedAt,
          },
        }),
    ),
});
