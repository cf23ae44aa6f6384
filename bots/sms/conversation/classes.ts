// Classes by text: the next session with 1 "I'll be there" / 2 "I can't come", and check-in by
// texting the session's code while one of the client's sessions is open.
import { checkIn } from '../../../src/usecases/classes/check-in.ts';
import { listUpcomingSessions } from '../../../src/usecases/classes/list-upcoming-sessions.ts';
import { rsvpSession } from '../../../src/usecases/classes/rsvp-session.ts';
import { formatWhen } from '../../../src/usecases/shared/format.ts';
import { mustBeNeutral } from '../../../src/domain/wording.ts';
import { ask, closeQuestion } from './questions.ts';
import { clientActor, refuse, say, type Turn } from './turn.ts';

/** What a texted check-in code looks like (the codes staff hand out); anything else is a message. */
export const CODE_LIKE = /^[A-Za-z0-9]{4,8}$/;

export const showNextSession = async (turn: Turn) => {
  const client = turn.client!;
  const r = await listUpcomingSessions(turn.env.core, clientActor(client), { clientId: client.id });
  if (!r.ok) return refuse(turn, r);
  const next = r.value.find((s) => s.checkedInAt === null);
  if (!next) return say(turn, 'classes.none', undefined, true);
  await ask(turn, { kind: 'session', data: { sessionId: next.sessionId } });
  const whenText = formatWhen(next.startsAt, turn.locale, client.timeZone);
  return mustBeNeutral(client, next.sensitive)
    ? say(turn, 'classes.next_neutral', { when: whenText })
    : say(turn, 'classes.next', { title: next.title, when: whenText });
};

export const answerSession = async (turn: Turn, sessionId: string, going: boolean) => {
  await closeQuestion(turn);
  const client = turn.client!;
  const r = await rsvpSession(turn.env.core, clientActor(client), { clientId: client.id, sessionId, answer: going ? 'yes' : 'no' });
  // A session the client is not in reads like one that does not exist.
  if (!r.ok) return refuse(turn, r.code === 'not_enrolled' ? { code: 'not_found' } : r);
  return say(turn, going ? 'classes.going' : 'classes.not_going');
};

/**
 * A code-like text checks the client in when one of their sessions is open now. False when it
 * was not a check-in after all (no session open, or the code is not theirs): it is a message.
 */
export const tryCheckIn = async (turn: Turn, body: string): Promise<boolean> => {
  const code = body.trim();
  if (!CODE_LIKE.test(code)) return false;
  const client = turn.client!;
  const upcoming = await listUpcomingSessions(turn.env.core, clientActor(client), { clientId: client.id, withinDays: 1 });
  if (!upcoming.ok || !upcoming.value.some((s) => s.checkinOpen)) return false;
  const r = await checkIn(turn.env.core, clientActor(client), { clientId: client.id, code });
  if (!r.ok) return false;
  await say(turn, 'classes.checked_in');
  return true;
};
