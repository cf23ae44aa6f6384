// Appointments in Telegram, through the real HTTP app and a fake Bot API on 127.0.0.1: list,
// confirm, change the time, cancel with a reason; forged buttons change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { buttonsOf, startTelegram, type TelegramHarness } from '../../test/support/telegram.ts';
import { HOUR } from '../../src/domain/time.ts';
import type { Appointment, Client } from '../../src/domain/types.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { MAX_CALLBACK_BYTES } from './features/appointments-view.ts';

const CHAT = 5150;
let core: TestCore;
let w: World;
let tg: TelegramHarness;
let api: TelegramHarness['api'];

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  tg = await startTelegram(core, w);
  api = tg.api;
});
afterEach(() => api.close());

const text = (body: string, chatId = CHAT) => tg.text(body, chatId);
const press = (data: string, chatId = CHAT) => tg.press(data, chatId);
const lastText = () => tg.lastTo(CHAT);
const link = (client: Client = w.bob) => tg.link(client.id, CHAT);
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
