// A client wrote and nobody answered: once `unansweredAfterWorkingMinutes` of their caseworker's
// working time have passed since the client's last message (evenings and days off do not count),
// a nudge lands in the client's Slack thread. Once per last message: if the client writes again,
// the wait starts again from that message. A client with no caseworker is nudged about on the
// agency's clock and default hours, in the unassigned queue.
import { DAY } from '../../../domain/time.ts';
import type { Staff } from '../../../domain/types.ts';
import { addWorkingMinutes, DEFAULT_WORKING_HOURS, parseWorkingHours } from '../../../domain/working-time.ts';
import type { WaitingConversation } from '../../../ports/followup-scan.ts';
import { auditWrite } from '../../shared/audit.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { formatWhen } from '../../shared/format.ts';
import { staffNoticeWrite } from '../../shared/notify-staff.ts';
import type { SchedulerJob } from '../job.ts';
import { applied, depsAt, schedulerActor, staffFollowupRecord } from './context.ts';

/**
 * How far back a waiting message is looked for. The longest wait the settings allow (5 working
 * days) fits with room for a holiday week; older ones still show in the daily digest.
 */
export const UNANSWERED_WINDOW = 14 * DAY;

const nudgeWrites = (deps: CoreDeps, w: WaitingConversation, dueAt: number, zone: string) => {
  const { client } = w;
  return [
    staffFollowupRecord(deps, {
      agencyId: client.agencyId,
      clientId: client.id,
      staffId: client.staffId,
      kind: 'unanswered',
      subjectId: w.lastMessageId,
      offsetKey: 'nudge',
      dueAt,
    }),
    staffNoticeWrite(deps, client, {
      key: 'unanswered_nudge',
      vars: { when: formatWhen(w.lastInboundAt, 'en', zone), count: w.waiting },
      idempotencyKey: `followup:unanswered:${w.lastMessageId}`,
      payload: { messageId: w.lastMessageId, lastInboundAt: w.lastInboundAt, waiting: w.waiting },
    }),
    auditWrite(deps, schedulerActor(client.agencyId), 'followup.unanswered', { type: 'message', id: w.lastMessageId }, client.id),
  ];
};

export const unansweredMessagesJob: SchedulerJob = {
  name: 'unanswered-messages',
  async run(base, { agency, settings, now }) {
    const deps = depsAt(base, now);
    const scope = { agencyId: agency.id };
    const waiting = await deps.store.followupScan.waitingConversations(scope, now - UNANSWERED_WINDOW);
    if (waiting.length === 0) return 0;
    const [staff, records] = await Promise.all([
      deps.store.staff.list(scope),
      deps.store.reminders.listForSubjects(scope, 'unanswered', waiting.map((w) => w.lastMessageId)),
    ]);
    const staffById = new Map<string, Staff>(staff.map((s) => [s.id, s]));
    const nudged = new Set(records.map((r) => r.subjectId));
    let done = 0;
    for (const w of waiting) {
      if (nudged.has(w.lastMessageId)) continue;
      const caseworker = w.client.staffId ? staffById.get(w.client.staffId) : undefined;
      const zone = caseworker?.timeZone ?? agency.timeZone;
      const hours = caseworker ? parseWorkingHours(caseworker.workingHours) : DEFAULT_WORKING_HOURS;
      const due = addWorkingMinutes(w.lastInboundAt, settings.unansweredAfterWorkingMinutes, hours, zone);
      if (due === null || due > now) continue;
      done += applied(await deps.store.commit(nudgeWrites(deps, w, due, zone)));
    }
    return done;
  },
};
