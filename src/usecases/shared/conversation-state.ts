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
