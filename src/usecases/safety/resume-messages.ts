// Messages back on: the client from the portal (signed in: whoever holds their phone cannot turn
// them back on by text), or a caseworker from Slack. The pause is lifted, audited, shown in the
// client's Slack thread, and the client is told on their channel, in their allowed hours.
import { safetyTarget, type SafetyInput } from './target.ts';
import type { Actor } from '../../domain/actor.ts';
import { pickDeliveryChannel } from '../../domain/channels.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Millis } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { formatWhen } from '../shared/format.ts';
import { staffNoticeWrite } from '../shared/notify-staff.ts';
import { safetyMessageWrite, staffZone } from './pause-messages.ts';


export type ResumeRefusal = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export interface Resumed {
  /** false: messages were on already, and nothing was changed or queued */
  resumed: boolean;
  /** the pause that was lifted (null when there was none) */
  pausedAt: Millis | null;
  pausedBy: string | null;
  /** a confirmation was queued to the client (false: no channel we may use, or nothing to resume) */
  told: boolean;
}

const NOTHING: Resumed = { resumed: false, pausedAt: null, pausedBy: null, told: false };

/**
 * Turns a paused client's messages back on. The client only from the portal; staff if active on
 * the agency's staff; anyone else `forbidden`. A client who is not paused: ok, nothing done.
 */
export const resumeMessages = async (deps: CoreDeps, actor: Actor, raw: SafetyInput): Promise<Result<Resumed, ResumeRefusal>> => {
  // the client only from the portal: whoever holds their phone must not turn messages back on
  const target = await safetyTarget(deps, actor, raw, ['portal']);
  if (!target.ok) return target;
  const { client, staff } = target.value;
  if (client.pausedAt === null) return ok(NOTHING);

  const now = deps.clock.now();
  // One resume per pause: a second one of the same pause, at once, fails on these keys.
  const key = `safety.resume:${client.id}:${client.pausedAt}`;
  const back = { ...client, pausedAt: null, pausedBy: null };
  const to = pickDeliveryChannel(back, await deps.store.channels.listForClient(actor, client.id));
  const told = await safetyMessageWrite(deps, back, { key: 'resumed', kind: 'notice', to, idempotencyKey: `${key}:told` });
  const r = await commitWrites(
    deps,
    [
      deps.store.clients.setPaused(actor, client.id, { pausedAt: null, pausedBy: null }),
      auditWrite(deps, actor, 'safety.resume', { type: 'client', id: client.id }, client.id),
      staffNoticeWrite(deps, client, {
        key: staff ? 'client_resumed_by_staff' : 'client_resumed',
        vars: { when: formatWhen(now, 'en', await staffZone(deps, client)), by: staff?.name ?? '' },
        idempotencyKey: `${key}:staff`,
        payload: { clientId: client.id, resumedAt: now, pausedAt: client.pausedAt, ...(staff ? { byName: staff.name } : {}) },
      }),
      told,
    ],
    { resumed: true, pausedAt: client.pausedAt, pausedBy: client.pausedBy, told: told !== null },
  );
  if (r.ok) return r;
  // `conflict`: resumed meanwhile by someone else — what was asked for is done.
  // `duplicate`: a twin resume of the same pause committed first.
  return (await deps.store.clients.get(actor, client.id))?.pausedAt === null ? ok(NOTHING) : fail('conflict');
};
