import { z } from 'zod';
import { isAgencySide, type Actor } from '../../domain/actor.ts';
import { fail, type Result } from '../../domain/result.ts';
import type { Appointment, AppointmentStatus } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { formatWhen } from '../shared/format.ts';
import { clientNoticeWrite } from '../shared/notify-client.ts';

const inputSchema = z.discriminatedUnion('decision', [
  z.object({ appointmentId: z.string().min(1), decision: z.literal('approve') }),
  z.object({ appointmentId: z.string().min(1), decision: z.literal('decline'), reason: z.string().trim().min(1).max(500) }),
]);

export type DecideRefusal = 'invalid' | 'forbidden' | 'not_found' | 'no_request' | 'conflict' | 'duplicate';

/**
 * A caseworker approves the requested time (the appointment moves, one more change is counted) or
 * declines it with a reason (the appointment keeps its time). Either way the client is told, in
 * their language, on their channel.
 */
export const decideReschedule = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Appointment, DecideRefusal>> => {
  if (!isAgencySide(actor)) return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const a = await deps.store.appointments.get(actor, input.appointmentId);
  if (!a) return fail('not_found');
  const client = await deps.store.clients.get(actor, a.clientId);
  if (!client) return fail('not_found');
  if (a.status !== 'reschedule_requested' || a.requestedStartsAt === null) return fail('no_request');
  const now = deps.clock.now();
  const version = a.version + 1;
  const approved = input.decision === 'approve';
  const patch = approved
    ? {
        status: 'rescheduled' as const,
        startsAt: a.requestedStartsAt,
        requestedStartsAt: null,
        statusBeforeRequest: null,
        rescheduleCount: a.rescheduleCount + 1,
        confirmedAt: null,
      }
    : {
        status: (a.statusBeforeRequest ?? 'scheduled') as AppointmentStatus,
        requestedStartsAt: null,
        statusBeforeRequest: null,
      };
  const notice = await clientNoticeWrite(deps, client, {
    key: approved ? 'reschedule_approved' : 'reschedule_declined',
    vars: {
      when: formatWhen(approved ? a.requestedStartsAt : a.startsAt, client.language, client.timeZone),
      reason: input.decision === 'decline' ? input.reason : '',
    },
    sensitive: a.sensitive,
    idempotencyKey: `appointment:${a.id}:v${version}:${input.decision}`,
    payload: { kind: 'appointment', appointmentId: a.id },
  });
  return commitWrites(
    deps,
    [
      deps.store.appointments.update(actor, a.id, a.version, patch, now),
      // The old time's reminders not sent yet are not sent; the new time gets its own (their key holds the start).
      approved ? deps.store.outbox.cancelPending(actor, `rem:appointment:${a.id}:`, 'appointment_changed') : null,
      auditWrite(deps, actor, `appointment.reschedule_${input.decision}`, { type: 'appointment', id: a.id }, client.id),
      notice,
    ],
    { ...a, ...patch, version, updatedAt: now },
  );
};
