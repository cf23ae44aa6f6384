// A caseworker (or an admin) books an appointment for a client of the agency, and the client is
// told, in their language, on their safe channel, in the same commit.
//
// The kind: an appointment's `kind` is data shown to the client as it is (portal, Telegram,
// calendar file), so a default can be no English word. When the caller names no kind (`/casebridge
// appointment` has no place for one), the kind stored is the locale key `notify.appointment_kind`
// in the client's language at booking time: a Spanish client's portal says "Cita". Like an
// imported kind (the case-management system's words), it is not re-translated if the client later
// changes language.
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { busyIntervals } from '../../domain/appointment-rules.ts';
import { fail, type Result } from '../../domain/result.ts';
import type { BusyInterval } from '../../domain/slots.ts';
import { MINUTE } from '../../domain/time.ts';
import type { Appointment } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { formatWhen } from '../shared/format.ts';
import { clientNoticeWrite } from '../shared/notify-client.ts';

/** The shortest and longest appointment one may book (the same bounds as an appointments import). */
export const MIN_BOOKED_MINUTES = 5;
export const MAX_BOOKED_MINUTES = 480;

const inputSchema = z.object({
  clientId: z.string().min(1),
  startsAt: z.number().int().positive(),
  durationMinutes: z.number().int().min(MIN_BOOKED_MINUTES).max(MAX_BOOKED_MINUTES),
  /** where, in the caseworker's words: "12 Main St, Room 3" */
  location: z.string().trim().min(1).max(200).optional(),
  /** what it is, in the caseworker's words: "Check-in", "Housing review"; see the file's head for the default */
  kind: z.string().trim().min(1).max(80).optional(),
});

/**
 * - `in_the_past`: the start is not after now.
 * - `overlaps`: detail `{ with: 'client' | 'staff', startsAt }`: the client, or the caseworker it
 *   would be with, already has a (non-cancelled) appointment or a held requested time then.
 * - `no_caseworker`: an admin booked for a client who has no caseworker to be with.
 */
export type BookAppointmentRefusal = 'invalid' | 'forbidden' | 'not_found' | 'in_the_past' | 'no_caseworker' | 'overlaps' | 'conflict' | 'duplicate';

export interface BookedAppointment {
  appointment: Appointment;
  /** whether a notice was queued; false when the client has no channel we may push to (the portal shows it) */
  notified: boolean;
}

const clash = (busy: BusyInterval[], want: BusyInterval): BusyInterval | undefined =>
  busy.find((b) => b.start < want.end && want.start < b.end);

/**
 * Books a `scheduled` appointment with the acting caseworker (an admin books it with the client's
 * caseworker). Refused when it starts in the past, lasts outside 5–480 minutes, or overlaps
 * another appointment of the same client or of the same caseworker.
 */
export const bookAppointment = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<BookedAppointment, BookAppointmentRefusal>> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const now = deps.clock.now();
  if (input.startsAt <= now) return fail('in_the_past');
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const staffId = actor.type === 'staff' ? actor.staffId : client.staffId;
  if (!staffId) return fail('no_caseworker');

  const want = { start: input.startsAt, end: input.startsAt + input.durationMinutes * MINUTE };
  const [theirs, mine] = await Promise.all([
    deps.store.appointments.listForClient(actor, client.id),
    deps.store.appointments.listForStaffBetween(actor, staffId, want.start, want.end),
  ]);
  for (const [who, list] of [['client', theirs], ['staff', mine]] as const) {
    const hit = clash(busyIntervals(list), want);
    if (hit) return fail('overlaps', { with: who, startsAt: hit.start });
  }

  const appointment: Appointment = {
    id: deps.ids.newId('apt'),
    agencyId: actor.agencyId,
    clientId: client.id,
    staffId,
    providerId: null,
    externalRef: null,
    kind: input.kind ?? deps.t(client.language, 'notify.appointment_kind'),
    startsAt: input.startsAt,
    durationMinutes: input.durationMinutes,
    location: input.location ?? null,
    videoUrl: null,
    whatToBring: null,
    status: 'scheduled',
    statusBeforeRequest: null,
    requestedStartsAt: null,
    rescheduleCount: 0,
    cancelReason: null,
    confirmedAt: null,
    sensitive: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const notice = await clientNoticeWrite(deps, client, {
    key: 'appointment_booked',
    vars: { when: formatWhen(appointment.startsAt, client.language, client.timeZone) },
    idempotencyKey: `appointment:${appointment.id}:booked`,
    payload: { kind: 'appointment', appointmentId: appointment.id },
  });
  return commitWrites(
    deps,
    [
      deps.store.appointments.insert(appointment),
      auditWrite(deps, actor, 'appointment.book', { type: 'appointment', id: appointment.id }, client.id),
      notice,
    ],
    { appointment, notified: notice !== null },
  );
};
