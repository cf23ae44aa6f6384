// A client texts something that looks like a check-in code (a bare "K7P4Q" on SMS or Telegram):
// it is a check-in only while one of their sessions is open and the code is theirs; anything else
// is their words, to be relayed as a message. One rule for every door that takes free text.
import type { Actor } from '../../domain/actor.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { checkIn, type CheckinDone } from './check-in.ts';
import { listUpcomingSessions } from './list-upcoming-sessions.ts';

/** What a texted check-in code looks like (the codes staff hand out); anything else is a message. */
export const CODE_LIKE = /^[A-Za-z0-9]{4,8}$/;

/** The check-in the text made, or null when the text was not one (it is then a message). */
export const checkInByText = async (deps: CoreDeps, actor: Actor, input: { clientId: string; text: string }): Promise<CheckinDone | null> => {
  const code = input.text.trim();
  if (!CODE_LIKE.test(code)) return null;
  const upcoming = await listUpcomingSessions(deps, actor, { clientId: input.clientId, withinDays: 1 });
  if (!upcoming.ok || !upcoming.value.some((s) => s.checkinOpen)) return null;
  const r = await checkIn(deps, actor, { clientId: input.clientId, code });
  return r.ok ? r.value : null;
};
