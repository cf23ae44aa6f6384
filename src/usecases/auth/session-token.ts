import { randomToken, sha256Hex } from '../../domain/secrets.ts';
import type { PortalSession } from '../../ports/auth-store.ts';
import type { Millis } from '../../domain/types.ts';

export const SESSION_IDLE_MS = 30 * 60_000;

/** A new session for a client: the token goes in the cookie, only its hash is stored. */
export const newSession = async (
  client: { agencyId: string; id: string },
  method: PortalSession['method'],
  now: Millis,
): Promise<{ token: string; session: PortalSession }> => {
  const token = randomToken(32);
  return {
    token,
    session: {
      id: await sha256Hex(token),
      agencyId: client.agencyId,
      clientId: client.id,
      csrfToken: randomToken(24),
      createdAt: now,
      lastSeenAt: now,
      method,
    },
  };
};

export const sessionIdOf = (token: string): Promise<string> => sha256Hex(token);
