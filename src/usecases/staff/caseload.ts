// A caseworker's caseload at a glance (the Slack App Home): what happens today, what is not
// confirmed, what waits for their decision or review, who wrote and got no answer yet. Only the
// caseworker's own clients (clients.staffId), times as the caseworker reads them.
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { localParts } from '../../domain/time.ts';
import type { Appointment, Client, Millis } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { formatWhen } from '../shared/format.ts';

const inputSchema = z.object({
  now: z.number().int().positive(),
  /** the language the times are written in (staff read English for now) */
  locale: z.string().min(2).max(20).default('en'),
});

export interface CaseloadAppointment {
  clientName: string;
  when: string;
  confirmed: boolean;
}

export interface Caseload {
  staffName: string;
  /** the caseworker's time zone, which every `when` is written in */
  timeZone: string;
  /** today's appointments (the caseworker's calendar day), not cancelled, earliest first */
  today: CaseloadAppointment[];
  /** appointments still to come that the client has not confirmed, soonest first */
  unconfirmed: CaseloadAppointment[];
  /** new times clients asked for, waiting for a decision, soonest current time first */
  pendingReschedules: { clientName: string; oldWhen: string; newWhen: string }[];
  /** files sent for a request and not reviewed yet, longest waiting first */
  documentsToReview: { clientName: string; requestKind: string; uploadedWhen: string }[];
  /** clients whose last messages came after the last answer, longest waiting first */
  unreadMessages: { clientName: string; count: number; lastWhen: string }[];
  /** clients whose messages are paused (nothing but crisis help reaches them), longest paused first */
  paused: { clientName: string; since: string }[];
}

type Timed<T> = T & { at: Millis; clientId: string };

const UNCONFIRMED: readonly Appointment['status'][] = ['scheduled', 'rescheduled'];
const NOT_TODAY: readonly Appointment['status'][] = ['cancelled'];

const sameDay = (a: Millis, b: Millis, timeZone: string) => {
  const x = localParts(a, timeZone);
  const y = localParts(b, timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
};

const byTime = <T>(rows: Timed<T>[]): Timed<T>[] => [...rows].sort((a, b) => a.at - b.at);
const strip = <T>({ at: _at, clientId: _c, ...row }: Timed<T>): T => row as T;

/** Everything about one client that the caseload shows. */
const readClient = async (deps: Pick<CoreDeps, 'store'>, actor: Actor, client: Client) => {
  const [appointments, requests, messages] = await Promise.all([
    deps.store.appointments.listForClient(actor, client.id),
    deps.store.documents.listRequestsForClient(actor, client.id),
    deps.store.messages.listForClient(actor, client.id),
  ]);
  const uploaded = requests.filter((r) => r.status === 'uploaded');
  const files = uploaded.length ? await deps.store.documents.listForClient(actor, client.id) : [];
  return { appointments, uploaded, files, messages };
};

/**
 * The caseload of the staff member acting. Reads each client's lists one by one: the store has no
 * caseload queries yet. Proper ones would be, scoped by agency and joined on clients.staff_id:
 * appointments by start time within a window, document requests by status, and conversations
 * whose last inbound message is newer than their last outbound one (with the count since).
 *
 * Audit: one `caseload.view` row for the staff member, and one per client the caseload names,
 * because every client record shown in Slack is audited (a client's own audit trail then says
 * who saw them listed, and when). Clients with nothing to show are not named, so not audited.
 */
export const staffCaseload = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Caseload, 'invalid' | 'forbidden' | 'not_found'>> => {
  if (actor.type !== 'staff') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const { now, locale } = parsed.data;
  const staff = await deps.store.staff.get(actor, actor.staffId);
  if (!staff) return fail('not_found');
  const tz = staff.timeZone;
  const when = (at: Millis) => formatWhen(at, locale, tz);
  const mine = (await deps.store.clients.list(actor)).filter((c) => c.staffId === staff.id);

  const today: Timed<CaseloadAppointment>[] = [];
  const unconfirmed: Timed<CaseloadAppointment>[] = [];
  const reschedules: Timed<Caseload['pendingReschedules'][number]>[] = [];
  const documents: Timed<Caseload['documentsToReview'][number]>[] = [];
  const unread: Timed<Caseload['unreadMessages'][number]>[] = [];
  const paused: Timed<Caseload['paused'][number]>[] = [];

  for (const client of mine) {
    const clientName = client.displayName;
    const clientId = client.id;
    if (client.pausedAt !== null) paused.push({ clientId, clientName, at: client.pausedAt, since: when(client.pausedAt) });
    const seen = await readClient(deps, actor, client);
    for (const a of seen.appointments) {
      const row = { clientId, clientName, at: a.startsAt, when: when(a.startsAt), confirmed: a.status === 'confirmed' || a.status === 'attended' };
      if (sameDay(a.startsAt, now, tz) && !NOT_TODAY.includes(a.status)) today.push(row);
      if (a.startsAt > now && UNCONFIRMED.includes(a.status)) unconfirmed.push(row);
      if (a.status === 'reschedule_requested' && a.requestedStartsAt !== null) {
        reschedules.push({ clientId, clientName, at: a.startsAt, oldWhen: when(a.startsAt), newWhen: when(a.requestedStartsAt) });
      }
    }
    for (const r of seen.uploaded) {
      const latest = seen.files.filter((f) => f.requestId === r.id).at(-1);
      const at = latest?.createdAt ?? r.updatedAt;
      documents.push({ clientId, clientName, at, requestKind: r.kind, uploadedWhen: when(at) });
    }
    // Unread: the client's messages after the last answer (internal notes are not answers).
    const lastOut = seen.messages.findLastIndex((m) => m.direction === 'out');
    const waiting = seen.messages.slice(lastOut + 1).filter((m) => m.direction === 'in');
    const last = waiting.at(-1);
    if (last) unread.push({ clientId, clientName, at: waiting[0]!.createdAt, count: waiting.length, lastWhen: when(last.createdAt) });
  }

  const lists = { today: byTime(today), unconfirmed: byTime(unconfirmed), pendingReschedules: byTime(reschedules), documentsToReview: byTime(documents), unreadMessages: byTime(unread), paused: byTime(paused) };
  const shown = new Set(Object.values(lists).flatMap((rows: Timed<object>[]) => rows.map((r) => r.clientId)));
  const audit: Write[] = [
    auditWrite(deps, actor, 'caseload.view', { type: 'staff', id: staff.id }, null),
    ...mine.filter((c) => shown.has(c.id)).map((c) => auditWrite(deps, actor, 'caseload.view', { type: 'client', id: c.id }, c.id)),
  ];
  await deps.store.commit(audit);
  return ok({
    staffName: staff.name,
    timeZone: tz,
    today: lists.today.map(strip),
    unconfirmed: lists.unconfirmed.map(strip),
    pendingReschedules: lists.pendingReschedules.map(strip),
    documentsToReview: lists.documentsToReview.map(strip),
    unreadMessages: lists.unreadMessages.map(strip),
    paused: lists.paused.map(strip),
  });
};
