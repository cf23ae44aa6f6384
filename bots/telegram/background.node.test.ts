// What happens behind the webhook: the update is stored and answered at once, handled by the
// inbox worker, and every reply leaves through the outbox (paced, retried, once). Also: Telegram
// saying the bot is blocked withdraws the chat, and an open question survives a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentRow, documentRequestRow, insert, sampleFile, world, type World } from '../../test/support/fixtures.ts';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { startTelegram, type TelegramHarness } from '../../test/support/telegram.ts';
import { clientForChat } from '../../src/usecases/telegram/client-for-chat.ts';
import { replyKey, REPLY_TEMPLATE } from './replies.ts';
import { UPDATE_SOURCE } from './webhook.ts';

const CHAT = 6100;
let core: TestCore;
let w: World;
let tg: TelegramHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  tg = await startTelegram(core, w);
});
afterEach(() => tg.api.close());

const replies = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.template === REPLY_TEMPLATE).reverse();
const system = () => ({ type: 'system' as const, agencyId: w.agency.id, door: 'telegram' as const });

describe('the webhook answers first and the inbox worker handles', () => {
  it('stores the update and answers 200 before the bot has done anything; the worker then handles it and forgets its text', async () => {
    await tg.link(w.bob.id, CHAT);
    const before = tg.api.calls.length;
    const update = tg.textUpdate(CHAT, '/help');
    expect((await tg.post(JSON.stringify(update))).status).toBe(200);
    expect(tg.api.calls.length).toBe(before);
    expect(await core.store.inbox.get(UPDATE_SOURCE, String(update.update_id))).toMatchObject({ status: 'pending' });
    await tg.work();
    expect(tg.lastTo(CHAT)).toBe(core.t(w.bob.language, 'telegram.help'));
    expect(await core.store.inbox.get(UPDATE_SOURCE, String(update.update_id))).toMatchObject({ status: 'done', payload: '' });
  });

  it('takes a repeated update_id once: 200, and nothing stored, handled or sent twice', async () => {
    await tg.link(w.bob.id, CHAT);
    const update = tg.textUpdate(CHAT, '/help');
    await tg.send(update);
    await tg.send(update);
    expect(tg.api.sent.filter((m) => m.text === core.t(w.bob.language, 'telegram.help'))).toHaveLength(1);
    expect((await replies()).filter((r) => r.idempotencyKey.startsWith(`tg-reply:${update.update_id}:`))).toHaveLength(1);
  });

  it('does what a press asks even when Telegram refuses to answer the press (too old, answered before)', async () => {
    await tg.link(w.bob.id, CHAT);
    tg.api.fail({ kind: 'server_error' }, { method: 'answerCallbackQuery' });
    const update = { update_id: 777, callback_query: { id: 'q-late', from: tg.from(CHAT), chat_instance: 'x', data: 'menu:help', message: { message_id: 1, date: 0, chat: tg.chat(CHAT), text: 'x' } } };
    expect((await tg.post(JSON.stringify(update))).status).toBe(200);
    await tg.work();
    expect(tg.failures).toEqual([]);
    expect(await core.store.inbox.get(UPDATE_SOURCE, '777')).toMatchObject({ status: 'done', attempts: 1 });
    expect(tg.lastTo(CHAT)).toBe(core.t(w.bob.language, 'telegram.help'));
  });
});

