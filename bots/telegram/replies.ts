// Every message the bot sends goes through the outbox, like every other message Casebridge
// sends: the delivery worker paces it (1 a second per chat, 25 a second overall), honours
// Telegram's retry_after, retries what failed, and delivers each one once. Features keep calling
// `ctx.reply`; this per-update API transformer turns each `sendMessage` into an outbox row.
//
// Each row's idempotency key is the update and the reply's rank within it, so an update handled
// twice (a crash before it was marked done) queues nothing twice. What the features get back is
// the message as queued (message_id 0): none of them needs Telegram's id.
import type { Transformer } from 'grammy';
import type { Message } from 'grammy/types';
import type { BotContext, BotEnv } from './context.ts';
import { queueAnswer } from '../../src/usecases/shared/queue-answer.ts';

export const REPLY_TEMPLATE = 'telegram.reply';

/** The idempotency key of the n-th reply (from 1) to an update. */
export const replyKey = (updateId: number, n: number) => `tg-reply:${updateId}:${n}`;

interface SendMessagePayload {
  chat_id: number | string;
  text: string;
  reply_markup?: unknown;
}

const queued = (p: SendMessagePayload, now: number): Message.TextMessage =>
  ({ message_id: 0, date: Math.floor(now / 1000), chat: { id: Number(p.chat_id), type: 'private', first_name: '' }, text: p.text }) as Message.TextMessage;

/** The middleware that installs the transformer on this update's API; first in the bot. */
export const repliesThroughOutbox = (env: BotEnv) => async (ctx: BotContext, next: () => Promise<void>) => {
  let rank = 0;
  const toOutbox: Transformer = async (prev, method, payload, signal) => {
    if (method !== 'sendMessage') return prev(method, payload, signal);
    const p = payload as unknown as SendMessagePayload;
    if (!ctx.agencyId) throw new Error('telegram: a reply before the agency is known');
    rank += 1;
    const now = env.core.clock.now();
    await queueAnswer(env.core, {
      agencyId: ctx.agencyId,
      clientId: ctx.client?.id ?? null,
      staffId: null,
      channel: 'telegram',
      toAddress: String(p.chat_id),
      template: REPLY_TEMPLATE,
      text: p.text,
      payload: JSON.stringify(p.reply_markup ? { replyMarkup: p.reply_markup } : {}),
      idempotencyKey: replyKey(ctx.update.update_id, rank),
    });
    return { ok: true, result: queued(p, now) } as never;
  };
  ctx.api.config.use(toOutbox);
  return next();
};
