import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { channelRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { browser, ORIGIN, portalApp, signedIn, type App } from '../../test/support/portal.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { createApp } from '../../src/http/app.ts';
import { clientForChat } from '../../src/usecases/telegram/client-for-chat.ts';
import { linkTelegramChat } from '../../src/usecases/telegram/link-telegram-chat.ts';

const BOT = 'casebridge_bot';
let core: TestCore;
let w: World;
let app: App;
let bot: Actor;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  app = createApp({ core, demo: false, publicUrl: ORIGIN, telegramBotUsername: BOT, logError: () => {} });
  bot = { type: 'system', agencyId: w.agency.id, door: 'telegram' };
});

const CONNECT_FORM = 'action="/settings/telegram/connect"';
const linkIn = (html: string) => html.match(/href="https:\/\/t\.me\/casebridge_bot\?start=([A-Za-z0-9_-]+)"/)?.[1];
const created = async (clientId: string) =>
  (await core.store.audit.listForClient(w.scope, clientId)).filter((a) => a.action === 'telegram.link_created');

describe('Connect Telegram on the settings page', () => {
  it('is offered only when the agency has a bot and the client has no connected Telegram', async () => {
    const b = await signedIn(app, core, w.alice);
    const html = await (await b.get('/settings')).text();
    expect(html).toContain('Telegram is not connected.');
    expect(html).toContain(CONNECT_FORM);
    expect(html).toContain('Connect Telegram');

    const without = await signedIn(portalApp(core), core, w.alice);
    expect(await (await without.get('/settings')).text()).not.toContain(CONNECT_FORM);

    const telegram = channelRow(core, w.alice, { kind: 'telegram', address: '424242' });
    await insert(core, core.store.channels.insert(telegram));
    const linked = await (await b.get('/settings')).text();
    expect(linked).toContain('Telegram is connected.');
    expect(linked).not.toContain(CONNECT_FORM);
    expect(linked).toContain(`action="/settings/channels/${telegram.id}/opt-out"`);

    // After a disconnect, a new chat can be connected (or the old one switched back on).
    await b.post(`/settings/channels/${telegram.id}/opt-out`);
    const stopped = await (await b.get('/settings')).text();
    expect(stopped).toContain('Reconnect Telegram');
    expect(stopped).toContain(CONNECT_FORM);
  });

  it('gives a one-time t.me link that the bot accepts for this client, then shows Telegram connected', async () => {
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    const res = await b.post('/settings/telegram/connect');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('press Start');
    expect(html).toContain('class="button"');
    const token = linkIn(html);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,64}$/);
    expect(await created(w.alice.id)).toHaveLength(1);

    const r = await linkTelegramChat(core, bot, { token: token!, chatId: 5550001 });
    expect(r.ok && r.value.id).toBe(w.alice.id);
    expect((await clientForChat(core, bot, 5550001))?.id).toBe(w.alice.id);
    expect(await linkTelegramChat(core, bot, { token: token!, chatId: 5550002 })).toEqual({ ok: false, code: 'link_invalid' });

    const after = await (await b.get('/settings')).text();
    expect(after).toContain('Telegram is connected.');
    expect(after).not.toContain(CONNECT_FORM);
  });

  it('makes a link only for the signed-in client: each client’s link ties a chat to them alone', async () => {
    const alice = await signedIn(app, core, w.alice);
    const bob = await signedIn(app, core, w.bob);
    const aliceToken = linkIn(await (await alice.post('/settings/telegram/connect')).text());
    const bobToken = linkIn(await (await bob.post('/settings/telegram/connect')).text());
    expect(aliceToken).not.toBe(bobToken);
    expect((await linkTelegramChat(core, bot, { token: bobToken!, chatId: 6001 })).ok).toBe(true);
    expect((await clientForChat(core, bot, 6001))?.id).toBe(w.bob.id);
    // Alice's link cannot take Bob's chat.
    expect(await linkTelegramChat(core, bot, { token: aliceToken!, chatId: 6001 })).toEqual({ ok: false, code: 'chat_taken' });
    expect((await clientForChat(core, bot, 6001))?.id).toBe(w.bob.id);
  });

  it('needs the CSRF token, the site’s own origin and a session; makes nothing otherwise', async () => {
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    expect((await b.post('/settings/telegram/connect', {}, { csrf: 'forged' })).status).toBe(403);
    expect((await b.post('/settings/telegram/connect', {}, { origin: 'https://evil.example' })).status).toBe(403);
    const anon = browser(app);
    await anon.get('/sign-in');
    const res = await anon.post('/settings/telegram/connect');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in');
    expect(await created(w.alice.id)).toEqual([]);
  });

  it('is not there when the agency has no bot', async () => {
    const b = await signedIn(portalApp(core), core, w.alice);
    await b.get('/settings');
    expect((await b.post('/settings/telegram/connect')).status).toBe(404);
    expect(await created(w.alice.id)).toEqual([]);
  });

  it('speaks the client’s language, right to left in Arabic', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'ar' }));
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    const html = await (await b.post('/settings/telegram/connect')).text();
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(linkIn(html)).toBeTruthy();
  });
});
