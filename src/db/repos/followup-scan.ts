import { and, asc, eq, gt, gte, inArray, isNotNull, lt, lte, ne, sql } from 'drizzle-orm';
import { DAY } from '../../domain/time.ts';
import type { ClientDelivery, FollowupScanRepo, RosterEntry } from '../../ports/followup-scan.ts';
import {
  appointments,
  attendance,
  channelDeliveries,
  classSessions,
  classes,
  clientChannels,
  clients,
  conversations,
  documentRequests,
  enrollments,
  outbox,
  staff,
} from '../schema.ts';
import type { Db } from '../types.ts';

const OPEN = ['scheduled', 'confirmed', 'rescheduled'] as const;
/** An appointment or a class session lasts less than a day: a start window widened by a day finds every end. */
const LONGEST = DAY;

export const followupScanRepo = (db: Db): FollowupScanRepo => ({
  async openAppointmentsEndedBetween(s, from, to) {
    const end = sql`${appointments.startsAt} + ${appointments.durationMinutes} * 60000`;
    // From the agency's staff into their appointments by (staff_id, starts_at): an index range each.
    return db
      .select({ appointment: appointments, client: clients })
      .from(staff)
      .innerJoin(
        appointments,
        and(eq(appointments.staffId, staff.id), gte(appointments.startsAt, from - LONGEST), lte(appointments.startsAt, to)),
      )
      .innerJoin(clients, eq(clients.id, appointments.clientId))
      .where(
        and(
          eq(staff.agencyId, s.agencyId),
          // Unary + keeps SQLite from scanning the agency's appointments by agency_id instead.
          sql`+${appointments.agencyId} = ${s.agencyId}`,
          inArray(appointments.status, [...OPEN]),
          sql`${end} > ${from}`,
          sql`${end} <= ${to}`,
        ),
      )
      .orderBy(asc(appointments.startsAt))
      .all();
  },

  async waitingConversations(s, since, staffId) {
    const lastIn = sql<string | null>`(SELECT m.id FROM messages m WHERE m.conversation_id = ${conversations.id}
      AND m.direction = 'in' ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1)`;
    const waiting = sql<number>`(SELECT count(*) FROM messages m WHERE m.conversation_id = ${conversations.id}
      AND m.direction = 'in' AND m.created_at > coalesce(${conversations.lastOutboundAt}, 0))`;
    const rows = await db
      .select({ client: clients, lastInboundAt: conversations.lastInboundAt, lastMessageId: lastIn, waiting })
      .from(conversations)
      .innerJoin(clients, eq(clients.id, conversations.clientId))
      .where(
        and(
          eq(conversations.agencyId, s.agencyId),
          gte(conversations.lastInboundAt, since),
          sql`${conversations.lastInboundAt} > coalesce(${conversations.lastOutboundAt}, 0)`,
          staffId ? eq(clients.staffId, staffId) : undefined,
        ),
      )
      .orderBy(asc(conversations.lastInboundAt))
      .all();
    return rows.flatMap((r) =>
      r.lastMessageId && r.lastInboundAt !== null
        ? [{ client: r.client, lastMessageId: r.lastMessageId, lastInboundAt: r.lastInboundAt, waiting: Number(r.waiting) }]
        : [],
    );
  },

  async clientDeliveries(s, since, to) {
    // By (status, next_attempt_at): the outbox's own index. A dead row's next_attempt_at is when it was given up.
    const rows = await db
      .select({
        outboxId: outbox.id,
        clientId: outbox.clientId,
        channel: outbox.channel,
        toAddress: outbox.toAddress,
        status: outbox.status,
        lastError: outbox.lastError,
        providerStatus: channelDeliveries.providerStatus,
        providerError: channelDeliveries.providerError,
        at: outbox.nextAttemptAt,
        clientChannel: clientChannels,
      })
      .from(outbox)
      .leftJoin(channelDeliveries, eq(channelDeliveries.idempotencyKey, outbox.idempotencyKey))
      .leftJoin(
        clientChannels,
        and(
          eq(clientChannels.agencyId, outbox.agencyId),
          eq(clientChannels.clientId, outbox.clientId),
          eq(clientChannels.kind, outbox.channel),
          eq(clientChannels.address, outbox.toAddress),
        ),
      )
      .where(
        and(
          inArray(outbox.status, ['sent', 'dead']),
          gte(outbox.nextAttemptAt, since),
          eq(outbox.agencyId, s.agencyId),
          isNotNull(outbox.clientId),
          to ? and(eq(outbox.channel, to.channel), eq(outbox.toAddress, to.address)) : inArray(outbox.channel, ['sms', 'telegram']),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt), asc(sql`${outbox}.rowid`))
      .all();
    return rows.map((r) => ({ ...r, clientId: r.clientId ?? '', channel: r.channel as ClientDelivery['channel'] }));
  },

  async sessionsEndedBetween(s, from, to) {
    return db
      .select({ session: classSessions, series: classes })
      .from(classes)
      .innerJoin(
        classSessions,
        and(eq(classSessions.classId, classes.id), gte(classSessions.startsAt, from - LONGEST), lte(classSessions.startsAt, to)),
      )
      .where(and(eq(classes.agencyId, s.agencyId), isNotNull(classes.staffId), gt(classSessions.endsAt, from), lte(classSessions.endsAt, to)))
      .orderBy(asc(classSessions.endsAt))
      .all();
  },

  async sessionRoster(s, session) {
    const [enrolled, marked] = await Promise.all([
      db
        .select({ clientId: clients.id, clientName: clients.displayName, attendance })
        .from(enrollments)
        .innerJoin(clients, eq(clients.id, enrollments.clientId))
        .leftJoin(attendance, and(eq(attendance.sessionId, session.id), eq(attendance.clientId, enrollments.clientId)))
        .where(and(eq(enrollments.agencyId, s.agencyId), eq(enrollments.classId, session.classId), eq(enrollments.status, 'active')))
        .all(),
      db
        .select({ clientId: clients.id, clientName: clients.displayName, attendance })
        .from(attendance)
        .innerJoin(clients, eq(clients.id, attendance.clientId))
        .where(and(eq(attendance.agencyId, s.agencyId), eq(attendance.sessionId, session.id)))
        .all(),
    ]);
    const out = new Map<string, RosterEntry>();
    for (const r of enrolled) out.set(r.clientId, { ...r, enrolled: true });
    for (const r of marked) if (!out.has(r.clientId)) out.set(r.clientId, { ...r, enrolled: false });
    return [...out.values()].sort((a, b) => a.clientName.localeCompare(b.clientName));
  },

  async caseworkerDay(s, staffId, from, to) {
    const mine = and(eq(clients.agencyId, s.agencyId), eq(clients.staffId, staffId));
    const [today, reschedules, documents] = await Promise.all([
      db
        .select({ appointment: appointments, clientName: clients.displayName })
        .from(clients)
        .innerJoin(appointments, and(eq(appointments.clientId, clients.id), gte(appointments.startsAt, from), lt(appointments.startsAt, to)))
        .where(and(mine, ne(appointments.status, 'cancelled')))
        .orderBy(asc(appointments.startsAt))
        .all(),
      db
        .select({ appointment: appointments, clientName: clients.displayName })
        .from(clients)
        .innerJoin(appointments, eq(appointments.clientId, clients.id))
        .where(and(mine, eq(appointments.status, 'reschedule_requested')))
        .orderBy(asc(appointments.startsAt))
        .all(),
      db
        .select({ request: documentRequests, clientName: clients.displayName })
        .from(clients)
        .innerJoin(documentRequests, and(eq(documentRequests.clientId, clients.id), eq(documentRequests.status, 'uploaded')))
        .where(mine)
        .orderBy(asc(documentRequests.updatedAt))
        .all(),
    ]);
    return { appointments: today, reschedules, documents };
  },
});
