// How an appointment reads in the chat: one short line, and the buttons that act on it.
// Callback data names the appointment, but the bot never trusts it: every press goes through the
// use case with the chat's own client, so another client's id is simply not found.
import { InlineKeyboard } from 'grammy';
import { canCancel, canConfirm } from '../../../src/domain/appointment-rules.ts';
import type { Client, Locale, Millis } from '../../../src/domain/types.ts';
import type { AppointmentView } from '../../../src/usecases/appointments/view.ts';
import { formatWhen } from '../../../src/usecases/shared/format.ts';
import type { BotEnv } from '../context.ts';
import { mustBeNeutral } from '../../../src/domain/wording.ts';

/** Telegram refuses callback data over 64 bytes. */
export const MAX_CALLBACK_BYTES = 64;
const fits = (data: string) => new TextEncoder().encode(data).length <= MAX_CALLBACK_BYTES;

export const slotData = (appointmentId: string, slotStartsAt: Millis) => `appt:s:${appointmentId}:${slotStartsAt.toString(36)}`;

/** A lock screen may show the line: neutral wording hides what and where, as notices do. */
const neutral = (client: Client, a: AppointmentView) => mustBeNeutral(client, a.sensitive);

export const appointmentLine = (env: BotEnv, locale: Locale, client: Client, a: AppointmentView): string => {
  const t = (key: string, vars?: Record<string, string | number>) => env.core.t(locale, key, vars);
  const hide = neutral(client, a);
  const what = hide ? t('telegram.appointments.neutral_kind') : a.kind;
  const lines = [t('telegram.appointments.line', { what, when: formatWhen(a.startsAt, locale, client.timeZone) })];
  const where = a.location ?? (a.videoUrl ? t('telegram.appointments.video') : null);
  if (where && !hide) lines.push(t('telegram.appointments.where', { where }));
  lines.push(t(`portal.appointments.status.${a.status}`));
  return lines.join('\n');
};

/** Only the actions that can still apply; the use case has the last word anyway. */
export const appointmentButtons = (env: BotEnv, locale: Locale, a: AppointmentView, now: Millis): InlineKeyboard | null => {
  const kb = new InlineKeyboard();
  let any = false;
  const add = (key: string, data: string) => {
    if (!fits(data)) return;
    kb.text(env.core.t(locale, `telegram.appointments.${key}`), data);
    any = true;
  };
  if (a.status !== 'confirmed' && canConfirm(a, now)) add('confirm', `appt:c:${a.id}`);
  if (a.status !== 'cancelled' && a.status !== 'reschedule_requested') add('change', `appt:r:${a.id}`);
  if (canCancel(a, now)) add('cancel', `appt:x:${a.id}`);
  return any ? kb : null;
};

/** One button per offered time, one per row, in the client's language and time zone. */
export const slotButtons = (locale: Locale, client: Client, appointmentId: string, slots: Millis[]): InlineKeyboard => {
  const kb = new InlineKeyboard();
  for (const s of slots) {
    const data = slotData(appointmentId, s);
    if (fits(data)) kb.text(formatWhen(s, locale, client.timeZone), data).row();
  }
  return kb;
};
