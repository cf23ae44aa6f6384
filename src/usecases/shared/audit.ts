import { actorId, type Actor } from '../../domain/actor.ts';
import type { Write } from '../../ports/store.ts';
import type { CoreDeps } from './deps.ts';

/** The audit row for a read or change of a client's data, committed with the change itself. */
export const auditWrite = (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  action: string,
  subject: { type: string; id: string | null },
  clientId: string | null,
): Write =>
  deps.store.audit.insert({
    id: deps.ids.newId('aud'),
    agencyId: actor.agencyId,
    actorType: actor.type,
    actorId: actorId(actor),
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    clientId,
    channel: actor.door,
    at: deps.clock.now(),
  });
