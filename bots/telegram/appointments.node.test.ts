// Appointments in Telegram, through the real HTTP app and a fake Bot API on 127.0.0.1: list,
// confirm, change the time, cancel with a reason; forged buttons change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { startFakeBotApi, type FakeBotApi } from '../../test/fakes/telegram-bot-api.ts';
import { createApp } from '../../src/http/app.ts';
import { HOUR } from '../../src/domain/time.ts';
import type { Appointment, Client } from '../../src/domain/types.ts';
import { createTelegramLink } from '../../src/usecases/telegram/create-telegram-link.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { createTelegramBot } from './bot.ts';
import { SECRET_HEADER } from './webhook.ts';
import { MAX_CALLBACK_BYTES } from './features/appointments-view.ts';

const SECRET = 'webhook-secret-0123456789';
const CHAT = 5150;
let core: TestCore;
let w: World;
let api: FakeBotApi;
let app: ReturnType<typeof createApp>;
let nextUpdate = 1;
let nextMessage = 100;
let nextQuery = 1;

// Wednesday 25 Feb 2026, 10:00 in New York: the caseworker is free on Monday mornings.
beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  api = await startFakeBotApi();
  const botInfo = { ...api.bot, is_bot: true as const, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false };
  const bot = createTelegramBot({ core, agencyId: async () => w.agency.id, token: api.token, apiRoot: api.apiRoot, botInfo });
  app = createApp({ core, demo: false, publicUrl: 'http://localhost:8787', telegram: { bot, secret: SECRET } });
});
afterEach(() => api.close());

const chat = (id: number) => ({ id, type: 'private', first_name: 'A' });
const from = (id: number) => ({ id, is_bot: false, first_name: 'A', language_code: 'en' });
const send = async (update: object) => {
  const res = await app.request('/webhooks/telegram', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SECRET_HEADER]: SECRET },
    body: JSON.stringify(update),
  });
  expect(res.status).toBe(200);
};
const text = (body: string, chatId = CHAT) =>
  send({
    update_id: nextUpdate++,
    message: {
      message_id: nextMessage++,
      date: Math.floor(core.clock.now() / 1000),
      chat: chat(chatId),
      from: from(chatId),
      text: body,
      ...(body.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: body.split(' ')[0]!.length }] } : {}),
    },
  });