describe('replies leave through the outbox', () => {
  it('queues each reply under a key made of the update and its rank, in order, and marks it sent', async () => {
    await tg.link(w.bob.id, CHAT);
    const a = appointmentRow(core, w.bob);
    const b = appointmentRow(core, w.bob, { startsAt: a.startsAt + 86_400_000 });
    await insert(core, core.store.appointments.insert(a), core.store.appointments.insert(b));
    const update = tg.textUpdate(CHAT, '/appointments');
    await tg.send(update);
    const rows = (await replies()).filter((r) => r.idempotencyKey.startsWith(`tg-reply:${update.update_id}:`));
    expect(rows.map((r) => [r.idempotencyKey, r.status, r.toAddress, r.clientId])).toEqual([
      [replyKey(update.update_id, 1), 'sent', String(CHAT), w.bob.id],
      [replyKey(update.update_id, 2), 'sent', String(CHAT), w.bob.id],
    ]);
    // Telegram got them in the order the bot said them, each with its own buttons.
    const sent = tg.api.sent.slice(-2);
    expect(sent.map((m) => m.text)).toEqual(rows.map((r) => r.text));
    expect(sent.every((m) => (m.reply_markup as { inline_keyboard: unknown[] }).inline_keyboard.length > 0)).toBe(true);
  });

  it('holds a reply Telegram rate-limited until retry_after has passed, then sends it once', async () => {
    await tg.link(w.bob.id, CHAT);
    const help = core.t(w.bob.language, 'telegram.help');
    tg.api.fail({ kind: 'rate_limited', retryAfter: 30 }, { method: 'sendMessage' });
    await tg.send(tg.textUpdate(CHAT, '/help'));
    const helps = () => tg.api.sent.filter((m) => m.text === help);
    expect(helps()).toEqual([]);
    const row = (await replies()).at(-1);
    expect(row).toMatchObject({ status: 'pending', lastError: 'telegram_rate_limited' });
    expect(row!.nextAttemptAt).toBeGreaterThanOrEqual(core.clock.now() + 30_000);
    core.clock.advance(29_000);
    await tg.work();
    expect(helps()).toEqual([]);
    core.clock.advance(1_000);
    await tg.work();
    expect(helps()).toHaveLength(1);
  });

  it('withdraws the chat when Telegram says the client blocked the bot: nothing more is sent there', async () => {
    await tg.link(w.bob.id, CHAT);
    tg.api.fail({ kind: 'blocked' }, { method: 'sendMessage' });
    await tg.send(tg.textUpdate(CHAT, '/help'));
    expect(await clientForChat(core, system(), CHAT)).toBeNull();
    const audit = await core.store.audit.listForClient(w.scope, w.bob.id);
    expect(audit.map((e) => [e.action, e.actorType])).toContainEqual(['telegram.unlinked', 'system']);
    expect((await replies()).at(-1)).toMatchObject({ status: 'dead', lastError: 'telegram_blocked' });
  });
});

describe('open questions live in the store', () => {
  it('a cancel reason asked by one bot instance is answered through another (a restart, a second server)', async () => {
    const a = appointmentRow(core, w.bob);
    await insert(core, core.store.appointments.insert(a));
    await tg.link(w.bob.id, CHAT);
    await tg.press(`appt:x:${a.id}`, CHAT);
    const other = await startTelegram(core, w, { firstUpdateId: 5000 });
    try {
      await other.text('The bus does not run that day', CHAT);
      expect((await core.store.appointments.get(w.scope, a.id))).toMatchObject({ status: 'cancelled', cancelReason: 'The bus does not run that day' });
      expect(other.lastTo(CHAT)).toBe(core.t(w.bob.language, 'telegram.appointments.cancelled'));
    } finally {
      await other.api.close();
    }
  });
});

describe('a file sent in the chat', () => {
  it('tells the caseworker who asked for it', async () => {
    const req = documentRequestRow(core, w.bob, { staffId: w.staff.id, kind: 'Pay slip' });
    await insert(core, core.store.documents.insertRequest(req));
    await tg.link(w.bob.id, CHAT);
    tg.api.addFile('pay', sampleFile('pdf', 2048));
    await tg.send(tg.messageUpdate(CHAT, { document: { file_id: 'pay', file_unique_id: 'p', file_size: 2048, file_name: 'slip.pdf' } }));
    const staff = (await core.store.outbox.list(w.scope)).filter((o) => o.staffId === w.staff.id);
    expect(staff.map((o) => [o.template, o.channel, o.clientId])).toEqual([['staff.document_uploaded', 'slack', w.bob.id]]);
    expect(staff[0]!.text).toContain('Pay slip');
  });
});
