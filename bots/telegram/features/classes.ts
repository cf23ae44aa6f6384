// Classes: the client's upcoming sessions with "I'll be there" / "I can't come" buttons, and
// check-in with the code shown in class. Every action runs the use case as the chat's own client
// (door 'telegram'); a session that is not theirs is not found, and the answer says no more.
//
// Check-in by a bare code: a text of 4 to 8 letters or digits (no spaces) from a client who has a
// session open for check-in right now is tried as its code first. If it checks in, the bot says
// so; if not (a wrong code, or any other refusal), the text goes on to the caseworker as a normal
// message. No open session: the text is never tried. `/checkin CODE` always tries, and explains.
import { Composer } from 'grammy';
import { checkInByText } from '../../../src/usecases/classes/check-in-by-text.ts';
import { checkIn } from '../../../src/usecases/classes/check-in.ts';
import { listUpcomingSessions } from '../../../src/usecases/classes/list-upcoming-sessions.ts';
import { rsvpSession } from '../../../src/usecases/classes/rsvp-session.ts';
import { clientActor, localeOf, say, type BotContext, type BotEnv, ackPress } from '../context.ts';
import { sessionButtons, sessionLine } from './classes-view.ts';

/** At most this many sessions are listed; the portal shows them all. */
const MAX_LISTED = 10;
const ID = '([A-Za-z0-9_-]{1,48})';

type Refusal = { code: string; detail?: Record<string, string | number> };

/** Goes after the gate and appointments, before language and relay (bare codes fall through to relay). */
export const classesFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  const t = (ctx: BotContext, key: string, vars?: Record<string, string | number>) => env.core.t(localeOf(ctx), key, vars);
  const reply = (ctx: BotContext, text: string) => ctx.reply(text, { link_preview_options: { is_disabled: true } });
  /** A refusal in the client's words: not found is the same kind answer whoever's session it was. */
  const refuse = (ctx: BotContext, r: Refusal) =>
    r.code === 'not_found' ? say(env, ctx, 'classes.not_found') : reply(ctx, t(ctx, `errors.${r.code}`, r.detail));
  const actor = (ctx: BotContext) => clientActor(ctx.client!);

  const list = async (ctx: BotContext) => {
    const client = ctx.client!;
    const r = await listUpcomingSessions(env.core, actor(ctx), { clientId: client.id });
    if (!r.ok) return refuse(ctx, r);
    if (r.value.length === 0) return say(env, ctx, 'classes.none');
    const locale = localeOf(ctx);
    for (const s of r.value.slice(0, MAX_LISTED)) {
      const kb = sessionButtons(env, locale, s);
      await ctx.reply(sessionLine(env, locale, client, s), kb ? { reply_markup: kb } : {});
    }
  };

  const checkInWith = (ctx: BotContext, code: string) => checkIn(env.core, actor(ctx), { clientId: ctx.client!.id, code });
  const checkedIn = (ctx: BotContext, already: boolean) => say(env, ctx, already ? 'classes.already_checked_in' : 'classes.checked_in');

  feature.command('classes', list);
  feature.callbackQuery('cls:list', async (ctx) => {
    await ackPress(ctx);
    return list(ctx);
  });

  feature.callbackQuery(new RegExp(`^cls:([yn]):${ID}$`), async (ctx) => {
    await ackPress(ctx);
    const answer = ctx.match[1] === 'y' ? 'yes' : 'no';
    const r = await rsvpSession(env.core, actor(ctx), { clientId: ctx.client!.id, sessionId: ctx.match[2]!, answer });
    if (r.ok) return say(env, ctx, `classes.rsvp_${answer}`);
    // A session of a class they are not in is, from this chat, one that does not exist.
    return refuse(ctx, r.code === 'not_enrolled' ? { code: 'not_found' } : r);
  });

  feature.command('checkin', async (ctx) => {
    const code = ctx.match.trim();
    if (!code) return say(env, ctx, 'classes.checkin_usage');
    const r = await checkInWith(ctx, code);
    if (r.ok) return checkedIn(ctx, r.value.already);
    return r.code === 'invalid' ? say(env, ctx, 'classes.checkin_usage') : refuse(ctx, r);
  });

  // A bare code while one of the client's sessions is open: check in, or let it through as a message.
  feature.on('message:text', async (ctx, next) => {
    const done = await checkInByText(env.core, actor(ctx), { clientId: ctx.client!.id, text: ctx.message.text });
    return done ? checkedIn(ctx, done.already) : next();
  });
  return feature;
};
