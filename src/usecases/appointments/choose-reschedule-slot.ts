import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { rescheduleRefusal, type RescheduleRefusal } from '../../domain/appointment-rules.ts';
import { fail, type Result } from '../../domain/result.ts';
import type { Appointment } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import { staffNoticeWrite } from '../shared/notify-staff.ts';
import { formatWhen } from '../shared/format.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadSettings } from '../shared/settings.ts';
import { loadAppointment } from './load.ts';
import { offeredSlots } from './offered-slots.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  appointmentId: z.string().min(1),
  slotStartsAt: z.number().int().positive(),
});

export type ChooseSlotRefusal = 'invalid' | 'not_found' | RescheduleRefusal | 'slot_unavailable' | 'conflict' | 'duplicate';

/**
 * The client picks one of the offered slots. The appointment waits for the caseworker's decision
 * (reschedule_requested), holding both its old time and the requested one.
 */
export const chooseRescheduleSlot = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Appointment, ChooseSlotRefusal>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const found = await loadAppointment(deps, actor, input);
  if (!found) return fail('not_found');
  const { appointment: a, client } = found;
  const settings = await loadSettings(deps, a.agencyId);
  const now = deps.clock.now();
  const refusal = rescheduleRefusal(a, now, settings);
  if (refusal) return fail(refusal);
  // Only a slot that is on offer right now: never a time the client made up.
  const slots = await offeredSlots(deps, a, settings, now);
  if (!slots.includes(input.slotStartsAt)) return fail('slot_unavailable');
  const patch = { status: 'reschedule_requested' as const, statusBeforeRequest: a.status, requestedStartsAt: input.slotStartsAt };
  return commitWrites(
    deps,
    [
      deps.store.appointments.update(actor, a.id, a.version, patch, now),
      auditWrite(deps, actor, 'appointment.reschedule_request', { type: 'appointment', id: a.id }, client.id),
      // The caseworker decides: their card (Approve / Decline) lands in the client's thread.
      staffNoticeWrite(deps, client, {
        key: 'reschedule_requested',
        staffId: a.staffId,
        vars: { from: formatWhen(a.startsAt, 'en', client.timeZone), to: formatWhen(input.slotStartsAt, 'en', client.timeZone) },
        idempotencyKey: `resched-req:${a.id}:${a.version}`,
        payload: { appointmentId: a.id, fromStartsAt: a.startsAt, toStartsAt: input.slotStartsAt },
      }),
    ].filter((w) => w !== null),
    { ...a, ...patch, version: a.version + 1, updatedAt: now },
  );
};