/** Presses a button; returns the callback query id so the test can see it was answered. */
const press = async (data: string, chatId = CHAT) => {
  const id = `q${nextQuery++}`;
  await send({
    update_id: nextUpdate++,
    callback_query: { id, from: from(chatId), chat_instance: 'x', data, message: { message_id: 1, date: 0, chat: chat(chatId), text: 'x' } },
  });
  expect(api.calls.some((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === id)).toBe(true);
};
const lastText = () => api.sent.filter((m) => Number(m.chat_id) === CHAT).at(-1)?.text;
const buttonsOf = (m: { reply_markup: unknown } | undefined) =>
  ((m?.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

const link = async (client: Client = w.bob) => {
  const r = await createTelegramLink(core, w.asStaff, { clientId: client.id, botUsername: api.bot.username });
  if (!r.ok) throw new Error(r.code);
  await text(`/start ${r.value.token}`);
};
const add = async (client: Client, over: Partial<Appointment> = {}) => {
  const a = appointmentRow(core, client, over);
  await insert(core, core.store.appointments.insert(a));
  return a;
};
const stored = async (a: Appointment) => (await core.store.appointments.get({ agencyId: w.agency.id }, a.id))!;
const t = (key: string, vars?: Record<string, string | number>) => core.t(w.bob.language, key, vars);
const inbound = async () => (await core.store.messages.listForClient(w.scope, w.bob.id)).filter((m) => m.direction === 'in');

describe('the menu', () => {
  it('offers appointments, messaging, language and help, and each button answers', async () => {
    await link();
    await text('/menu');
    const menu = api.sent.at(-1);
    expect(buttonsOf(menu).map((b) => b.callback_data)).toEqual(['appt:list', 'doc:list', 'cls:list', 'menu:msg', 'menu:lang', 'menu:help']);
    await press('menu:msg');
    expect(lastText()).toBe(t('telegram.menu.message_hint'));
    await press('menu:lang');
    expect(buttonsOf(api.sent.at(-1)).map((b) => b.callback_data)).toContain('lang:es');
    await press('menu:help');
    expect(lastText()).toBe(t('telegram.help'));
  });

  it('tells an unlinked chat how to connect when it asks for appointments', async () => {
    await add(w.bob);
    await press('appt:list', 9);
    expect(api.calls.at(-1)?.params.text).toBe(core.t('en', 'telegram.not_connected'));
    await text('/appointments', 9);
    expect(api.sent.at(-1)?.text).toBe(core.t('en', 'telegram.not_connected'));
  });
});

describe('appointments', () => {
  it('lists upcoming appointments, one message each with its buttons', async () => {
    const a = await add(w.bob);
    await link();
    await press('appt:list');
    const msg = api.sent.at(-1)!;
    expect(msg.text).toContain(formatWhen(a.startsAt, w.bob.language, w.bob.timeZone));
    expect(msg.text).toContain(a.location!);
    expect(buttonsOf(msg).map((b) => b.callback_data)).toEqual([`appt:c:${a.id}`, `appt:r:${a.id}`, `appt:x:${a.id}`]);
  });

  it('says so when there is nothing upcoming', async () => {
    await link();
    await text('/appointments');
    expect(lastText()).toBe(t('telegram.appointments.none'));
  });

  it('confirms, and a forged button with another client’s appointment changes nothing', async () => {
    const mine = await add(w.bob);
    const alices = await add(w.alice);
    await link();
    await press(`appt:c:${mine.id}`);
    expect((await stored(mine)).status).toBe('confirmed');
    expect(lastText()).toBe(t('telegram.appointments.confirmed'));
    for (const data of [`appt:c:${alices.id}`, `appt:r:${alices.id}`, `appt:x:${alices.id}`, `appt:s:${alices.id}:1`]) {
      await press(data);
      expect(lastText()).toBe(t('telegram.appointments.not_found'));
    }
    expect(await stored(alices)).toEqual(alices);
  });

  it('offers the free times as buttons, and choosing one asks the caseworker', async () => {
    const a = await add(w.bob);
    await link();
    await press(`appt:r:${a.id}`);
    const offer = api.sent.at(-1)!;
    expect(offer.text).toBe(t('telegram.appointments.choose_slot'));
    const slots = buttonsOf(offer);
    expect(slots.length).toBeGreaterThan(0);
    for (const b of slots) expect(new TextEncoder().encode(b.callback_data).length).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    const first = Date.parse('2026-03-02T14:00:00Z');
    expect(slots[0]).toEqual({ text: formatWhen(first, w.bob.language, w.bob.timeZone), callback_data: `appt:s:${a.id}:${first.toString(36)}` });
    await press(slots[0]!.callback_data);
    const after = await stored(a);
    expect([after.status, after.requestedStartsAt]).toEqual(['reschedule_requested', first]);
    expect(lastText()).toBe(t('telegram.appointments.slot_chosen', { when: formatWhen(first, w.bob.language, w.bob.timeZone) }));
  });

  it('refuses a made-up time, and explains why a change is not possible inside the notice window', async () => {
    const a = await add(w.bob);
    const soon = await add(w.bob, { startsAt: core.clock.now() + 2 * HOUR });
    await link();
    await press(`appt:s:${a.id}:${(a.startsAt + 7 * HOUR).toString(36)}`);
    expect(lastText()).toBe(t('errors.slot_unavailable'));
    expect((await stored(a)).status).toBe('scheduled');
    await press(`appt:r:${soon.id}`);
    const texts = api.sent.slice(-2).map((m) => m.text);
    expect(texts).toEqual([t('errors.too_close', { noticeHours: 24 }), t('telegram.appointments.ask_caseworker')]);
    expect(buttonsOf(api.sent.at(-1))).toEqual([]);
  });

  it('cancels with the next text as the reason, which is not relayed to the caseworker', async () => {
    const a = await add(w.bob);
    await link();
    await press(`appt:x:${a.id}`);
    expect(lastText()).toBe(t('telegram.appointments.cancel_reason'));
    expect((await stored(a)).status).toBe('scheduled');
    await text('My child is ill');
    const after = await stored(a);
    expect([after.status, after.cancelReason]).toEqual(['cancelled', 'My child is ill']);
    expect(lastText()).toBe(t('telegram.appointments.cancelled'));
    expect(await inbound()).toEqual([]);
    // The wait is over: the next text is a message again.
    await text('Thank you');
    expect((await inbound()).map((m) => m.body)).toEqual(['Thank you']);
  });

  it('drops a waiting cancel on any command, and after ten minutes', async () => {
    const a = await add(w.bob);
    await link();
    await press(`appt:x:${a.id}`);
    await text('/help');
    expect(api.sent.slice(-2).map((m) => m.text)).toEqual([t('telegram.appointments.cancel_aborted'), t('telegram.help')]);
    await press(`appt:x:${a.id}`);
    core.clock.advance(11 * 60_000);
    await text('Too late now');
    expect((await stored(a)).status).toBe('scheduled');
    expect((await inbound()).map((m) => m.body)).toEqual(['Too late now']);
  });
});
