// Every minute: each crisis alert nobody has acknowledged in time goes up one level, with a louder
// staff alert in the client's Slack thread (level 1: the on-call staff and the supervisors; level
// 2 and after: the whole channel too), and is due again after the same interval, until someone
// acknowledges it. Each step is guarded on the level it starts from, in one commit with its staff
// alert (one per alert and level) and its audit row, so two runs at once escalate once.
import { MINUTE } from '../../domain/time.ts';
import type { CrisisAlert } from '../../ports/crisis.ts';
import type { JobContext, SchedulerJob } from '../scheduler/job.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { staffNoticeWrite } from '../shared/notify-staff.ts';
import { crisisMentions } from './mentions.ts';
import { depsAt } from '../scheduler/followups/context.ts';
import { safeError } from '../shared/safe-error.ts';

const escalate = async (real: CoreDeps, ctx: JobContext, alert: CrisisAlert, staff: Awaited<ReturnType<CoreDeps['store']['staff']['list']>>): Promise<boolean> => {
  // Everything at the tick's moment, not the wall clock's (the CLI's `tick --at`, tests).
  const deps = depsAt(real, ctx.now);
  const scope = { agencyId: ctx.agency.id };
  const client = await deps.store.clients.get(scope, alert.clientId);
  if (!client) return false;
  const level = alert.level + 1;
  const minutes = Math.max(1, Math.round((ctx.now - alert.createdAt) / MINUTE));
  const mention = crisisMentions(staff, client, level);
  const outcome = await deps.store.commit([
    deps.store.crisis.escalate(scope, alert.id, alert.level, ctx.now + ctx.settings.crisisEscalationMinutes * MINUTE),
    staffNoticeWrite(deps, client, {
      key: 'crisis_escalation',
      vars: { minutes },
      idempotencyKey: `crisis:${alert.id}:L${level}`,
      payload: { alertId: alert.id, level, minutes, category: alert.category, channel: alert.channel, mention: mention.slackUserIds, everyone: mention.everyone },
    }),
    auditWrite(deps, { type: 'system', agencyId: ctx.agency.id, door: 'scheduler' }, 'crisis.escalated', { type: 'crisis_alert', id: alert.id }, client.id),
  ]);
  // `conflict`: acknowledged meanwhile, or another run escalated it first; `duplicate`: the same.
  return outcome === 'ok';
};

export const crisisEscalationJob: SchedulerJob = {
  name: 'crisis-escalation',
  async run(deps, ctx) {
    const due = await deps.store.crisis.listDue({ agencyId: ctx.agency.id }, ctx.now);
    if (due.length === 0) return 0;
    const staff = await deps.store.staff.list({ agencyId: ctx.agency.id });
    let done = 0;
    // One alert that fails must not hold back the others: each is tried, the failure reported after.
    const failures: string[] = [];
    for (const alert of due) {
      try {
        if (await escalate(deps, ctx, alert, staff)) done += 1;
      } catch (e) {
        failures.push(safeError(e));
      }
    }
    if (failures.length > 0) throw new Error(`crisis escalation failed for ${failures.length} alert(s): ${failures.join(', ')}`);
    return done;
  },
};
