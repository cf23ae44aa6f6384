import type { Actor } from '../../domain/actor.ts';
import { rescheduleRefusal, type RescheduleRefusal } from '../../domain/appointment-rules.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Millis } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadSettings } from '../shared/settings.ts';
import { loadAppointment } from './load.ts';
import { offeredSlots } from './offered-slots.ts';

export type RescheduleOfferRefusal = 'not_found' | RescheduleRefusal | 'no_slots';

/**
 * The client asks to move an appointment: the slots they may pick, or the reason they cannot
 * (too close to the time, too many changes already, …) so the door can offer a message instead.
 */
export const requestReschedule = async (
  deps: CoreDeps,
  actor: Actor,
  input: { clientId: string; appointmentId: string },
): Promise<Result<{ slots: Millis[]; durationMinutes: number }, RescheduleOfferRefusal>> => {
  const found = await loadAppointment(deps, actor, input);
  if (!found) return fail('not_found');
  const { appointment: a, client } = found;
  const settings = await loadSettings(deps, a.agencyId);
  const now = deps.clock.now();
  const refusal = rescheduleRefusal(a, now, settings);
  await deps.store.commit([auditWrite(deps, actor, 'appointment.reschedule_options', { type: 'appointment', id: a.id }, client.id)]);
  if (refusal) {
    return fail(refusal, {
      noticeHours: settings.rescheduleMinNoticeHours,
      maxChanges: settings.rescheduleMaxChanges,
    });
  }
  const slots = await offeredSlots(deps, a, settings, now);
  if (slots.length === 0) return fail('no_slots');
  return ok({ slots, durationMinutes: a.durationMinutes });
};
