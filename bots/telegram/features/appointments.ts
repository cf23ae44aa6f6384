// Appointments: the client's upcoming ones with Confirm / Change time / Cancel buttons.
// Every press runs the use case as the chat's own client (door 'telegram'); an id that is not
// theirs is not found, and the answer says no more than that.
import { Composer } from 'grammy';
import { canCancel } from '../../../src/domain/appointment-rules.ts';
import { cancelAppointment } from '../../../src/usecases/appointments/cancel-appointment.ts';
import { chooseRescheduleSlot } from '../../../src/usecases/appointments/choose-reschedule-slot.ts';
import { confirmAppointment } from '../../../src/usecases/appointments/confirm-appointment.ts';
import { getAppointment } from '../../../src/usecases/appointments/get-appointment.ts';
import { listAppointments } from '../../../src/usecases/appointments/list-appointments.ts';
import { requestReschedule } from '../../../src/usecases/appointments/request-reschedule.ts';
import { formatWhen } from '../../../src/usecases/shared/format.ts';
import { clientActor, localeOf, say, whereOf, type BotContext, type BotEnv, ackPress } from '../context.ts';
import { askWrite, takeQuestion } from '../../../src/usecases/shared/conversation-state.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import { appointmentButtons, appointmentLine, slotButtons } from './appointments-view.ts';

/** At most this many appointments are listed; the portal shows them all. */
const MAX_LISTED = 10;
const ID = '([A-Za-z0-9_-]{1,48})';

/** "Cancel" asks why; the chat's next text within this time is the reason (the chat's open question). */
export const REASON_WAIT = 10 * MINUTE;
const CANCEL_REASON = 'cancel_reason';

type Refusal = { code: string; detail?: Record<string, string | number> };

/** `abandon` goes right after the chat is identified; `feature` after the gate, before relay. */
export const appointmentsFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  /** The chat's waiting cancel, closed: it is answered (or abandoned) once. */
  const takeCancel = (ctx: BotContext) =>
    ctx.client ? takeQuestion<{ appointmentId: string }>(env.core, whereOf(ctx), ctx.client.id, [CANCEL_REASON]) : Promise.resolve(null);
  const now = () => env.core.clock.now();
  const t = (ctx: BotContext, key: string, vars?: Record<string, string | number>) => env.core.t(localeOf(ctx), key, vars);
  const reply = (ctx: BotContext, text: string) => ctx.reply(text, { link_preview_options: { is_disabled: true } });
  /** A refusal in the client's words: not found is the same kind answer whoever's id it was. */
  const refuse = (ctx: BotContext, r: Refusal) =>
    r.code === 'not_found' ? say(env, ctx, 'appointments.not_found') : reply(ctx, t(ctx, `errors.${r.code}`, r.detail));
  const actor = (ctx: BotContext) => clientActor(ctx.client!);

  const list = async (ctx: BotContext) => {
    const client = ctx.client!;
    const r = await listAppointments(env.core, actor(ctx), { clientId: client.id });
    if (!r.ok) return refuse(ctx, r);
    if (r.value.upcoming.length === 0) return say(env, ctx, 'appointments.none');
    const locale = localeOf(ctx);
    for (const a of r.value.upcoming.slice(0, MAX_LISTED)) {
      const kb = appointmentButtons(env, locale, a, now());
      await ctx.reply(appointmentLine(env, locale, client, a), kb ? { reply_markup: kb } : {});
    }
  };

  // Any command abandons a waiting cancel. This runs first in the bot, before /start, /help, /stop.
  const abandon = new Composer<BotContext>();
  abandon.on('message', async (ctx, next) => {
    const isCommand = ctx.message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0);
    if (isCommand && (await takeCancel(ctx))) await say(env, ctx, 'appointments.cancel_aborted');
    return next();
  });

  // A waiting cancel takes the chat's next text as its reason; anything else (a voice note…) abandons it.
  // A text that reads like a crisis is no reason: the cancel is dropped and the text relayed, so it
  // raises the alert and the client gets crisis help.
  feature.on('message', async (ctx, next) => {
    const waiting = await takeCancel(ctx);
    if (!waiting) return next();
    const text = ctx.message.text;
    if (text === undefined) {
      await say(env, ctx, 'appointments.cancel_aborted');
      return next();
    }
    const r = await cancelAppointment(env.core, actor(ctx), { clientId: waiting.clientId, appointmentId: waiting.data.appointmentId, reason: text });
    if (!r.ok && r.code === 'reads_as_crisis') return next();
    return r.ok ? say(env, ctx, 'appointments.cancelled') : refuse(ctx, r);
  });

  feature.command('appointments', list);
  feature.callbackQuery('appt:list', async (ctx) => {
    await ackPress(ctx);
    return list(ctx);
  });

  feature.callbackQuery(new RegExp(`^appt:c:${ID}$`), async (ctx) => {
    await ackPress(ctx);
    const r = await confirmAppointment(env.core, actor(ctx), { clientId: ctx.client!.id, appointmentId: ctx.match[1]! });
    return r.ok ? say(env, ctx, 'appointments.confirmed') : refuse(ctx, r);
  });

  feature.callbackQuery(new RegExp(`^appt:r:${ID}$`), async (ctx) => {
    await ackPress(ctx);
    const client = ctx.client!;
    const appointmentId = ctx.match[1]!;
    const r = await requestReschedule(env.core, actor(ctx), { clientId: client.id, appointmentId });
    if (!r.ok) {
      await refuse(ctx, r);
      return r.code === 'not_found' ? undefined : say(env, ctx, 'appointments.ask_caseworker');
    }
    return ctx.reply(t(ctx, 'telegram.appointments.choose_slot'), {
      reply_markup: slotButtons(localeOf(ctx), client, appointmentId, r.value.slots),
    });
  });

  feature.callbackQuery(new RegExp(`^appt:s:${ID}:([0-9a-z]{1,12})$`), async (ctx) => {
    await ackPress(ctx);
    const client = ctx.client!;
    const slotStartsAt = parseInt(ctx.match[2]!, 36);
    const r = await chooseRescheduleSlot(env.core, actor(ctx), { clientId: client.id, appointmentId: ctx.match[1]!, slotStartsAt });
    if (!r.ok) return refuse(ctx, r);
    return reply(ctx, t(ctx, 'telegram.appointments.slot_chosen', { when: formatWhen(slotStartsAt, localeOf(ctx), client.timeZone) }));
  });

  // The reason is only asked for when the appointment is this client's and can still be cancelled.
  feature.callbackQuery(new RegExp(`^appt:x:${ID}$`), async (ctx) => {
    await ackPress(ctx);
    const client = ctx.client!;
    const r = await getAppointment(env.core, actor(ctx), { clientId: client.id, appointmentId: ctx.match[1]! });
    if (!r.ok) return refuse(ctx, r);
    if (!canCancel(r.value, now())) return refuse(ctx, { code: 'not_cancellable' });
    const ask = { kind: CANCEL_REASON, clientId: client.id, data: { appointmentId: r.value.id } };
    await env.core.store.commit([askWrite(env.core, whereOf(ctx), ask, REASON_WAIT)]);
    return say(env, ctx, 'appointments.cancel_reason');
  });
  return { abandon, feature };
};
