import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Client } from '../../domain/types.ts';
import type { SessionWithClass } from '../../ports/store.ts';
import { auditDenied, loadClient } from '../shared/access.ts';
import type { CoreDeps } from '../shared/deps.ts';

/**
 * The client and one session of a class they are actively enrolled in, with their attendance row.
 * A client other than the actor, or a session of another agency, is `not_found`.
 */
export const loadEnrolledSession = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  input: { clientId: string; sessionId: string },
): Promise<Result<{ client: Client; found: SessionWithClass }, 'not_found' | 'not_enrolled'>> => {
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const found = await deps.store.classes.sessionForClient(actor, client.id, input.sessionId);
  if (!found) {
    await auditDenied(deps, actor, { type: 'class_session', id: input.sessionId });
    return fail('not_found');
  }
  const enrollment = await deps.store.classes.enrollment(actor, found.series.id, client.id);
  if (enrollment?.status !== 'active') return fail('not_enrolled');
  return ok({ client, found });
};
