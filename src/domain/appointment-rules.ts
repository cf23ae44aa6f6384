import type { AgencySettings } from './settings.ts';
import { HOUR, MINUTE } from './time.ts';
import type { Appointment, Millis } from './types.ts';
import type { BusyInterval } from './slots.ts';

export type RescheduleRefusal =
  | 'not_reschedulable'
  | 'provider_appointment'
  | 'already_requested'
  | 'too_close'
  | 'too_many_changes';

const OPEN: Appointment['status'][] = ['scheduled', 'confirmed', 'rescheduled'];

export const isOpen = (a: Appointment): boolean => OPEN.includes(a.status) || a.status === 'reschedule_requested';

/**
 * Why the client may not ask to move this appointment now, or null if they may. A missed
 * appointment may be booked again: its time has passed, so the minimum notice applies to the new
 * time (offered slots start after it), not to the old one, and a new time for a missed appointment
 * is not one of the changes the agency limits.
 */
export const rescheduleRefusal = (a: Appointment, now: Millis, s: AgencySettings): RescheduleRefusal | null => {
  if (a.status === 'reschedule_requested') return 'already_requested';
  if (!OPEN.includes(a.status) && a.status !== 'missed') return 'not_reschedulable';
  if (!a.staffId) return 'provider_appointment';
  if (a.status === 'missed') return null;
  // The notice is measured to the minute: exactly the minimum notice is still allowed.
  if (a.startsAt - now < s.rescheduleMinNoticeHours * HOUR) return 'too_close';
  if (a.rescheduleCount >= s.rescheduleMaxChanges) return 'too_many_changes';
  return null;
};

export const canConfirm = (a: Appointment, now: Millis): boolean =>
  (a.status === 'scheduled' || a.status === 'rescheduled') && a.startsAt + a.durationMinutes * MINUTE > now;

export const canCancel = (a: Appointment, now: Millis): boolean =>
  OPEN.includes(a.status) || (a.status === 'reschedule_requested' && a.startsAt > now);

/** Times a caseworker's appointments hold: their own time, and a requested new time while pending. */
export const busyIntervals = (list: Appointment[], exceptId?: string): BusyInterval[] =>
  list
    .filter((a) => a.id !== exceptId && a.status !== 'cancelled')
    .flatMap((a) => {
      const len = a.durationMinutes * MINUTE;
      const own = { start: a.startsAt, end: a.startsAt + len };
      return a.status === 'reschedule_requested' && a.requestedStartsAt
        ? [own, { start: a.requestedStartsAt, end: a.requestedStartsAt + len }]
        : [own];
    });
