import type { PortalSession } from '../../ports/auth-store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

/** Ends a session: the row is deleted, so the old cookie opens nothing. */
export const signOut = async (deps: CoreDeps, session: PortalSession): Promise<void> => {
  const actor = { type: 'client' as const, agencyId: session.agencyId, clientId: session.clientId, door: 'portal' as const };
  await deps.store.commit([
    deps.store.sessions.delete(session.id),
    auditWrite(deps, actor, 'portal.sign_out', { type: 'session', id: null }, session.clientId),
  ]);
};
