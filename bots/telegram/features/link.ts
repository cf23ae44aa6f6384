// `/start <token>`: the deep link from the portal's "Connect Telegram" ties this chat to the client.
import { Composer } from 'grammy';
import { linkTelegramChat } from '../../../src/usecases/telegram/link-telegram-chat.ts';
import { botActor, say, type BotContext, type BotEnv } from '../context.ts';

export const linkFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  feature.command('start', async (ctx) => {
    const token = ctx.match.trim();
    if (!token) return say(env, ctx, ctx.client ? 'already_linked' : 'not_connected');
    const r = await linkTelegramChat(env.core, botActor(ctx.agencyId), { token, chatId: ctx.chat.id });
    if (r.ok) {
      ctx.client = r.value;
      return say(env, ctx, 'linked');
    }
    // `invalid` only happens for a chat id that is not a private chat's: the same kind answer.
    return say(env, ctx, r.code === 'chat_taken' ? 'chat_taken' : 'link_invalid');
  });
  return feature;
};
