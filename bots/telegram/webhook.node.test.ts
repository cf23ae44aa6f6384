// The bot through the real HTTP app and a fake Bot API on 127.0.0.1: verify, dedupe, link,
// relay, stop, language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { world, type World } from '../../test/support/fixtures.ts';
import { SECRET, startTelegram, type TelegramHarness } from '../../test/support/telegram.ts';
import { createApp } from '../../src/http/app.ts';
import { clientForChat } from '../../src/usecases/telegram/client-for-chat.ts';

let core: TestCore;
let w: World;
let tg: TelegramHarness;
let api: TelegramHarness['api'];

beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
  tg = await startTelegram(core, w);
  api = tg.api;
});
afterEach(() => api.close());

const post = (body: string, secret?: string | null) => tg.post(body, secret);
const chat = (id: number, type?: string) => tg.chat(id, type);
const from = (id: number, languageCode?: string) => tg.from(id, languageCode);
const textUpdate = (chatId: number, text: string, extra?: Record<string, unknown>) => tg.textUpdate(chatId, text, extra);
const send = (update: object) => tg.send(update);
const lastTo = (chatId: number) => tg.lastTo(chatId);
const inbound = async (clientId: string) => (await core.store.messages.listForClient(w.scope, clientId)).filter((m) => m.direction === 'in');
const link = (chatId: number, clientId = w.bob.id) => tg.link(clientId, chatId);

describe('POST /webhooks/telegram', () => {
  it('refuses a wrong or missing secret with 401 and stores nothing', async () => {
    for (const secret of [null, 'wrong', SECRET.slice(0, -1)]) {
      expect((await post(JSON.stringify(textUpdate(5, 'hello')), secret)).status).toBe(401);
    }
    expect(await core.store.inbound.seen('telegram_update', '1')).toBe(false);
    expect(api.calls).toEqual([]);
  });

  it('refuses a body that is not an update with 400', async () => {
    expect((await post('{not json')).status).toBe(400);
    expect((await post('{"message":{}}')).status).toBe(400);
  });

  it('refuses an oversize body with 413 and keeps serving', async () => {
    expect((await post(`{"update_id":1,"pad":"${'x'.repeat(1024 * 1024)}"}`)).status).toBe(413);
    expect((await post('{not json')).status).toBe(400);
  });

  it('is not served when Telegram is not configured', async () => {
    const plain = createApp({ core, demo: false, publicUrl: 'http://localhost:8787' });
    expect((await plain.request('/webhooks/telegram', { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('linking', () => {
  it('links a chat with /start <token> and confirms in the client’s language', async () => {
    await link(4242);
    expect((await clientForChat(core, { type: 'system', agencyId: w.agency.id, door: 'telegram' }, 4242))?.id).toBe(w.bob.id);
    expect(lastTo(4242)).toBe(core.t(w.bob.language, 'telegram.linked'));
  });

  it('answers a used or made-up token kindly, and a group chat with the private-only note', async () => {
    await send(textUpdate(77, `/start ${'A'.repeat(43)}`));
    expect(lastTo(77)).toBe(core.t('en', 'telegram.link_invalid'));
    const group = textUpdate(-500, '/start x');
    group.message.chat = chat(-500, 'group');
    await send(group);
    expect(lastTo(-500)).toBe(core.t('en', 'telegram.private_only'));
  });

  it('tells an unlinked chat how to connect, and stores nothing of what it writes', async () => {
    await send(textUpdate(9, 'my appointment?'));
    expect(lastTo(9)).toBe(core.t('en', 'telegram.not_connected'));
    expect(await inbound(w.alice.id)).toEqual([]);
    expect(await inbound(w.bob.id)).toEqual([]);
  });

  it('/stop unlinks the chat and confirms', async () => {
    await link(4243);
    await send(textUpdate(4243, '/stop'));
    expect(lastTo(4243)).toBe(core.t(w.bob.language, 'telegram.stopped'));
    await send(textUpdate(4243, 'still there?'));
    expect(lastTo(4243)).toBe(core.t('en', 'telegram.not_connected'));
    expect(await inbound(w.bob.id)).toEqual([]);
  });
});

describe('messages from a linked chat', () => {
  it('become a message in the client’s conversation, confirmed once even when the update comes twice', async () => {
    await link(4244);
    const update = textUpdate(4244, 'I will be late on Monday');
    await send(update);
    await send(update);
    const got = await inbound(w.bob.id);
    expect(got.map((m) => [m.body, m.channel])).toEqual([['I will be late on Monday', 'telegram']]);
    const sentConfirm = api.sent.filter((m) => m.text === core.t(w.bob.language, 'telegram.sent'));
    expect(sentConfirm).toHaveLength(1);
  });

  it('explain kindly what cannot be relayed (a voice note, a sticker)', async () => {
    await link(4245);
    await send(tg.messageUpdate(4245, { voice: { file_id: 'v', file_unique_id: 'v', duration: 3 } }));
    expect(lastTo(4245)).toBe(core.t(w.bob.language, 'telegram.cannot_relay'));
    expect(await inbound(w.bob.id)).toEqual([]);
  });
});

describe('/language', () => {
  it('offers every language and switches the client’s', async () => {
    await link(4246, w.alice.id);
    await send(textUpdate(4246, '/language'));
    const menu = api.sent.at(-1)!;
    const buttons = (menu.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat();
    expect(buttons.map((b) => b.callback_data)).toContain('lang:es');
    await send({
      update_id: 9001,
      callback_query: { id: 'cb1', from: from(4246), chat_instance: 'x', data: 'lang:es', message: { message_id: menu.message_id, date: 0, chat: chat(4246), text: menu.text } },
    });
    expect((await core.store.clients.get(w.scope, w.alice.id))?.language).toBe('es');
    expect(api.calls.some((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === 'cb1')).toBe(true);
    expect(lastTo(4246)).toBe(core.t('es', 'telegram.language_changed'));
  });

  it('refuses a made-up language and changes nothing', async () => {
    await link(4247, w.alice.id);
    await send({
      update_id: 9002,
      callback_query: { id: 'cb2', from: from(4247), chat_instance: 'x', data: 'lang:xx', message: { message_id: 1, date: 0, chat: chat(4247), text: 'x' } },
    });
    expect((await core.store.clients.get(w.scope, w.alice.id))?.language).toBe(w.alice.language);
    expect(api.calls.find((c) => c.params.callback_query_id === 'cb2')?.params.text).toBe(core.t('en', 'telegram.language_unknown'));
  });
});
