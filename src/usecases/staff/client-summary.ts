// `/casebridge client <name or phone>`: what a caseworker needs to know about one client, in one
// private look: how to reach them, what to be careful about, what is coming up or waiting.
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { DAY, MINUTE } from '../../domain/time.ts';
import type { Appointment, DocumentRequestStatus, Millis } from '../../domain/types.ts';
import { mustBeNeutral } from '../../domain/wording.ts';
import { formatDue } from '../documents/format-due.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { formatWhen } from '../shared/format.ts';
import { findClientForStaff, type FindClientRefusal } from './find-client.ts';

const inputSchema = z.object({
  /** a phone number, a case number (external reference) or a name */
  query: z.string().trim().min(1).max(120),
  /** the language the times are written in (staff read English for now) */
  locale: z.string().min(2).max(20).default('en'),
});

/** How far ahead classes are looked for. */
export const SUMMARY_CLASS_DAYS = 30;
/** How many of the last messages are shown (internal notes included). */
export const SUMMARY_MESSAGES = 5;

const OPEN_REQUESTS: readonly DocumentRequestStatus[] = ['requested', 'uploaded', 'rejected'];
const OVER: readonly Appointment['status'][] = ['cancelled', 'attended', 'missed'];

export interface ClientSummary {
  clientId: string;
  name: string;
  /** the client's SMS number, E.164 */
  phone: string | null;
  language: string;
  /** texts to this client are worded neutrally */
  neutral: boolean;
  sensitive: boolean;
  /** when the client's messages were paused (their pause word, the portal, a caseworker), as staff read it; null when not */
  pausedSince: string | null;
  nextAppointments: { when: string; kind: string; status: Appointment['status'] }[];
  classes: { title: string; when: string; rsvp: 'yes' | 'no' | null }[];
  openRequests: { kind: string; due: string | null; status: DocumentRequestStatus }[];
  /** oldest first */
  lastMessages: { direction: 'in' | 'out'; body: string; when: string; internal: boolean }[];
}

/**
 * Finds the client (see findClientForStaff: `not_found`, or `ambiguous` with the names) and
 * summarises them, times in the staff member's own time zone. Writes a `client.view` audit row.
 */
export const clientSummaryForStaff = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<ClientSummary, FindClientRefusal>> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const { query, locale } = parsed.data;
  const found = await findClientForStaff(deps, actor, { query });
  if (!found.ok) return found;
  const client = found.value;
  const staff = actor.type === 'staff' ? await deps.store.staff.get(actor, actor.staffId) : null;
  const agency = staff ? null : await deps.store.agencies.get(actor.agencyId);
  const tz = staff?.timeZone ?? agency?.timeZone ?? client.timeZone;
  const when = (at: Millis) => formatWhen(at, locale, tz);
  const now = deps.clock.now();

  const [channels, appointments, sessions, requests, messages] = await Promise.all([
    deps.store.channels.listForClient(actor, client.id),
    deps.store.appointments.listForClient(actor, client.id),
    deps.store.classes.sessionsForClient(actor, client.id, now, now + SUMMARY_CLASS_DAYS * DAY),
    deps.store.documents.listRequestsForClient(actor, client.id),
    deps.store.messages.listForClient(actor, client.id, { includeInternal: true, limit: SUMMARY_MESSAGES }),
  ]);

  const next = appointments.filter((a) => a.startsAt + a.durationMinutes * MINUTE > now && !OVER.includes(a.status));
  await deps.store.commit([auditWrite(deps, actor, 'client.view', { type: 'client', id: client.id }, client.id)]);
  return ok({
    clientId: client.id,
    name: client.displayName,
    phone: channels.find((c) => c.kind === 'sms')?.address ?? null,
    language: client.language,
    neutral: mustBeNeutral(client),
    sensitive: client.sensitive,
    pausedSince: client.pausedAt === null ? null : when(client.pausedAt),
    nextAppointments: next.map((a) => ({ when: when(a.startsAt), kind: a.kind, status: a.status })),
    classes: sessions.map((s) => ({ title: s.series.title, when: when(s.session.startsAt), rsvp: s.attendance?.rsvp ?? null })),
    openRequests: requests
      .filter((r) => OPEN_REQUESTS.includes(r.status))
      .sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity))
      .map((r) => ({ kind: r.kind, due: r.dueAt === null ? null : formatDue(r.dueAt, locale, tz), status: r.status })),
    lastMessages: messages.map((m) => ({ direction: m.direction, body: m.body, when: when(m.createdAt), internal: m.internal })),
  });
};
