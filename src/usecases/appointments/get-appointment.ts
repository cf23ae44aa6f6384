import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadAppointment } from './load.ts';
import { viewAppointments, type AppointmentView } from './view.ts';

/** One appointment, with who it is with; another client's id is simply not found. */
export const getAppointment = async (
  deps: CoreDeps,
  actor: Actor,
  input: { clientId: string; appointmentId: string },
): Promise<Result<AppointmentView, 'not_found'>> => {
  const found = await loadAppointment(deps, actor, input);
  if (!found) return fail('not_found');
  const [view] = await viewAppointments(deps, [found.appointment]);
  await deps.store.commit([
    auditWrite(deps, actor, 'appointment.read', { type: 'appointment', id: found.appointment.id }, found.client.id),
  ]);
  return view ? ok(view) : fail('not_found');
};
