// Everything after this point is for a linked chat only. An unlinked chat gets one short
// explanation of how to connect, and never any client data.
import { Composer } from 'grammy';
import { localeOf, say, type BotContext, type BotEnv, ackPress } from '../context.ts';

export const gateFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  feature.use(async (ctx, next) => {
    if (ctx.client) return next();
    if (ctx.callbackQuery) {
      return ackPress(ctx, { text: env.core.t(localeOf(ctx), 'telegram.not_connected'), show_alert: true });
    }
    if (ctx.message) return say(env, ctx, 'not_connected');
    // Edits, reactions and the like from an unknown chat: nothing to say.
  });
  return feature;
};
