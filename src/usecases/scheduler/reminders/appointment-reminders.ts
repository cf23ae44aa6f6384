// Appointment reminders at the agency's offsets (default a day and 2 hours before), with the
// client's options: confirm, a new time, cancel.
import { forEachPage } from './paged.ts';
import { HOUR, MINUTE } from '../../../domain/time.ts';
import type { DueAppointment, ScanWindow } from '../../../ports/reminder-scan.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { formatWhen } from '../../shared/format.ts';
import type { JobContext, SchedulerJob } from '../job.ts';
import { nominalBefore } from './plan.ts';
import { queueReminders, type ReminderAction, type ReminderCandidate } from './queue-reminder.ts';

/**
 * Which moment of which start: the start is part of the key, so a moved appointment gets the
 * reminders of its new time (the old time's pending ones are cancelled with the move).
 */
export const offsetKeyOf = (offsetMinutes: number, startsAt: number): string => `m${offsetMinutes}@${startsAt}`;

/**
 * Where each offset may be due now: events starting after now, up to the offset ahead (an hour
 * more for whole days, counted on the wall clock: a day before a daylight-saving change is 25 h).
 */
export const windowsFor = (offsets: readonly number[], now: number): ScanWindow[] =>
  offsets.map((o) => ({ offsetKey: `m${o}`, from: now, to: now + o * MINUTE + (o % (24 * 60) === 0 ? HOUR : 0) }));

const messageFor = (deps: Pick<CoreDeps, 't'>, row: DueAppointment): ReminderCandidate['message'] => {
  const { appointment: a, client } = row;
  return (channel) => {
    const t = (key: string, vars?: Record<string, string | number>) => deps.t(client.language, key, vars);
    const place = a.location ?? (a.videoUrl ? t('telegram.appointments.video') : null);
    const actions: ReminderAction[] = [
      ...(a.status === 'confirmed' ? [] : [{ kind: 'confirm' as const, appointmentId: a.id, label: t('telegram.appointments.confirm') }]),
      { kind: 'reschedule', appointmentId: a.id, label: t('telegram.appointments.change') },
      { kind: 'cancel', appointmentId: a.id, label: t('telegram.appointments.cancel') },
    ];
    return {
      key: `appointment.${channel}`,
      vars: { when: formatWhen(a.startsAt, client.language, client.timeZone), where: place ? t('reminder.where', { place }) : '' },
      sensitive: a.sensitive,
      // a reminder held back (quiet hours, a narrower contact window) is dropped once the appointment starts
      payload: { kind: 'appointment', appointmentId: a.id, actions, expiresAt: a.startsAt },
      question: { kind: 'appointment', data: { appointmentId: a.id } },
    };
  };
};

export const runAppointmentReminders = async (deps: CoreDeps, ctx: JobContext, batchSize?: number, pageSize?: number): Promise<number> => {
  const offsets = [...new Set(ctx.settings.reminderOffsetsMinutes)];
  const windows = windowsFor(offsets, ctx.now);
  return forEachPage(
    (page) => deps.store.reminderScan.appointments({ agencyId: ctx.agency.id }, windows, page),
    (last) => ({ at: last.appointment.startsAt, id: last.appointment.id }),
    (rows) => queueReminders(deps, ctx, candidatesOf(deps, rows, offsets), batchSize),
    pageSize,
  );
};

const candidatesOf = (deps: CoreDeps, rows: DueAppointment[], offsets: number[]): ReminderCandidate[] =>
  rows.flatMap((row) =>
    offsets
      .map(
        (o): ReminderCandidate => ({
          kind: 'appointment',
          subjectId: row.appointment.id,
          offsetKey: offsetKeyOf(o, row.appointment.startsAt),
          client: row.client,
          channels: row.channels,
          nominal: nominalBefore(row.appointment.startsAt, o, row.client.timeZone),
          eventAt: row.appointment.startsAt,
          message: messageFor(deps, row),
        }),
      )
      .filter((c) => !row.done.includes(c.offsetKey)),
  );

export const appointmentReminders: SchedulerJob = {
  name: 'appointment-reminders',
  run: (deps, ctx) => runAppointmentReminders(deps, ctx),
};
