import type { Actor } from '../../domain/actor.ts';
import type { Client } from '../../domain/types.ts';
import { auditWrite } from './audit.ts';
import type { CoreDeps } from './deps.ts';

type AccessDeps = Pick<CoreDeps, 'store' | 'ids' | 'clock'>;

/**
 * Records that an actor asked for something that is not theirs (or does not exist): the attempt
 * is in the audit trail of the actor's own client, so probing another client's ids leaves a trace.
 */
export const auditDenied = async (deps: AccessDeps, actor: Actor, subject: { type: string; id: string }): Promise<void> => {
  // An actor claiming an agency that does not exist has nothing to be audited under.
  if (!(await deps.store.agencies.get(actor.agencyId))) return;
  await deps.store.commit([
    auditWrite(deps, actor, 'access.denied', subject, actor.type === 'client' ? actor.clientId : null),
  ]);
};

/**
 * The client the actor may act on: a client only on themself, staff and admins on any client of
 * their agency. Anything else looks exactly like a client that does not exist.
 */
export const loadClient = async (deps: AccessDeps, actor: Actor, clientId: string): Promise<Client | null> => {
  const client =
    actor.type === 'client' && actor.clientId !== clientId ? null : await deps.store.clients.get({ agencyId: actor.agencyId }, clientId);
  if (!client) await auditDenied(deps, actor, { type: 'client', id: clientId });
  return client;
};
