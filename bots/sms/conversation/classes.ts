// Classes by text: the next session with 1 "I'll be there" / 2 "I can't come", and check-in by
// texting the session's code while one of the client's sessions is open.
import { checkInByText } from '../../../src/usecases/classes/check-in-by-text.ts';
import { listUpcomingSessions } from '../../../src/usecases/classes/list-upcoming-sessions.ts';
import { rsvpSession } from '../../../src/usecases/classes/rsvp-session.ts';
import { formatWhen } from '../../../src/usecases/shared/format.ts';
import { mustBeNeutral } from '../../../src/domain/wording.ts';
import { ask, closeQuestion } from './questions.ts';
import { clientActor, refuse, say, type Turn } from './turn.ts';


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

/** A code-like text checks the client in while a session of theirs is open; false: it is a message. */
export const tryCheckIn = async (turn: Turn, body: string): Promise<boolean> => {
  const client = turn.client!;
  const done = await checkInByText(turn.env.core, clientActor(client), { clientId: client.id, text: body });
  if (done) await say(turn, 'classes.checked_in');
  return done !== null;
};
