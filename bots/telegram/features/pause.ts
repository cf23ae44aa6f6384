// The client's pause word, typed in the chat: before anything else reads the text (a waiting
// cancel reason, a class code), it pauses every message but crisis help. The use case confirms it
// in the chat and tells the caseworker; nothing of the word is kept as a message.
import { Composer } from 'grammy';
import { isPauseWord } from '../../../src/domain/pause-word.ts';
import { say, type BotContext, type BotEnv } from '../context.ts';
import { recordChatText } from '../record-text.ts';

export const pauseFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  feature.on('message:text', async (ctx, next) => {
    const client = ctx.client;
    if (!client || !isPauseWord(client, ctx.message.text)) return next();
    const r = await recordChatText(env, ctx, ctx.message.text);
    if (!r.ok) return say(env, ctx, 'not_sent');
  });
  return feature;
};
