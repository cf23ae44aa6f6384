// Text from a linked chat goes to the caseworker as a message in the client's conversation. A
// message that reads like a crisis is answered by the core with crisis help, not with "sent".
import { Composer } from 'grammy';
import { say, type BotContext, type BotEnv } from '../context.ts';
import { recordChatText } from '../record-text.ts';

export const relayFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  // Commands this bot does not know are not messages for the caseworker.
  feature.on('::bot_command', (ctx, next) =>
    ctx.message?.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) ? say(env, ctx, 'unknown_command') : next(),
  );
  feature.on('message:text', async (ctx) => {
    const r = await recordChatText(env, ctx, ctx.message.text);
    if (!r.ok) {
      return say(env, ctx, r.code === 'empty_message' || r.code === 'message_too_long' ? r.code : 'not_sent');
    }
    // A repeated update was answered the first time.
    if (r.value.duplicate || r.value.crisis) return;
    return say(env, ctx, 'sent');
  });
  // Voice notes, stickers, locations…: only text can be relayed for now. Photos and files never
  // get here: the documents feature, registered before relay, stores them for a request.
  feature.on('message', (ctx) => say(env, ctx, 'cannot_relay'));
  return feature;
};
