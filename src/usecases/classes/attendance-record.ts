import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Attendance, Enrollment, Millis } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { attendanceOutcome, type AttendanceOutcome } from './outcome.ts';

const inputSchema = z.object({ clientId: z.string().min(1) });

export interface SessionRecord {
  sessionId: string;
  startsAt: Millis;
  endsAt: Millis;
  location: string | null;
  rsvp: Attendance['rsvp'];
  rsvpAt: Millis | null;
  checkedInAt: Millis | null;
  checkinMethod: Attendance['checkinMethod'];
  staffMark: Attendance['staffMark'];
  outcome: AttendanceOutcome;
}

export interface ClassRecord {
  classId: string;
  title: string;
  sensitive: boolean;
  enrollment: Enrollment['status'];
  /** oldest first, as the record is read */
  sessions: SessionRecord[];
  totals: { sessions: number; attended: number; absent: number; notCheckedIn: number };
}

export interface AttendanceRecord {
  clientId: string;
  clientName: string;
  timeZone: string;
  /** sessions that ended before this instant are in the record */
  asOf: Millis;
  classes: ClassRecord[];
}

/**
 * A client's attendance record, what a court or an employer reads: per class every session that
 * has ended since the client was enrolled, what the client said (RSVP), whether and how they
 * checked in, the staff mark, and the outcome (see outcome.ts), with totals per class.
 */
export const attendanceRecord = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<AttendanceRecord, 'invalid' | 'not_found'>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const client = await loadClient(deps, actor, parsed.data.clientId);
  if (!client) return fail('not_found');
  const now = deps.clock.now();
  const enrollments = await deps.store.classes.enrollmentsForClient(actor, client.id);
  const past = await deps.store.classes.pastSessionsForClient(actor, client.id, now);
  const classes: ClassRecord[] = [];
  for (const e of enrollments) {
    const series = await deps.store.classes.getSeries(actor, e.classId);
    if (!series) continue;
    const sessions = past
      .filter((p) => p.series.id === e.classId)
      .map(({ session, attendance: a }): SessionRecord => ({
        sessionId: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        location: session.location ?? series.location,
        rsvp: a?.rsvp ?? null,
        rsvpAt: a?.rsvpAt ?? null,
        checkedInAt: a?.checkedInAt ?? null,
        checkinMethod: a?.checkinMethod ?? null,
        staffMark: a?.staffMark ?? null,
        outcome: attendanceOutcome(a),
      }));
    const count = (o: AttendanceOutcome) => sessions.filter((s) => s.outcome === o).length;
    classes.push({
      classId: series.id,
      title: series.title,
      sensitive: series.sensitive,
      enrollment: e.status,
      sessions,
      totals: {
        sessions: sessions.length,
        attended: count('attended'),
        absent: count('absent'),
        notCheckedIn: count('not_checked_in'),
      },
    });
  }
  // Classes in the order they began for the client; classes with nothing yet go last.
  const firstAt = (c: ClassRecord) => c.sessions[0]?.startsAt ?? Infinity;
  classes.sort((a, b) => firstAt(a) - firstAt(b) || a.title.localeCompare(b.title));
  await deps.store.commit([auditWrite(deps, actor, 'class_attendance.record', { type: 'client', id: client.id }, client.id)]);
  return ok({ clientId: client.id, clientName: client.displayName, timeZone: client.timeZone, asOf: now, classes });
};
