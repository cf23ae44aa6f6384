import type { Actor } from '../../domain/actor.ts';
import { canConfirm } from '../../domain/appointment-rules.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Appointment } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadAppointment } from './load.ts';

export type ConfirmRefusal = 'not_found' | 'not_confirmable' | 'conflict' | 'duplicate';

/** The client says they will come. Confirming twice is fine and changes nothing. */
export const confirmAppointment = async (
  deps: CoreDeps,
  actor: Actor,
  input: { clientId: string; appointmentId: string },
): Promise<Result<Appointment, ConfirmRefusal>> => {
  const found = await loadAppointment(deps, actor, input);
  if (!found) return fail('not_found');
  const { appointment: a, client } = found;
  if (a.status === 'confirmed') return ok(a);
  const now = deps.clock.now();
  if (!canConfirm(a, now)) return fail('not_confirmable', { status: a.status });
  const next: Appointment = { ...a, status: 'confirmed', confirmedAt: now, version: a.version + 1, updatedAt: now };
  return commitWrites(
    deps,
    [
      deps.store.appointments.update(actor, a.id, a.version, { status: 'confirmed', confirmedAt: now }, now),
      auditWrite(deps, actor, 'appointment.confirm', { type: 'appointment', id: a.id }, client.id),
    ],
    next,
  );
};
