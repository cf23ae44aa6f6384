import { z } from 'zod';
import { isAgencySide, type Actor } from '../../domain/actor.ts';
import { fail, type Result } from '../../domain/result.ts';
import type { Appointment, Millis } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';

const inputSchema = z.object({
  appointmentId: z.string().min(1),
  outcome: z.enum(['attended', 'missed']),
});

export type OutcomeRefusal = 'invalid' | 'forbidden' | 'not_found' | 'not_started' | 'cancelled' | 'conflict' | 'duplicate';

/** The idempotency key prefix of what is queued when an appointment is found missed (the offer of a new time). */
export const missedFollowupKey = (appointmentId: string): string => `followup:missed:${appointmentId}:`;

/**
 * The writes that record whether the client came: the appointment (guarded by the version read)
 * and its audit row. Marking it attended also withdraws an offer of a new time that is still
 * waiting to leave (the client's quiet hours), so a client who came is not told they were missed.
 */
export const outcomeWrites = (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  a: Appointment,
  outcome: 'attended' | 'missed',
  now: Millis,
): { writes: Write[]; value: Appointment } => {
  const patch = { status: outcome, requestedStartsAt: null, statusBeforeRequest: null };
  return {
    writes: [
      deps.store.appointments.update(actor, a.id, a.version, patch, now),
      auditWrite(deps, actor, `appointment.mark_${outcome}`, { type: 'appointment', id: a.id }, a.clientId),
      ...(outcome === 'attended' ? [deps.store.outbox.cancelPending(actor, missedFollowupKey(a.id), 'attended')] : []),
    ],
    value: { ...a, ...patch, version: a.version + 1, updatedAt: now },
  };
};

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
  const { writes, value } = outcomeWrites(deps, actor, a, input.outcome, now);
  return commitWrites(deps, writes, value);
};
