import type { Actor } from '../../domain/actor.ts';
import type { Client } from '../../domain/types.ts';
import type { CoreDeps } from './deps.ts';

/**
 * The client the actor may act on: a client only on themself, staff and admins on any client of
 * their agency. Anything else looks exactly like a client that does not exist.
 */
export const loadClient = async (deps: Pick<CoreDeps, 'store'>, actor: Actor, clientId: string): Promise<Client | null> => {
  if (actor.type === 'client' && actor.clientId !== clientId) return null;
  return deps.store.clients.get({ agencyId: actor.agencyId }, clientId);
};
