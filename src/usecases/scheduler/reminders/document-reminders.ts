// Document request reminders, at 09:00 on the client's clock: some days before the due date
// (`due-3d`), on the due date (`due`), then every few days while it is overdue (`overdue-1`,
// `overdue-2`…), each with the way to send the file.
import { forEachPage } from './paged.ts';
import type { AgencySettings } from '../../../domain/settings.ts';
import { addLocalDays, DAY, HOUR, localParts, zonedToUtc } from '../../../domain/time.ts';
import type { Millis } from '../../../domain/types.ts';
import type { DueDocumentRequest } from '../../../ports/reminder-scan.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { formatDue } from '../../documents/format-due.ts';
import type { JobContext, SchedulerJob } from '../job.ts';
import { queueReminders, type ReminderCandidate } from './queue-reminder.ts';

/** The local time of day document reminders are meant for. */
export const DOCUMENT_REMINDER_MINUTE = 9 * 60;

export interface DocumentMoment {
  /** 'due-3d@<dueAt>', 'due@<dueAt>', 'overdue-2@<dueAt>': a new due date gets new moments */
  offsetKey: string;
  stage: 'before' | 'due' | 'overdue';
  nominal: Millis;
  /** the end of that day: a reminder that cannot go that day is skipped */
  eventAt: Millis;
}

type Rules = Pick<AgencySettings, 'documentReminderDaysBefore' | 'documentOverdueEveryDays'>;

/**
 * The request's latest moment that has come by `now` (the ones before it no longer matter), or
 * its first one while none has. Days are the client's calendar days, the due date the day `dueAt`
 * falls on in their time zone.
 */
export const currentDocumentMoment = (dueAt: Millis, timeZone: string, rules: Rules, now: Millis): DocumentMoment => {
  const p = localParts(dueAt, timeZone);
  const dueDate = { year: p.year, month: p.month, day: p.day };
  const moment = (name: string, stage: DocumentMoment['stage'], date: typeof dueDate): DocumentMoment => ({
    offsetKey: `${name}@${dueAt}`,
    stage,
    nominal: zonedToUtc(date, DOCUMENT_REMINDER_MINUTE, timeZone),
    eventAt: zonedToUtc(addLocalDays(date, 1), 0, timeZone),
  });
  const today = localParts(now, timeZone);
  const daysLate = Math.round((Date.UTC(today.year, today.month - 1, today.day) - Date.UTC(p.year, p.month - 1, p.day)) / DAY);
  const every = rules.documentOverdueEveryDays;
  for (let k = Math.floor(daysLate / every); k >= 1; k--) {
    const m = moment(`overdue-${k}`, 'overdue', addLocalDays(dueDate, k * every));
    if (m.nominal <= now) return m;
  }
  const onDay = moment('due', 'due', dueDate);
  if (onDay.nominal <= now) return onDay;
  const before = rules.documentReminderDaysBefore;
  return moment(`due-${before}d`, 'before', addLocalDays(dueDate, -before));
};

const messageFor = (deps: Pick<CoreDeps, 't'>, row: DueDocumentRequest, stage: DocumentMoment['stage']): ReminderCandidate['message'] => {
  const { request, client } = row;
  return (channel) => ({
    key: `document.${stage}.${channel}`,
    vars: { kind: request.kind, due: formatDue(request.dueAt, client.language, client.timeZone) },
    sensitive: false,
    payload: {
      kind: 'document',
      requestId: request.id,
      actions: [{ kind: 'send_document', requestId: request.id, label: deps.t(client.language, 'telegram.documents.send_for') }],
    },
  });
};

export const runDocumentReminders = async (deps: CoreDeps, ctx: JobContext, batchSize?: number, pageSize?: number): Promise<number> => {
  const { documentReminderDaysBefore: before, documentOverdueEveryDays: every } = ctx.settings;
  // Moments are days apart; two hours spare a daylight-saving change.
  const q = { dueBefore: ctx.now + (before + 1) * DAY, beforeSince: ctx.now - (before * DAY - 2 * HOUR), laterSince: ctx.now - (every * DAY - 2 * HOUR) };
  return forEachPage(
    (page) => deps.store.reminderScan.documentRequests({ agencyId: ctx.agency.id }, q, page),
    (last) => ({ at: last.request.dueAt, id: last.request.id }),
    (rows) => queueReminders(deps, ctx, candidatesOf(deps, ctx, rows), batchSize),
    pageSize,
  );
};

const candidatesOf = (deps: CoreDeps, ctx: JobContext, rows: DueDocumentRequest[]): ReminderCandidate[] =>
  rows.flatMap((row): ReminderCandidate[] => {
    const m = currentDocumentMoment(row.request.dueAt, row.client.timeZone, ctx.settings, ctx.now);
    if (row.done.includes(m.offsetKey)) return [];
    return [
      {
        kind: 'document',
        subjectId: row.request.id,
        offsetKey: m.offsetKey,
        client: row.client,
        channels: row.channels,
        nominal: m.nominal,
        eventAt: m.eventAt,
        message: messageFor(deps, row, m.stage),
      },
    ];
  });

export const documentReminders: SchedulerJob = {
  name: 'document-reminders',
  run: (deps, ctx) => runDocumentReminders(deps, ctx),
};
