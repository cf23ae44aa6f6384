// TELEGRAM_MODE=polling against the fake Bot API: the webhook is removed, polled updates land in
// the inbox (once each) and are handled and answered exactly as webhook updates are.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { world, type World } from '../../test/support/fixtures.ts';
import { startTelegram, type TelegramHarness } from '../../test/support/telegram.ts';
import { startPolling, type Polling } from './polling.ts';
import { UPDATE_SOURCE } from './webhook.ts';

const CHAT = 7300;
let core: TestCore;
let w: World;
let tg: TelegramHarness;
let polling: Polling | null = null;

beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
  tg = await startTelegram(core, w);
});
afterEach(async () => {
  await polling?.stop();
  polling = null;
  await tg.api.close();
});

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((ok) => setTimeout(ok, 20));
  expect(await check()).toBe(true);
};

describe('polling', () => {
  it('removes the webhook, stores each polled update once in the inbox, and the bot answers it', async () => {
    await tg.link(w.bob.id, CHAT);
    const errors: unknown[] = [];
    const update = tg.textUpdate(CHAT, '/help');
    tg.api.queueUpdate(update);
    tg.api.queueUpdate(update); // Telegram handing the same update twice changes nothing
    polling = startPolling({ api: tg.bot.api, core, agencyId: async () => w.agency.id, onError: (e) => errors.push(e), timeoutSeconds: 1, pauseMs: 50 });
    await until(async () => (await core.store.inbox.get(UPDATE_SOURCE, String(update.update_id))) !== null);
    expect(tg.api.webhookDeleted).toBe(1);
    await tg.work();
    expect(tg.lastTo(CHAT)).toBe(core.t(w.bob.language, 'telegram.help'));
    expect(tg.api.sent.filter((m) => m.text === core.t(w.bob.language, 'telegram.help'))).toHaveLength(1);
    // The next poll names an offset past it, so Telegram forgets it.
    await until(async () => tg.api.calls.some((c) => c.method === 'getUpdates' && Number(c.params.offset) === update.update_id + 1));
    expect(errors).toEqual([]);
  });

  it('keeps asking after a failed call, and stops when told', async () => {
    tg.api.fail({ kind: 'server_error' }, { method: 'getUpdates' });
    const errors: unknown[] = [];
    polling = startPolling({ api: tg.bot.api, core, agencyId: async () => w.agency.id, onError: (e) => errors.push(e), timeoutSeconds: 1, pauseMs: 50 });
    await until(async () => tg.api.calls.filter((c) => c.method === 'getUpdates').length >= 2);
    expect(errors).toHaveLength(1);
    await polling.stop();
    polling = null;
    const asked = tg.api.calls.filter((c) => c.method === 'getUpdates').length;
    await new Promise((ok) => setTimeout(ok, 300));
    expect(tg.api.calls.filter((c) => c.method === 'getUpdates').length).toBe(asked);
  });
});
