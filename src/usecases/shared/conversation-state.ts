// The open question of a chat or phone number, kept in the store so that any instance of the bot
// (or a restarted one) reads the answer the same way.
import type { Millis } from '../../domain/types.ts';
import type { StateChannel } from '../../ports/inbox.ts';
import type { Write } from '../../ports/store.ts';
import type { CoreDeps } from './deps.ts';

export interface Where {
  agencyId: string;
  channel: StateChannel;
  address: string;
}

export interface OpenQuestion<T> {
  kind: string;
  clientId: string;
  data: T;
}

/** Asks `kind` of the address for `clientId`, replacing any open question, for `ttlMs`. */
export const askWrite = <T>(deps: Pick<CoreDeps, 'store' | 'clock'>, at: Where, q: OpenQuestion<T>, ttlMs: Millis): Write => {
  const now = deps.clock.now();
  return deps.store.states.put({ ...at, clientId: q.clientId, kind: q.kind, data: JSON.stringify(q.data), expiresAt: now + ttlMs, updatedAt: now });
};

/**
 * The address's open question, when it is of one of `kinds` and was asked for `clientId` (a chat
 * handed to someone else does not answer the last person's question). Null otherwise.
 */
export const openQuestion = async <T>(
  deps: Pick<CoreDeps, 'store' | 'clock'>,
  at: Where,
  clientId: string,
  kinds: readonly string[],
): Promise<OpenQuestion<T> | null> => {
  const row = await deps.store.states.get({ agencyId: at.agencyId }, at.channel, at.address, deps.clock.now());
  if (!row || row.clientId !== clientId || !kinds.includes(row.kind)) return null;
  try {
    return { kind: row.kind, clientId: row.clientId, data: JSON.parse(row.data) as T };
  } catch {
    return null;
  }
};

/** Closes whatever question the address had open. */
export const closeWrite = (deps: Pick<CoreDeps, 'store'>, at: Where): Write => deps.store.states.clear({ agencyId: at.agencyId }, at.channel, at.address);

/** Reads and closes in one go: an answer answers a question once. */
export const takeQuestion = async <T>(
  deps: Pick<CoreDeps, 'store' | 'clock'>,
  at: Where,
  clientId: string,
  kinds: readonly string[],
): Promise<OpenQuestion<T> | null> => {
  const q = await openQuestion<T>(deps, at, clientId, kinds);
  if (q) await deps.store.commit([closeWrite(deps, at)]);
  return q;
};

/**
 * A question an outgoing text opens once it is sent (a reminder's "Reply 1 to confirm"): carried in
 * the outbox row's payload, so a text held back (quiet hours) or never sent does not change what
 * the client's "1" answers in the meantime.
 */
export interface QuestionOnSend {
  kind: string;
  clientId: string;
  data: unknown;
  /** when the question stops meaning anything (the event) */
  untilAt: Millis;
}

/** The question a sent SMS row opens, if its payload carries one (see QuestionOnSend). */
export const questionOnSend = (payload: Record<string, unknown>): QuestionOnSend | null => {
  const q = payload.opensQuestion as Partial<QuestionOnSend> | undefined;
  if (!q || typeof q !== 'object' || typeof q.kind !== 'string' || typeof q.clientId !== 'string' || typeof q.untilAt !== 'number') return null;
  return { kind: q.kind, clientId: q.clientId, data: q.data, untilAt: q.untilAt };
};
