import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { channelRow, insert, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { sha256Hex } from '../../domain/secrets.ts';
import { MINUTE } from '../../domain/time.ts';
import { clientForChat } from './client-for-chat.ts';
import { createTelegramLink } from './create-telegram-link.ts';
import { linkTelegramChat } from './link-telegram-chat.ts';
import { unlinkTelegramChat } from './unlink-telegram-chat.ts';

let core: TestCore;
let w: World;
let bot: Actor;

beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
  bot = { type: 'system', agencyId: w.agency.id, door: 'telegram' };
});

const BOT = 'casebridge_bot';
const tokenFor = async (actor: Actor, clientId: string) => {
  const r = await createTelegramLink(core, actor, { clientId, botUsername: BOT });
  if (!r.ok) throw new Error(r.code);
  return r.value.token;
};
const telegramOf = async (clientId: string) =>
  (await core.store.channels.listForClient(w.scope, clientId)).filter((c) => c.kind === 'telegram');
const actions = async (clientId: string) => (await core.store.audit.listForClient(w.scope, clientId, 100)).map((a) => a.action);

describe('create a Connect Telegram link', () => {
  it('gives a t.me deep link whose token fits a Telegram start parameter; only the hash is stored', async () => {
    const r = await createTelegramLink(core, w.asAlice, { clientId: w.alice.id, botUsername: BOT });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { token, url, expiresAt } = r.value;
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(url).toBe(`https://t.me/${BOT}?start=${token}`);
    expect(expiresAt).toBe(core.clock.now() + 15 * MINUTE);
    expect(await core.store.telegramLinks.get(token)).toBeNull();
    expect(await core.store.telegramLinks.get(await sha256Hex(token))).toMatchObject({ clientId: w.alice.id, consumedAt: null });
    expect(await actions(w.alice.id)).toContain('telegram.link_created');
  });

  it('lets staff make one for a client of the agency', async () => {
    expect((await createTelegramLink(core, w.asStaff, { clientId: w.bob.id, botUsername: BOT })).ok).toBe(true);
  });

  it('refuses another client, an unknown client and a bad bot username', async () => {
    expect(await createTelegramLink(core, w.asAlice, { clientId: w.bob.id, botUsername: BOT })).toEqual({ ok: false, code: 'not_found' });
    expect(await actions(w.alice.id)).toContain('access.denied');
    expect(await createTelegramLink(core, w.asStaff, { clientId: 'cli_nobody', botUsername: BOT })).toEqual({ ok: false, code: 'not_found' });
    expect(await createTelegramLink(core, w.asAlice, { clientId: w.alice.id, botUsername: '@bot' })).toEqual({ ok: false, code: 'invalid' });
  });
});

describe('link a chat with /start <token>', () => {
  it('ties the chat to the token’s client: verified, consented, usable by the bot', async () => {
    const token = await tokenFor(w.asAlice, w.alice.id);
    const r = await linkTelegramChat(core, bot, { token, chatId: 424242 });
    expect(r.ok && r.value.id).toBe(w.alice.id);
    const [ch] = await telegramOf(w.alice.id);
    expect(ch).toMatchObject({ address: '424242', verified: true, consentGivenAt: core.clock.now(), consentWithdrawnAt: null });
    expect((await clientForChat(core, bot, 424242))?.id).toBe(w.alice.id);
    expect((await clientForChat(core, bot, '424242'))?.id).toBe(w.alice.id);
    expect(await actions(w.alice.id)).toContain('telegram.linked');
  });

  it('uses a token once', async () => {
    const token = await tokenFor(w.asAlice, w.alice.id);
    expect((await linkTelegramChat(core, bot, { token, chatId: 1001 })).ok).toBe(true);
    expect(await linkTelegramChat(core, bot, { token, chatId: 1001 })).toEqual({ ok: false, code: 'link_invalid' });
    expect(await linkTelegramChat(core, bot, { token, chatId: 1002 })).toEqual({ ok: false, code: 'link_invalid' });
    expect(await clientForChat(core, bot, 1002)).toBeNull();
  });

  it('expires after 15 minutes', async () => {
    const token = await tokenFor(w.asAlice, w.alice.id);
    core.clock.advance(15 * MINUTE);
    expect(await linkTelegramChat(core, bot, { token, chatId: 1001 })).toEqual({ ok: false, code: 'link_invalid' });
    expect(await telegramOf(w.alice.id)).toEqual([]);
  });

  it('works just before it expires', async () => {
    const token = await tokenFor(w.asAlice, w.alice.id);
    core.clock.advance(15 * MINUTE - 1);
    expect((await linkTelegramChat(core, bot, { token, chatId: 1001 })).ok).toBe(true);
  });

  it('gives one answer for a made-up, malformed or other agency’s token', async () => {
    const token = await tokenFor(w.asAlice, w.alice.id);
    const elsewhere: Actor = { ...bot, agencyId: 'agy_other' };
    expect(await linkTelegramChat(core, elsewhere, { token, chatId: 1001 })).toEqual({ ok: false, code: 'link_invalid' });
    expect(await linkTelegramChat(core, bot, { token: 'A'.repeat(43), chatId: 1001 })).toEqual({ ok: false, code: 'link_invalid' });
    expect(await linkTelegramChat(core, bot, { token: 'not a token!', chatId: 1001 })).toEqual({ ok: false, code: 'link_invalid' });
    // the real one still works in its own agency
    expect((await linkTelegramChat(core, bot, { token, chatId: 1001 })).ok).toBe(true);
  });

  it('refuses a group or channel chat (negative id) and a chat id that is not a number', async () => {
    const token = await tokenFor(w.asAlice, w.alice.id);
    expect(await linkTelegramChat(core, bot, { token, chatId: -1001234 })).toEqual({ ok: false, code: 'invalid' });
    expect(await linkTelegramChat(core, bot, { token, chatId: 'abc' })).toEqual({ ok: false, code: 'invalid' });
  });

  it('never moves a chat that is another client’s', async () => {
    expect((await linkTelegramChat(core, bot, { token: await tokenFor(w.asBob, w.bob.id), chatId: 777 })).ok).toBe(true);
    const token = await tokenFor(w.asAlice, w.alice.id);
    expect(await linkTelegramChat(core, bot, { token, chatId: 777 })).toEqual({ ok: false, code: 'chat_taken' });
    expect((await clientForChat(core, bot, 777))?.id).toBe(w.bob.id);
    expect(await telegramOf(w.alice.id)).toEqual([]);
    expect(await actions(w.alice.id)).toContain('telegram.link_refused');
    // the token was not used up: Alice can still link her own chat
    expect((await linkTelegramChat(core, bot, { token, chatId: 778 })).ok).toBe(true);
  });

  it('re-links the client’s one Telegram channel to a new chat, and the same chat again after /stop', async () => {
    await linkTelegramChat(core, bot, { token: await tokenFor(w.asAlice, w.alice.id), chatId: 500 });
    await unlinkTelegramChat(core, bot, { chatId: 500 });
    expect(await clientForChat(core, bot, 500)).toBeNull();
    expect((await linkTelegramChat(core, bot, { token: await tokenFor(w.asAlice, w.alice.id), chatId: 500 })).ok).toBe(true);
    expect((await clientForChat(core, bot, 500))?.id).toBe(w.alice.id);
    expect((await linkTelegramChat(core, bot, { token: await tokenFor(w.asAlice, w.alice.id), chatId: 501 })).ok).toBe(true);
    const rows = await telegramOf(w.alice.id);
    expect(rows.map((c) => c.address)).toEqual(['501']);
    expect(await clientForChat(core, bot, 500)).toBeNull();
  });
});

