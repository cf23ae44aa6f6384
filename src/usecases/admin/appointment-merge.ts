// How an imported row becomes a new appointment or a change to one already imported. Pure.
import type { Appointment, Millis } from '../../domain/types.ts';
import type { AppointmentPatch } from '../../ports/store.ts';
import { DEFAULT_DURATION_MINUTES, type ImportStatus } from './appointment-columns.ts';

/** A row with its references resolved; undefined means the file leaves that field as it is. */
export interface ResolvedRow {
  externalRef: string;
  kind: string;
  startsAt: Millis;
  durationMinutes: number | undefined;
  with: { staffId: string | null; providerId: string | null } | undefined;
  location: string | undefined;
  videoUrl: string | undefined;
  whatToBring: string | undefined;
  status: ImportStatus | undefined;
  sensitive: boolean | undefined;
}

/** What the client did in Casebridge, which a plain `scheduled` from the file must not undo. */
const CLIENT_STATES: readonly string[] = ['confirmed', 'reschedule_requested', 'rescheduled'];

const statusPatch = (a: Appointment, status: ImportStatus | undefined, timeChanged: boolean, now: Millis): AppointmentPatch => {
  const settle = (to: ImportStatus): AppointmentPatch => ({
    status: to,
    // a pending request is superseded; a confirmation was for the old time (or is the file's)
    requestedStartsAt: null,
    statusBeforeRequest: null,
    confirmedAt: to === 'confirmed' ? (a.status === 'confirmed' && !timeChanged ? a.confirmedAt : now) : null,
  });
  if (timeChanged) return settle(status ?? 'scheduled');
  if (status === undefined || status === a.status) return {};
  if (status === 'scheduled' && CLIENT_STATES.includes(a.status)) return {};
  return settle(status);
};

/** The fields of `a` the row changes; empty when the appointment is already as the file says. */
export const appointmentPatch = (a: Appointment, r: ResolvedRow, now: Millis): AppointmentPatch => {
  const wanted: AppointmentPatch = {
    kind: r.kind,
    startsAt: r.startsAt,
    ...(r.durationMinutes !== undefined && { durationMinutes: r.durationMinutes }),
    ...(r.with !== undefined && r.with),
    ...(r.location !== undefined && { location: r.location }),
    ...(r.videoUrl !== undefined && { videoUrl: r.videoUrl }),
    ...(r.whatToBring !== undefined && { whatToBring: r.whatToBring }),
    // an import may mark an appointment sensitive, never take that protection away
    ...(r.sensitive === true && { sensitive: true }),
    ...statusPatch(a, r.status, r.startsAt !== a.startsAt, now),
  };
  return Object.fromEntries(
    Object.entries(wanted).filter(([k, v]) => a[k as keyof Appointment] !== v),
  ) as AppointmentPatch;
};

export const newAppointment = (
  base: { id: string; agencyId: string; clientId: string; now: Millis },
  r: ResolvedRow & { with: NonNullable<ResolvedRow['with']> },
): Appointment => {
  const status = r.status ?? 'scheduled';
  return {
    id: base.id,
    agencyId: base.agencyId,
    clientId: base.clientId,
    staffId: r.with.staffId,
    providerId: r.with.providerId,
    externalRef: r.externalRef,
    kind: r.kind,
    startsAt: r.startsAt,
    durationMinutes: r.durationMinutes ?? DEFAULT_DURATION_MINUTES,
    location: r.location ?? null,
    videoUrl: r.videoUrl ?? null,
    whatToBring: r.whatToBring ?? null,
    status,
    statusBeforeRequest: null,
    requestedStartsAt: null,
    rescheduleCount: 0,
    cancelReason: null,
    confirmedAt: status === 'confirmed' ? base.now : null,
    sensitive: r.sensitive ?? false,
    version: 1,
    createdAt: base.now,
    updatedAt: base.now,
  };
};
