import type { Client } from '../../domain/types.ts';
import type { PortalSession } from '../../ports/auth-store.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { SESSION_IDLE_MS, sessionIdOf } from './session-token.ts';

/** Last-seen is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The session behind a cookie token, or null when there is none, it idled out (30 minutes), or
 * its client is gone. An idle session is deleted on sight.
 */
export const resolveSession = async (
  deps: Pick<CoreDeps, 'store' | 'clock'>,
  token: string | undefined,
): Promise<{ session: PortalSession; client: Client } | null> => {
  if (!token || token.length < 32 || token.length > 64) return null;
  const id = await sessionIdOf(token);
  const session = await deps.store.sessions.get(id);
  if (!session) return null;
  const now = deps.clock.now();
  if (now - session.lastSeenAt > SESSION_IDLE_MS) {
    await deps.store.commit([deps.store.sessions.delete(id)]);
    return null;
  }
  const client = await deps.store.clients.get({ agencyId: session.agencyId }, session.clientId);
  if (!client) return null;
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await deps.store.sessions.touch(id, now);
  return { session, client };
};
