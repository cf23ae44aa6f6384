import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { canCancel } from '../../domain/appointment-rules.ts';
import { detectCrisis } from '../../domain/crisis/detect.ts';
import { fail, type Result } from '../../domain/result.ts';
import type { Appointment } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadAppointment } from './load.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  appointmentId: z.string().min(1),
  reason: z.string().trim().min(1).max(500),
});

/** `reads_as_crisis`: a client's reason that reads like a crisis; nothing is cancelled (see below). */
export type CancelRefusal = 'invalid' | 'not_found' | 'not_cancellable' | 'conflict' | 'duplicate' | 'reads_as_crisis';

/** The client (or their caseworker) cancels, with a reason the caseworker will read. */
export const cancelAppointment = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Appointment, CancelRefusal>> => {
  // A client who answers "why cancel?" with words of a crisis is not giving a reason: nothing is
  // cancelled, and every door passes the words on as a message instead (which raises the alert and
  // answers with crisis help). Read before any length limit: such words are never refused.
  if (actor.type !== 'staff' && actor.type !== 'admin' && typeof raw.reason === 'string' && detectCrisis(raw.reason)) return fail('reads_as_crisis');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const found = await loadAppointment(deps, actor, input);
  if (!found) return fail('not_found');
  const { appointment: a, client } = found;
  const now = deps.clock.now();
  if (!canCancel(a, now)) return fail('not_cancellable', { status: a.status });
  const patch = { status: 'cancelled' as const, cancelReason: input.reason, requestedStartsAt: null };
  return commitWrites(
    deps,
    [
      deps.store.appointments.update(actor, a.id, a.version, patch, now),
      // Its reminders not sent yet are not sent at all.
      deps.store.outbox.cancelPending(actor, `rem:appointment:${a.id}:`, 'appointment_changed'),
      auditWrite(deps, actor, 'appointment.cancel', { type: 'appointment', id: a.id }, client.id),
    ],
    { ...a, ...patch, version: a.version + 1, updatedAt: now },
  );
};
