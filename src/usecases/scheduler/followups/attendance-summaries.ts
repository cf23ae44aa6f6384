// After each class session (settings.attendanceSummaryAfterMinutes after it ends), the class's
// caseworker gets a direct message in Slack: how many are enrolled, their RSVPs (yes, no, no
// answer), how many checked in, and who said yes but did not check in. Once per session; after
// downtime, sessions that ended up to a day before are still summed up (it is for the caseworker,
// and still useful late). Each client named is audited as read by that caseworker.
import { DAY, MINUTE } from '../../../domain/time.ts';
import type { Millis, Staff } from '../../../domain/types.ts';
import type { EndedSession, RosterEntry } from '../../../ports/followup-scan.ts';
import { attendanceOutcome } from '../../classes/outcome.ts';
import { auditWrite } from '../../shared/audit.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { formatWhen } from '../../shared/format.ts';
import type { SchedulerJob } from '../job.ts';
import { applied, depsAt, directMessageWrite, staffReader, staffFollowupRecord } from './context.ts';
import type { AttendancePayload } from './payloads.ts';

/** How long after its moment a summary is still sent after downtime. */
export const ATTENDANCE_LOOKBACK = DAY;

const came = (r: RosterEntry) => attendanceOutcome(r.attendance) === 'attended';
/** Said they would come and did not check in (nor were marked present). */
const saidYesNotThere = (r: RosterEntry) => r.attendance?.rsvp === 'yes' && !came(r);

/** The numbers of one session, from everyone on its list. */
export const summarize = (roster: RosterEntry[]): Omit<AttendancePayload, 'classTitle' | 'when'> => {
  const enrolled = roster.filter((r) => r.enrolled);
  return {
    enrolled: enrolled.length,
    rsvpYes: roster.filter((r) => r.attendance?.rsvp === 'yes').length,
    rsvpNo: roster.filter((r) => r.attendance?.rsvp === 'no').length,
    rsvpNone: enrolled.filter((r) => !r.attendance?.rsvp).length,
    checkedIn: roster.filter(came).length,
    yesNoShow: roster.filter(saidYesNotThere).map((r) => r.clientName),
  };
};

const summaryWrites = async (deps: CoreDeps, e: EndedSession, staff: Staff, dueAt: Millis) => {
  const scope = { agencyId: e.session.agencyId };
  const roster = await deps.store.followupScan.sessionRoster(scope, e.session);
  const numbers = summarize(roster);
  const payload: AttendancePayload = { classTitle: e.series.title, when: formatWhen(e.session.startsAt, 'en', staff.timeZone), ...numbers };
  const reader = staffReader(scope.agencyId, staff.id);
  // The summary names only those who said yes and did not come: each is audited as read.
  const namedIds = roster.filter(saidYesNotThere).map((r) => r.clientId);
  return [
    staffFollowupRecord(deps, {
      agencyId: scope.agencyId,
      clientId: null,
      staffId: staff.id,
      kind: 'attendance',
      subjectId: e.session.id,
      offsetKey: 'summary',
      dueAt,
    }),
    directMessageWrite(deps, {
      agencyId: scope.agencyId,
      staffId: staff.id,
      key: 'attendance_summary',
      vars: { class: payload.classTitle, when: payload.when, enrolled: payload.enrolled, checkedIn: payload.checkedIn, yesNoShow: payload.yesNoShow.length },
      payload,
      idempotencyKey: `followup:attendance:${e.session.id}`,
    }),
    ...namedIds.map((id) => auditWrite(deps, reader, 'attendance_summary.view', { type: 'session', id: e.session.id }, id)),
  ];
};

export const attendanceSummariesJob: SchedulerJob = {
  name: 'attendance-summaries',
  async run(base, { agency, settings, now }) {
    const deps = depsAt(base, now);
    const scope = { agencyId: agency.id };
    const endedBy = now - settings.attendanceSummaryAfterMinutes * MINUTE;
    const ended = await deps.store.followupScan.sessionsEndedBetween(scope, endedBy - ATTENDANCE_LOOKBACK, endedBy);
    if (ended.length === 0) return 0;
    const [staff, records] = await Promise.all([
      deps.store.staff.list(scope),
      deps.store.reminders.listForSubjects(scope, 'attendance', ended.map((e) => e.session.id)),
    ]);
    const summed = new Set(records.map((r) => r.subjectId));
    const byId = new Map(staff.map((s) => [s.id, s]));
    let done = 0;
    for (const e of ended) {
      const caseworker = e.series.staffId ? byId.get(e.series.staffId) : undefined;
      // Only someone who can get a direct message in Slack.
      if (summed.has(e.session.id) || !caseworker?.active || !caseworker.slackUserId) continue;
      const dueAt = e.session.endsAt + settings.attendanceSummaryAfterMinutes * MINUTE;
      done += applied(await deps.store.commit(await summaryWrites(deps, e, caseworker, dueAt)));
    }
    return done;
  },
};
