// Appointments by text: the next one, with 1 confirm / 2 change the time / 3 cancel; the offered
// times numbered; a cancel asks why. Everything runs as the client (door 'sms').
import { cancelAppointment } from '../../../src/usecases/appointments/cancel-appointment.ts';
import { chooseRescheduleSlot } from '../../../src/usecases/appointments/choose-reschedule-slot.ts';
import { confirmAppointment } from '../../../src/usecases/appointments/confirm-appointment.ts';
import { listAppointments } from '../../../src/usecases/appointments/list-appointments.ts';
import { requestReschedule } from '../../../src/usecases/appointments/request-reschedule.ts';
import { formatWhen } from '../../../src/usecases/shared/format.ts';
import { mustBeNeutral } from '../../../src/domain/wording.ts';
import type { Millis } from '../../../src/domain/types.ts';
import { ask, closeQuestion } from './questions.ts';
import { clientActor, refuse, say, type Turn } from './turn.ts';

/** A text holds few lines: at most this many new times are offered. */
export const SMS_MAX_SLOTS = 3;

const when = (turn: Turn, at: Millis) => formatWhen(at, turn.locale, turn.client!.timeZone);

export const showNextAppointment = async (turn: Turn) => {
  const client = turn.client!;
  const r = await listAppointments(turn.env.core, clientActor(client), { clientId: client.id });
  if (!r.ok) return refuse(turn, r);
  const next = r.value.upcoming[0];
  if (!next) return say(turn, 'appointments.none', undefined, true);
  const hide = mustBeNeutral(client, next.sensitive);
  const whenText = hide || !next.location ? when(turn, next.startsAt) : `${when(turn, next.startsAt)}, ${next.location}`;
  await ask(turn, { kind: 'appointment', data: { appointmentId: next.id } });
  return say(turn, hide ? 'appointments.next_neutral' : 'appointments.next', { when: whenText });
};

/** The answer to "1 confirm, 2 change the time, 3 cancel". */
export const answerAppointment = async (turn: Turn, appointmentId: string, choice: number) => {
  const client = turn.client!;
  const actor = clientActor(client);
  if (choice === 1) {
    await closeQuestion(turn);
    const r = await confirmAppointment(turn.env.core, actor, { clientId: client.id, appointmentId });
    return r.ok ? say(turn, 'appointments.confirmed', undefined, true) : refuse(turn, r);
  }
  if (choice === 2) {
    const r = await requestReschedule(turn.env.core, actor, { clientId: client.id, appointmentId });
    if (!r.ok) {
      await closeQuestion(turn);
      await refuse(turn, r);
      return r.code === 'not_found' ? undefined : say(turn, 'appointments.by_message');
    }
    const slots = r.value.slots.slice(0, SMS_MAX_SLOTS);
    await ask(turn, { kind: 'slots', data: { appointmentId, slots } });
    return say(turn, 'appointments.choose_slot', { slots: slots.map((s, i) => `${i + 1} ${when(turn, s)}`).join('\n') });
  }
  if (choice === 3) {
    await ask(turn, { kind: 'cancel_reason', data: { appointmentId } });
    return say(turn, 'appointments.cancel_reason');
  }
  return say(turn, 'not_understood');
};

export const answerSlot = async (turn: Turn, appointmentId: string, slots: Millis[], n: number) => {
  const slot = slots[n - 1];
  if (slot === undefined) return say(turn, 'not_understood');
  await closeQuestion(turn);
  const client = turn.client!;
  const r = await chooseRescheduleSlot(turn.env.core, clientActor(client), { clientId: client.id, appointmentId, slotStartsAt: slot });
  return r.ok ? say(turn, 'appointments.slot_chosen', { when: when(turn, slot) }, true) : refuse(turn, r);
};

/** The reason of a cancel; `reads_as_crisis` when the words are not a reason but a crisis (the caller relays them). */
export const answerCancelReason = async (turn: Turn, appointmentId: string, reason: string): Promise<'reads_as_crisis' | void> => {
  await closeQuestion(turn);
  const client = turn.client!;
  const r = await cancelAppointment(turn.env.core, clientActor(client), { clientId: client.id, appointmentId, reason });
  if (r.ok) return say(turn, 'appointments.cancelled', undefined, true);
  if (r.code === 'reads_as_crisis') return r.code;
  return refuse(turn, r);
};
