import type { Actor } from '../../domain/actor.ts';
import type { Appointment, Client } from '../../domain/types.ts';
import { auditDenied, loadClient } from '../shared/access.ts';
import type { CoreDeps } from '../shared/deps.ts';

/** The client and their appointment, or null when either is not the actor's to see. */
export const loadAppointment = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  input: { clientId: string; appointmentId: string },
): Promise<{ client: Client; appointment: Appointment } | null> => {
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return null;
  const appointment = await deps.store.appointments.getForClient(actor, client.id, input.appointmentId);
  if (!appointment) await auditDenied(deps, actor, { type: 'appointment', id: input.appointmentId });
  return appointment ? { client, appointment } : null;
};
