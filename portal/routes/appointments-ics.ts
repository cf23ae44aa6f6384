import { createEvent, type EventAttributes, type EventStatus } from 'ics';
import type { Client } from '../../src/domain/types.ts';
import type { AppointmentView } from '../../src/usecases/appointments/view.ts';
import type { View } from '../view.ts';
import { mustBeNeutral } from '../../src/domain/wording.ts';

const STATUS: Partial<Record<AppointmentView['status'], EventStatus>> = {
  confirmed: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/**
 * The calendar file for one appointment, times in UTC. A calendar shows its title on the lock
 * screen, so when the client asked for neutral wording, or the appointment is sensitive, the
 * title names nothing (no agency, no subject) and the description is left out; the place and
 * the video link stay, since the client needs them to get there.
 */
export const appointmentIcs = (v: View, client: Client, a: AppointmentView, now: number): string => {
  const neutral = mustBeNeutral(client, a.sensitive);
  const who = a.with?.name;
  const title = neutral
    ? v.t('portal.appointments.ics.neutral_title')
    : who
      ? v.t('portal.appointments.ics.title_with', { kind: a.kind, name: who })
      : a.kind;
  const location = a.location ?? (a.with?.type === 'provider' ? a.with.address : null);
  const description = neutral || !a.whatToBring ? undefined : v.t('portal.appointments.ics.bring', { items: a.whatToBring });
  const event: EventAttributes & { timestamp: number } = {
    uid: `${a.id}@casebridge`,
    productId: 'casebridge/portal',
    sequence: a.version,
    timestamp: now,
    start: a.startsAt,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: a.durationMinutes },
    title,
    status: STATUS[a.status] ?? 'TENTATIVE',
    ...(location ? { location } : {}),
    ...(description ? { description } : {}),
    ...(a.videoUrl?.startsWith('https://') ? { url: a.videoUrl } : {}),
  };
  const r = createEvent(event);
  if (r.error || !r.value) throw r.error ?? new Error('the calendar file could not be made');
  return r.value;
};
