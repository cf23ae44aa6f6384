// The Telegram sender inside the real delivery worker: the real store, the outbox, the fake Bot API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from '../../test/fakes/telegram-bot-api.ts';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { channelRow, insert, outboxRow, world, type World } from '../../test/support/fixtures.ts';
import type { OutboxItem } from '../../src/domain/types.ts';
import type { Store } from '../../src/ports/store.ts';
import { deliverDue } from '../../src/usecases/outbox/deliver-outbox.ts';
import { sendStaffReply } from '../../src/usecases/messaging/send-staff-reply.ts';
import { telegramSender } from './send.ts';
import { keyedThrottle } from '../../src/runtime/throttle.ts';

let core: TestCore;
let w: World;
let api: FakeBotApi;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  api = await startFakeBotApi();
});
afterEach(() => api.close());

const telegram = () =>
  telegramSender({
    token: api.token,
    apiRoot: api.apiRoot,
    deliveries: core.store.deliveries,
    clock: core.clock,
    throttle: keyedThrottle({ clock: core.clock, sleep: async (ms) => core.clock.advance(ms) }),
  });

const run = (store: Store = core.store) =>
  deliverDue({ store, t: core.t, senderFor: (ch) => (ch === 'telegram' ? telegram() : null), maxAttempts: 5, leaseMs: 60_000, random: () => 0.5 }, core.clock.now());

const queue = async (over: Partial<OutboxItem> = {}) => {
  const row = outboxRow(core, w.alice, { channel: 'telegram', toAddress: '4242', ...over });
  await insert(core, core.store.outbox.insert(row));
  return row;
};

const rowOf = async (id: string) => (await core.store.outbox.get(id)) as OutboxItem;

describe('delivering the outbox through Telegram', () => {
  it('brings a caseworker reply to a client whose safe channel is Telegram', async () => {
    await insert(core, core.store.channels.insert(channelRow(core, w.alice, { kind: 'telegram', address: '777001' })));
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { preferredChannel: 'telegram' }));
    const reply = await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'See you Monday at 10.', idempotencyKey: 'r1' });
    expect(reply).toMatchObject({ ok: true });
    expect(await run()).toEqual({ sent: 1, retried: 0, dead: 0, cancelled: 0, deferred: 0 });
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]).toMatchObject({ chat_id: '777001' });
    expect(api.sent[0]!.text).toContain('See you Monday at 10.');
    const [row] = await core.store.outbox.list(w.scope);
    expect(row).toMatchObject({ status: 'sent', sender: 'telegram', externalId: '1', channel: 'telegram' });
    const [msg] = await core.store.messages.listForClient(w.scope, w.alice.id);
    expect(msg).toMatchObject({ channel: 'telegram', status: 'sent' });
  });

  it('sends once across a crash after Telegram accepted the message', async () => {
    const row = await queue();
    const crashing: Store = { ...core.store, outbox: { ...core.store.outbox, markSent: () => Promise.reject(new Error('worker killed')) } };
    await expect(run(crashing)).rejects.toThrow('worker killed');
    expect(await rowOf(row.id)).toMatchObject({ status: 'sending', attempts: 1 });
    core.clock.advance(60_001);
    expect(await run()).toEqual({ sent: 1, retried: 0, dead: 0, cancelled: 0, deferred: 0 });
    expect(api.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(await rowOf(row.id)).toMatchObject({ status: 'sent', attempts: 2, externalId: '1', sender: 'telegram' });
  });

  it("waits out Telegram's retry_after before the next attempt", async () => {
    const row = await queue();
    api.fail({ kind: 'rate_limited', retryAfter: 30 });
    expect(await run()).toEqual({ sent: 0, retried: 1, dead: 0, cancelled: 0, deferred: 0 });
    const after = await rowOf(row.id);
    expect(after).toMatchObject({ status: 'pending', lastError: 'telegram_rate_limited' });
    expect(after.nextAttemptAt - core.clock.now()).toBeGreaterThanOrEqual(30_000);
    core.clock.set(after.nextAttemptAt);
    expect(await run()).toEqual({ sent: 1, retried: 0, dead: 0, cancelled: 0, deferred: 0 });
    expect(api.sent).toHaveLength(1);
  });

  it('marks the row dead at once when the client blocked the bot', async () => {
    const row = await queue();
    api.fail({ kind: 'blocked' });
    expect(await run()).toEqual({ sent: 0, retried: 0, dead: 1, cancelled: 0, deferred: 0 });
    expect(await rowOf(row.id)).toMatchObject({ status: 'dead', lastError: 'telegram_blocked' });
  });
});
