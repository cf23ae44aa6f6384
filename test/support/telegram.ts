// Drives the Telegram bot the way Telegram does: signed webhook posts to the real HTTP app, with
// the bot talking to a fake Bot API on 127.0.0.1. After each post the harness runs what the
// server runs in the background: the inbox worker (the bot handles the update) and the delivery
// worker (the replies reach the fake), so a test reads the chat as the client would.
import { expect } from 'vitest';
import { createTelegramBot } from '../../bots/telegram/bot.ts';
import { telegramInboxHandlers } from '../../bots/telegram/inbox.ts';
import { telegramSender } from '../../bots/telegram/send.ts';
import { SECRET_HEADER } from '../../bots/telegram/webhook.ts';
import { createApp } from '../../src/http/app.ts';
import { devSender } from '../../src/senders/dev-sender.ts';
import { channelGone } from '../../src/usecases/outbox/channel-gone.ts';
import { deliverDue } from '../../src/usecases/outbox/deliver-outbox.ts';
import { handleInbox } from '../../src/usecases/inbox/handle-inbox.ts';
import { createTelegramLink } from '../../src/usecases/telegram/create-telegram-link.ts';
import { startFakeBotApi } from '../fakes/telegram-bot-api.ts';
import type { TestCore } from './core.ts';
import type { World } from './fixtures.ts';

export const SECRET = 'webhook-secret-0123456789';

type Button = { text: string; callback_data: string };
/** The inline buttons of a sent message, in order. */
export const buttonsOf = (m: { reply_markup: unknown } | undefined): Button[] =>
  ((m?.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();

const commandEntities = (text: string) =>
  text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {};

/** `firstUpdateId`: a second harness on the same store must not reuse the first one's update ids. */
export const startTelegram = async (core: TestCore, w: World, opts: { firstUpdateId?: number } = {}) => {
  const api = await startFakeBotApi();
  const botInfo = {
    ...api.bot,
    is_bot: true as const,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
  const bot = createTelegramBot({ core, agencyId: async () => w.agency.id, token: api.token, apiRoot: api.apiRoot, botInfo });
  const app = createApp({ core, demo: false, publicUrl: 'http://localhost:8787', telegram: { secret: SECRET } });
  // Pacing is the throttle's own test; here every reply may go at once.
  const telegram = telegramSender({ token: api.token, apiRoot: api.apiRoot, deliveries: core.store.deliveries, clock: core.clock, throttle: { wait: async () => {} } });
  const other = devSender(core);
  /** What the bot threw while handling updates (a test expects none unless it says so). */
  const failures: unknown[] = [];
  /** The background work: handle what the webhook stored, then deliver what got queued. */
  const work = async () => {
    const handlers = telegramInboxHandlers(bot);
    while ((await handleInbox({ store: core.store, handlers, maxAttempts: 3, onFailure: (_i, e) => failures.push(e) }, core.clock.now())).done > 0);
    const deliver = () =>
      deliverDue(
        { store: core.store, t: core.t, senderFor: (ch) => (ch === 'telegram' ? telegram : other), maxAttempts: 5, onGone: (row, gone) => channelGone(core, row, gone) },
        core.clock.now(),
      );
    while ((await deliver()).sent > 0);
  };
  let nextUpdate = opts.firstUpdateId ?? 1;
  let nextMessage = 100;
  let nextQuery = 1;

  const chat = (id: number, type = 'private') => ({ id, type, first_name: 'A' });
  const from = (id: number, language_code = 'en') => ({ id, is_bot: false, first_name: 'A', language_code });
  const post = (body: string, secret: string | null = SECRET) =>
    app.request('/webhooks/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === null ? {} : { [SECRET_HEADER]: secret }) },
      body,
    });
  /** Posts an update as Telegram would, expects it accepted, and lets the server do its work. */
  const send = async (update: object) => {
    const res = await post(JSON.stringify(update));
    expect(res.status).toBe(200);
    await work();
    expect(failures).toEqual([]);
    return res;
  };
  const messageUpdate = (chatId: number, body: Record<string, unknown>) => ({
    update_id: nextUpdate++,
    message: { message_id: nextMessage++, date: Math.floor(core.clock.now() / 1000), chat: chat(chatId), from: from(chatId), ...body },
  });
  const textUpdate = (chatId: number, text: string, extra: Record<string, unknown> = {}) =>
    messageUpdate(chatId, { text, ...commandEntities(text), ...extra });
  const text = (body: string, chatId: number) => send(textUpdate(chatId, body));
  /** Presses an inline button and expects the press answered. */
  const press = async (data: string, chatId: number) => {
    const id = `q${nextQuery++}`;
    await send({
      update_id: nextUpdate++,
      callback_query: { id, from: from(chatId), chat_instance: 'x', data, message: { message_id: 1, date: 0, chat: chat(chatId), text: 'x' } },
    });
    expect(api.calls.some((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === id)).toBe(true);
  };
  const lastTo = (chatId: number) => api.sent.filter((m) => Number(m.chat_id) === chatId).at(-1)?.text;
  /** Links the chat to the client with a fresh connect link, as the client would. */
  const link = async (clientId: string, chatId: number) => {
    const r = await createTelegramLink(core, w.asStaff, { clientId, botUsername: api.bot.username });
    if (!r.ok) throw new Error(r.code);
    await text(`/start ${r.value.token}`, chatId);
  };
  return { api, app, bot, work, failures, chat, from, post, send, messageUpdate, textUpdate, text, press, lastTo, link };
};

export type TelegramHarness = Awaited<ReturnType<typeof startTelegram>>;
