// A morning message to each caseworker in Slack (settings.dailyDigest): today's appointments and
// whether they are confirmed, new times to decide, files to review, clients waiting for an answer,
// clients who cannot be reached. Once per working day, at the start of the caseworker's own
// working hours; if the scheduler was down past the first two hours of the day, that day has none
// (a digest at lunch time is noise). Only active caseworkers with a Slack user get one.
//
// Every client the digest names is audited as read by that caseworker (issue 6: every client
// record shown in Slack is audited), in the commit that queues it.
import { intlLocale } from '../../../domain/locale.ts';
import { addLocalDays, DAY, HOUR, zonedToUtc } from '../../../domain/time.ts';
import type { Millis, Staff } from '../../../domain/types.ts';
import { dateKey, localDateOf, parseWorkingHours, workingStretch } from '../../../domain/working-time.ts';
import type { Scope } from '../../../ports/store.ts';
import { auditWrite } from '../../shared/audit.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { formatWhen } from '../../shared/format.ts';
import type { SchedulerJob } from '../job.ts';
import { applied, depsAt, directMessageWrite, staffReader, staffFollowupRecord } from './context.ts';
import type { DigestPayload } from './payloads.ts';
import { unreachableChannels, type Unreachable } from './unreachable-numbers.ts';

/** After this long into the working day, the day's digest is not sent any more. */
export const DIGEST_LATEST = 2 * HOUR;
/** Clients waiting for an answer longer than this are not listed (the nudge told of them already). */
const WAITING_WINDOW = 30 * DAY;

const timeOf = (at: Millis, zone: string) => new Intl.DateTimeFormat(intlLocale('en'), { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(at));
const dayOf = (at: Millis, zone: string) =>
  new Intl.DateTimeFormat(intlLocale('en'), { timeZone: zone, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(at));

interface Due {
  staff: Staff;
  date: { year: number; month: number; day: number };
}

/** The caseworkers whose working day has begun within the last two hours. */
const dueNow = (staff: Staff[], now: Millis): Due[] =>
  staff.flatMap((s) => {
    if (!s.active || !s.slackUserId) return [];
    const date = localDateOf(now, s.timeZone);
    const stretch = workingStretch(date, parseWorkingHours(s.workingHours), s.timeZone);
    return stretch && now >= stretch.start && now < stretch.start + DIGEST_LATEST ? [{ staff: s, date }] : [];
  });

const digestOf = async (deps: CoreDeps, s: Scope, due: Due, unreachable: Unreachable[], now: Millis) => {
  const { staff, date } = due;
  const zone = staff.timeZone;
  const when = (at: Millis) => formatWhen(at, 'en', zone);
  const from = zonedToUtc(date, 0, zone);
  const [day, waiting] = await Promise.all([
    deps.store.followupScan.caseworkerDay(s, staff.id, from, zonedToUtc(addLocalDays(date, 1), 0, zone)),
    deps.store.followupScan.waitingConversations(s, now - WAITING_WINDOW, staff.id),
  ]);
  const mine = (await Promise.all(unreachable.map(async (u) => ({ u, client: await deps.store.clients.get(s, u.clientId) })))).flatMap(({ u, client }) =>
    client?.staffId === staff.id ? [{ u, client }] : [],
  );
  // Each client named anywhere in the digest, for the audit.
  const shown = new Set<string>();
  const named = <T>(clientId: string, row: T): T => {
    shown.add(clientId);
    return row;
  };
  const payload: DigestPayload = {
    staffName: staff.name,
    date: dayOf(from, zone),
    appointments: day.appointments.map(({ appointment: a, clientName }) => named(a.clientId, { when: timeOf(a.startsAt, zone), clientName, status: a.status })),
    reschedules: day.reschedules.map(({ appointment: a, clientName }) =>
      named(a.clientId, { clientName, from: when(a.startsAt), to: when(a.requestedStartsAt ?? a.startsAt) }),
    ),
    documents: day.documents.map(({ request: r, clientName }) => named(r.clientId, { clientName, kind: r.kind, when: when(r.updatedAt) })),
    unanswered: waiting.map((w) => named(w.client.id, { clientName: w.client.displayName, count: w.waiting, when: when(w.lastInboundAt) })),
    unreachable: mine.map(({ u, client }) =>
      named(client.id, { clientName: client.displayName, channel: u.channel.kind as 'sms' | 'telegram', error: u.streak.lastError }),
    ),
  };
  return { payload, shown };
};

export const dailyDigestJob: SchedulerJob = {
  name: 'daily-digest',
  async run(base, { agency, settings, now }) {
    if (!settings.dailyDigest) return 0;
    const deps = depsAt(base, now);
    const scope = { agencyId: agency.id };
    const due = dueNow(await deps.store.staff.list(scope), now);
    if (due.length === 0) return 0;
    const sent = new Set(
      (await deps.store.reminders.listForSubjects(scope, 'digest', due.map((d) => d.staff.id))).map((r) => `${r.subjectId}|${r.offsetKey}`),
    );
    const todo = due.filter((d) => !sent.has(`${d.staff.id}|${dateKey(d.date)}`));
    if (todo.length === 0) return 0;
    const unreachable = await unreachableChannels(deps, scope, now, settings.unreachableAfterFailures);
    let done = 0;
    for (const d of todo) {
      const { payload, shown } = await digestOf(deps, scope, d, unreachable, now);
      const reader = staffReader(agency.id, d.staff.id);
      const key = dateKey(d.date);
      const counts = {
        date: payload.date,
        appointments: payload.appointments.length,
        reschedules: payload.reschedules.length,
        documents: payload.documents.length,
        unanswered: payload.unanswered.length,
        unreachable: payload.unreachable.length,
      };
      const writes = [
        staffFollowupRecord(deps, {
          agencyId: agency.id,
          clientId: null,
          staffId: d.staff.id,
          kind: 'digest',
          subjectId: d.staff.id,
          offsetKey: key,
          dueAt: zonedToUtc(d.date, parseWorkingHours(d.staff.workingHours).start, d.staff.timeZone),
        }),
        directMessageWrite(deps, { agencyId: agency.id, staffId: d.staff.id, key: 'daily_digest', vars: counts, payload, idempotencyKey: `followup:digest:${d.staff.id}:${key}` }),
        ...[...shown].map((clientId) => auditWrite(deps, reader, 'digest.view', { type: 'client', id: clientId }, clientId)),
      ];
      done += applied(await deps.store.commit(writes));
    }
    return done;
  },
};
