import type { FC } from 'hono/jsx';
import { intlLocale } from '../../src/domain/locale.ts';
import { MINUTE } from '../../src/domain/time.ts';
import type { AppointmentView } from '../../src/usecases/appointments/view.ts';
import { Notice } from '../components/form.tsx';
import type { View } from '../view.ts';

/** The notices a form on these pages may come back with (`?done=<key>`). */
export const APPOINTMENT_DONE = ['appointment_confirmed', 'appointment_reschedule_requested', 'appointment_cancelled'] as const;

export const DoneNotice: FC<{ v: View; done: string | undefined }> = ({ v, done }) =>
  done && (APPOINTMENT_DONE as readonly string[]).includes(done) ? <Notice kind="ok">{v.t(`portal.done.${done}`)}</Notice> : null;

const BADGE: Partial<Record<AppointmentView['status'], string>> = {
  confirmed: 'badge ok',
  attended: 'badge ok',
  cancelled: 'badge warn',
  missed: 'badge warn',
};

/** The status in words (never colour alone). */
export const StatusBadge: FC<{ v: View; a: AppointmentView }> = ({ v, a }) => (
  <span class={BADGE[a.status] ?? 'badge'}>{v.t(`portal.appointments.status.${a.status}`)}</span>
);

/**
 * Who the appointment is with, in one line: the caseworker, or the provider and its kind; as a
 * sentence ("With …") on its own, or bare beside a "With" label.
 */
export const withWhom = (v: View, a: AppointmentView, bare = false): string | null => {
  if (!a.with) return null;
  if (a.with.type === 'staff') return v.t(bare ? 'portal.appointments.caseworker' : 'portal.appointments.with_caseworker', { name: a.with.name });
  return v.t(bare ? 'portal.appointments.provider' : 'portal.appointments.with_provider', {
    name: a.with.name,
    kind: v.t(`portal.appointments.provider_kind.${a.with.kind}`),
  });
};

/** A length of time in the page's language, plural rules included. */
export const minutes = (v: View, n: number): string =>
  new Intl.NumberFormat(intlLocale(v.lng), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(n);

/** Start and end, in the client's zone: "Monday, 9 March, 10:00 – 11:00". */
export const span = (v: View, a: { startsAt: number; durationMinutes: number }): string =>
  v.t('portal.appointments.span', { start: v.when(a.startsAt), end: v.time(a.startsAt + a.durationMinutes * MINUTE) });

/** The client's time zone as people name it ("Eastern Time"), in the page's language. */
export const zoneName = (v: View, at: number): string =>
  new Intl.DateTimeFormat(intlLocale(v.lng), { timeZone: v.timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value ?? v.timeZone;