describe('unlink a chat', () => {
  it('from the bot: withdraws consent, keeps the row, and is idempotent', async () => {
    await linkTelegramChat(core, bot, { token: await tokenFor(w.asAlice, w.alice.id), chatId: 900 });
    const first = await unlinkTelegramChat(core, bot, { chatId: 900 });
    expect(first.ok && first.value.changed).toBe(true);
    expect(first.ok && first.value.client?.id).toBe(w.alice.id);
    const [ch] = await telegramOf(w.alice.id);
    expect(ch).toMatchObject({ address: '900', verified: true, consentWithdrawnAt: core.clock.now() });
    expect(await clientForChat(core, bot, 900)).toBeNull();
    core.clock.advance(MINUTE);
    const again = await unlinkTelegramChat(core, bot, { chatId: 900 });
    expect(again.ok && again.value.changed).toBe(false);
    expect((await telegramOf(w.alice.id))[0]?.consentWithdrawnAt).toBe(ch!.consentWithdrawnAt);
    expect((await actions(w.alice.id)).filter((a) => a === 'telegram.unlinked')).toHaveLength(2);
  });

  it('from the bot in an unknown chat: nothing to do', async () => {
    expect(await unlinkTelegramChat(core, bot, { chatId: 31337 })).toEqual({ ok: true, value: { client: null, changed: false } });
  });

  it('from the portal by the client; another client’s id is not found', async () => {
    await linkTelegramChat(core, bot, { token: await tokenFor(w.asAlice, w.alice.id), chatId: 901 });
    expect(await unlinkTelegramChat(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect((await clientForChat(core, bot, 901))?.id).toBe(w.alice.id);
    const r = await unlinkTelegramChat(core, w.asAlice, { clientId: w.alice.id });
    expect(r.ok && r.value.changed).toBe(true);
    expect(await clientForChat(core, bot, 901)).toBeNull();
    expect(await unlinkTelegramChat(core, w.asAlice, {} as { clientId: string })).toEqual({ ok: false, code: 'invalid' });
  });
});

describe('the client of a chat', () => {
  it('is null for an unknown chat, an unverified channel, another agency, or a bad id', async () => {
    await insert(core, core.store.channels.insert(channelRow(core, w.bob, { kind: 'telegram', address: '600', verified: false })));
    expect(await clientForChat(core, bot, 599)).toBeNull();
    expect(await clientForChat(core, bot, 600)).toBeNull();
    await linkTelegramChat(core, bot, { token: await tokenFor(w.asAlice, w.alice.id), chatId: 601 });
    expect(await clientForChat(core, { ...bot, agencyId: 'agy_other' }, 601)).toBeNull();
    expect(await clientForChat(core, bot, -601)).toBeNull();
  });
});
