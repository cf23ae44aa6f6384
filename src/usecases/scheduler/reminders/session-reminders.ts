// Class session reminders at the agency's offsets (default a day before), to each client actively
// enrolled who has not said they cannot come, with the RSVP options: I'll be there / I can't come.
import { forEachPage } from './paged.ts';
import type { DueSession } from '../../../ports/reminder-scan.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { formatWhen } from '../../shared/format.ts';
import type { JobContext, SchedulerJob } from '../job.ts';
import { offsetKeyOf, windowsFor } from './appointment-reminders.ts';
import { nominalBefore } from './plan.ts';
import { queueReminders, type ReminderAction, type ReminderCandidate } from './queue-reminder.ts';

/** A session is one subject per client: each enrolled client has their own reminders of it. */
export const sessionSubject = (sessionId: string, clientId: string): string => `${sessionId}:${clientId}`;

const messageFor = (deps: Pick<CoreDeps, 't'>, row: DueSession): ReminderCandidate['message'] => {
  const { session, series, client } = row;
  return (channel) => {
    const t = (key: string) => deps.t(client.language, key);
    const actions: ReminderAction[] = [
      ...(row.rsvp === 'yes' ? [] : [{ kind: 'rsvp_yes' as const, sessionId: session.id, label: t('portal.classes.yes') }]),
      { kind: 'rsvp_no', sessionId: session.id, label: t('portal.classes.no') },
    ];
    return {
      key: `session.${channel}`,
      vars: { title: series.title, when: formatWhen(session.startsAt, client.language, client.timeZone) },
      sensitive: series.sensitive,
      payload: { kind: 'session', sessionId: session.id, actions, expiresAt: session.startsAt },
      question: { kind: 'session', data: { sessionId: session.id } },
    };
  };
};

export const runSessionReminders = async (deps: CoreDeps, ctx: JobContext, batchSize?: number, pageSize?: number): Promise<number> => {
  const offsets = [...new Set(ctx.settings.classReminderOffsetsMinutes)];
  const windows = windowsFor(offsets, ctx.now);
  return forEachPage(
    (page) => deps.store.reminderScan.sessions({ agencyId: ctx.agency.id }, windows, page),
    (last) => ({ at: last.session.startsAt, id: last.session.id, id2: last.client.id }),
    (rows) => queueReminders(deps, ctx, candidatesOf(deps, rows, offsets), batchSize),
    pageSize,
  );
};

const candidatesOf = (deps: CoreDeps, rows: DueSession[], offsets: number[]): ReminderCandidate[] =>
  rows.flatMap((row) =>
    offsets
      .map(
        (o): ReminderCandidate => ({
          kind: 'session',
          subjectId: sessionSubject(row.session.id, row.client.id),
          offsetKey: offsetKeyOf(o, row.session.startsAt),
          client: row.client,
          channels: row.channels,
          nominal: nominalBefore(row.session.startsAt, o, row.client.timeZone),
          eventAt: row.session.startsAt,
          message: messageFor(deps, row),
        }),
      )
      .filter((c) => !row.done.includes(c.offsetKey)),
  );

export const sessionReminders: SchedulerJob = {
  name: 'session-reminders',
  run: (deps, ctx) => runSessionReminders(deps, ctx),
};
