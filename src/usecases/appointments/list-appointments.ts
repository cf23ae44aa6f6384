import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { MINUTE } from '../../domain/time.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { viewAppointments, type AppointmentView } from './view.ts';

export interface AppointmentList {
  upcoming: AppointmentView[];
  past: AppointmentView[];
}

/** A client's appointments: upcoming soonest first, past most recent first. */
export const listAppointments = async (
  deps: CoreDeps,
  actor: Actor,
  input: { clientId: string },
): Promise<Result<AppointmentList, 'not_found'>> => {
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const all = await viewAppointments(deps, await deps.store.appointments.listForClient(actor, client.id));
  const now = deps.clock.now();
  const isPast = (a: AppointmentView) =>
    a.startsAt + a.durationMinutes * MINUTE <= now || a.status === 'attended' || a.status === 'missed';
  await deps.store.commit([auditWrite(deps, actor, 'appointments.list', { type: 'client', id: client.id }, client.id)]);
  return ok({
    upcoming: all.filter((a) => !isPast(a)),
    past: all.filter(isPast).reverse(),
  });
};
