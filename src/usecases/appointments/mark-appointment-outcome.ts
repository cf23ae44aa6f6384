import { z } from 'zod';
import { isAgencySide, type Actor } from '../../domain/actor.ts';
import { fail, type Result } from '../../domain/result.ts';
import type { Appointment } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';

const inputSchema = z.object({
  appointmentId: z.string().min(1),
  outcome: z.enum(['attended', 'missed']),
});

export type OutcomeRefusal = 'invalid' | 'forbidden' | 'not_found' | 'not_started' | 'cancelled' | 'conflict' | 'duplicate';

/** Staff record whether the client came. Only once the appointment has begun; never on a cancelled one. */
export const markAppointmentOutcome = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Appointment, OutcomeRefusal>> => {
  if (!isAgencySide(actor)) return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const a = await deps.store.appointments.get(actor, input.appointmentId);
  if (!a) return fail('not_found');
  if (a.status === 'cancelled') return fail('cancelled');
  const now = deps.clock.now();
  if (now < a.startsAt) return fail('not_started');
  if (a.status === input.outcome) return { ok: true, value: a };
  const patch = { status: input.outcome, requestedStartsAt: null, statusBeforeRequest: null };
  return commitWrites(
    deps,
    [
      deps.store.appointments.update(actor, a.id, a.version, patch, now),
      auditWrite(deps, actor, `appointment.mark_${input.outcome}`, { type: 'appointment', id: a.id }, a.clientId),
    ],
    { ...a, ...patch, version: a.version + 1, updatedAt: now },
  );
};
