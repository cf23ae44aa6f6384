// `/stop`: the client disconnects this chat; nothing is sent here any more.
import { Composer } from 'grammy';
import { unlinkTelegramChat } from '../../../src/usecases/telegram/unlink-telegram-chat.ts';
import { botActor, say, type BotContext, type BotEnv } from '../context.ts';

export const stopFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  feature.command('stop', async (ctx) => {
    const r = await unlinkTelegramChat(env.core, botActor(ctx.agencyId), { chatId: ctx.chat.id });
    const client = ctx.client;
    ctx.client = null;
    // Answered in the language the client had, since this chat was theirs.
    return say(env, ctx, r.ok && r.value.client ? 'stopped' : 'not_connected', client);
  });
  return feature;
};
