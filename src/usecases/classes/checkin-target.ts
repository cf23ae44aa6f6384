import type { Actor } from '../../domain/actor.ts';
import { checkinRefusal, codesMatch } from '../../domain/checkin.ts';
import { fail, ok, type Fail, type Result } from '../../domain/result.ts';
import { DAY } from '../../domain/time.ts';
import type { Client, Millis } from '../../domain/types.ts';
import type { SessionWithClass } from '../../ports/store.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadEnrolledSession } from './load.ts';

export type TargetRefusal = 'not_found' | 'not_enrolled' | 'too_early' | 'too_late' | 'wrong_code';

const windowRefusal = (found: SessionWithClass, now: Millis, opens: number): Fail<'too_early' | 'too_late'> | null => {
  const refusal = checkinRefusal(found.session, now, opens);
  if (refusal === 'too_early') return fail(refusal, { minutes: opens });
  return refusal ? fail(refusal) : null;
};

/**
 * The session named by the client: it must be of a class they are enrolled in and open for
 * check-in now, and the code must be its code. The window is checked before the code, so nobody
 * can try codes while the session is not open.
 */
export const sessionById = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  input: { clientId: string; sessionId: string; code: string },
  now: Millis,
  opens: number,
): Promise<Result<SessionWithClass, TargetRefusal>> => {
  const loaded = await loadEnrolledSession(deps, actor, input);
  if (!loaded.ok) return loaded;
  const { found } = loaded.value;
  const refusal = windowRefusal(found, now, opens);
  if (refusal) return refusal;
  return codesMatch(input.code, found.session.checkinCode) ? ok(found) : fail('wrong_code');
};

/**
 * SMS and Telegram clients only text the code: the session is the one of their sessions open now
 * whose code it is. The code of one of their sessions from the day before or after that is not
 * open says why (too early, too late); a code that fits none is wrong.
 */
export const sessionByCode = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  client: Client,
  code: string,
  now: Millis,
  opens: number,
): Promise<Result<SessionWithClass, TargetRefusal>> => {
  const near = await deps.store.classes.sessionsForClient(actor, client.id, now - DAY, now + DAY);
  const matching = near.filter((r) => codesMatch(code, r.session.checkinCode));
  const open = matching.find((r) => checkinRefusal(r.session, now, opens) === null);
  if (open) return ok(open);
  const closed = matching.find((r) => r.session.startsAt > now) ?? matching[0];
  if (closed) return windowRefusal(closed, now, opens) ?? fail('wrong_code');
  if (near.length === 0) {
    const enrollments = await deps.store.classes.enrollmentsForClient(actor, client.id);
    if (!enrollments.some((e) => e.status === 'active')) return fail('not_enrolled');
  }
  return fail('wrong_code');
};
