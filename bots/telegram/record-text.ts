// Words a linked chat sent, kept as the client's message (checked there for the pause word and a
// crisis): one call for a text, a text that is the pause word, and a file's caption.
import { recordInboundMessage } from '../../src/usecases/messaging/record-inbound-message.ts';
import { botActor, type BotContext, type BotEnv } from './context.ts';

/** `part` tells apart two texts of one Telegram message (a file and its caption). */
export const recordChatText = (env: BotEnv, ctx: BotContext, body: string, part = '') =>
  recordInboundMessage(env.core, botActor(ctx.agencyId), {
    clientId: ctx.client!.id,
    channel: 'telegram',
    body,
    source: 'telegram',
    externalId: `${ctx.chat!.id}:${ctx.message!.message_id}${part}`,
    receivedAt: ctx.message!.date * 1000,
    replyTo: String(ctx.chat!.id),
  });
