import { and, asc, eq, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ClientChannel } from '../../domain/types.ts';
import type { ReminderScanRepo, ScanPage, ScanWindow } from '../../ports/reminder-scan.ts';
import type { Scope } from '../../ports/store.ts';
import { appointments, attendance, classes, classSessions, clients, documentRequests, enrollments } from '../schema.ts';
import type { Db } from '../types.ts';

/**
 * The client's channels as one JSON array, read in the row's own query. (`+c.agency_id` keeps
 * SQLite on the client index: on the agency's it would read every channel of the agency per row.)
 */
const channelsOf = sql<string>`(SELECT json_group_array(json_object('id', c.id, 'agencyId', c.agency_id,
  'clientId', c.client_id, 'kind', c.kind, 'address', c.address, 'verified', c.verified,
  'consentGivenAt', c.consent_given_at, 'consentWithdrawnAt', c.consent_withdrawn_at))
  FROM client_channels c WHERE c.client_id = ${clients.id} AND +c.agency_id = ${clients.agencyId})`;

/** The offset keys recorded for a subject, '|'-separated (they never hold a '|'). */
const doneOf = (s: Scope, kind: string, subject: SQL) =>
  sql<string | null>`(SELECT group_concat(r.offset_key, '|') FROM reminders r
    WHERE r.agency_id = ${s.agencyId} AND r.kind = ${kind} AND r.subject_id = ${subject})`;

/** Whether `<offsetKey>@<start>` is not recorded yet for the subject. */
const notRecorded = (s: Scope, kind: string, subject: SQL, w: ScanWindow, start: SQL) =>
  sql`NOT EXISTS (SELECT 1 FROM reminders r WHERE r.agency_id = ${s.agencyId} AND r.kind = ${kind}
    AND r.subject_id = ${subject} AND r.offset_key = ${`${w.offsetKey}@`} || ${start})`;

/** Events in any window whose moment for that window is not recorded yet. */
const inAnyWindow = (s: Scope, kind: string, subject: SQL, start: SQL, windows: ScanWindow[]) =>
  or(...windows.map((w) => sql`(${start} > ${w.from} AND ${start} <= ${w.to} AND ${notRecorded(s, kind, subject, w, start)})`));

/** Rows after the page's cursor, in the scan's order (time, id[, second id]); all rows without one. */
const afterCursor = (page: ScanPage | undefined, at: SQL, id: SQL, id2?: SQL): SQL => {
  const c = page?.after;
  if (!c) return sql`1 = 1`;
  if (id2 && c.id2 !== undefined) return sql`(${at}, ${id}, ${id2}) > (${c.at}, ${c.id}, ${c.id2})`;
  return sql`(${at}, ${id}) > (${c.at}, ${c.id})`;
};
const limitOf = (page: ScanPage | undefined) => page?.limit ?? -1;

const channelList = (json: string): ClientChannel[] =>
  (JSON.parse(json) as (Omit<ClientChannel, 'verified'> & { verified: number })[]).map((c) => ({ ...c, verified: c.verified === 1 }));

const doneList = (joined: string | null): string[] => (joined ? joined.split('|') : []);

export const reminderScanRepo = (db: Db): ReminderScanRepo => ({
  async appointments(s, windows, page) {
    if (windows.length === 0) return [];
    const subject = sql`${appointments.id}`;
    const rows = await db
      .select({ appointment: appointments, client: clients, channels: channelsOf, done: doneOf(s, 'appointment', subject) })
      .from(appointments)
      .innerJoin(clients, and(eq(clients.id, appointments.clientId), eq(clients.agencyId, appointments.agencyId)))
      .where(
        and(
          eq(appointments.agencyId, s.agencyId),
          inArray(appointments.status, ['scheduled', 'confirmed', 'rescheduled']),
          inAnyWindow(s, 'appointment', subject, sql`${appointments.startsAt}`, windows),
          afterCursor(page, sql`${appointments.startsAt}`, sql`${appointments.id}`),
        ),
      )
      .orderBy(asc(appointments.startsAt), asc(appointments.id))
      .limit(limitOf(page))
      .all();
    return rows.map((r) => ({ ...r, channels: channelList(r.channels), done: doneList(r.done) }));
  },

  async sessions(s, windows, page) {
    if (windows.length === 0) return [];
    const subject = sql`${classSessions.id} || ':' || ${enrollments.clientId}`;
    const rows = await db
      .select({
        session: classSessions,
        series: classes,
        client: clients,
        rsvp: attendance.rsvp,
        channels: channelsOf,
        done: doneOf(s, 'session', subject),
      })
      .from(enrollments)
      .innerJoin(classes, and(eq(classes.id, enrollments.classId), eq(classes.agencyId, enrollments.agencyId)))
      .innerJoin(classSessions, and(eq(classSessions.classId, classes.id), eq(classSessions.agencyId, classes.agencyId)))
      .innerJoin(clients, and(eq(clients.id, enrollments.clientId), eq(clients.agencyId, enrollments.agencyId)))
      .leftJoin(attendance, and(eq(attendance.sessionId, classSessions.id), eq(attendance.clientId, enrollments.clientId)))
      .where(
        and(
          eq(enrollments.agencyId, s.agencyId),
          eq(enrollments.status, 'active'),
          sql`(${attendance.rsvp} IS NULL OR ${attendance.rsvp} <> 'no')`,
          inAnyWindow(s, 'session', subject, sql`${classSessions.startsAt}`, windows),
          afterCursor(page, sql`${classSessions.startsAt}`, sql`${classSessions.id}`, sql`${enrollments.clientId}`),
        ),
      )
      .orderBy(asc(classSessions.startsAt), asc(classSessions.id), asc(enrollments.clientId))
      .limit(limitOf(page))
      .all();
    return rows.map((r) => ({
      ...r,
      rsvp: r.rsvp === 'yes' ? ('yes' as const) : null,
      channels: channelList(r.channels),
      done: doneList(r.done),
    }));
  },

  async documentRequests(s, q, page) {
    const subject = sql`${documentRequests.id}`;
    const rows = await db
      .select({ request: documentRequests, client: clients, channels: channelsOf, done: doneOf(s, 'document', subject) })
      .from(documentRequests)
      .innerJoin(clients, and(eq(clients.id, documentRequests.clientId), eq(clients.agencyId, documentRequests.agencyId)))
      .where(
        and(
          eq(documentRequests.agencyId, s.agencyId),
          inArray(documentRequests.status, ['requested', 'rejected']),
          isNotNull(documentRequests.dueAt),
          lte(documentRequests.dueAt, q.dueBefore),
          sql`NOT EXISTS (SELECT 1 FROM reminders r WHERE r.agency_id = ${s.agencyId} AND r.kind = 'document'
            AND r.subject_id = ${subject} AND r.offset_key LIKE '%@' || ${documentRequests.dueAt}
            AND r.due_at > (CASE WHEN r.offset_key LIKE 'due-%' THEN ${q.beforeSince} ELSE ${q.laterSince} END))`,
          afterCursor(page, sql`${documentRequests.dueAt}`, sql`${documentRequests.id}`),
        ),
      )
      .orderBy(asc(documentRequests.dueAt), asc(documentRequests.id))
      .limit(limitOf(page))
      .all();
    return rows
      .filter((r) => r.request.dueAt !== null)
      .map((r) => ({
        ...r,
        request: { ...r.request, dueAt: r.request.dueAt! },
        channels: channelList(r.channels),
        done: doneList(r.done),
      }));
  },
});
