// Who a crisis alert calls out in Slack, by level:
//   0 (raised): the client's caseworker; the on-call staff when the client has none or the
//     caseworker cannot be mentioned (inactive, no Slack user).
//   1 (first escalation): the caseworker, the on-call staff and every supervisor.
//   2 and after: the same, and the whole channel.
// When there is no one to mention by name, the whole channel is called: an alert nobody sees is
// worse than one everyone sees.
import type { Client, Staff } from '../../domain/types.ts';

export interface CrisisMentions {
  /** Slack user ids, each once */
  slackUserIds: string[];
  /** call the whole channel (<!channel>) */
  everyone: boolean;
}

const reachable = (s: Staff | undefined): s is Staff & { slackUserId: string } => !!s && s.active && !!s.slackUserId;

export const crisisMentions = (staff: readonly Staff[], client: Pick<Client, 'staffId'>, level: number): CrisisMentions => {
  const caseworker = staff.find((s) => s.id === client.staffId);
  const onCall = staff.filter((s) => s.onCall && reachable(s));
  const supervisors = staff.filter((s) => s.role === 'supervisor' && reachable(s));
  const chosen =
    level === 0 ? (reachable(caseworker) ? [caseworker] : onCall) : [...(reachable(caseworker) ? [caseworker] : []), ...onCall, ...supervisors];
  const slackUserIds = [...new Set(chosen.filter(reachable).map((s) => s.slackUserId))];
  return { slackUserIds, everyone: level >= 2 || slackUserIds.length === 0 };
};
