import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { insert, outboxRow, world, type World } from '../../../test/support/fixtures.ts';
import type { OutboxItem } from '../../domain/types.ts';
import type { ChannelSender, OutboundMessage, SendResult } from '../../ports/channel-sender.ts';
import { devSender } from '../../senders/dev-sender.ts';
import { senderFor } from '../../senders/route.ts';
import { deliverDue } from './deliver-outbox.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

/** A provider that answers from a script (then succeeds), recording every call it gets. */
const scripted = (...answers: SendResult[]) => {
  const calls: OutboundMessage[] = [];
  const sender: ChannelSender = {
    name: 'scripted',
    async send(m) {
      calls.push(m);
      return answers.shift() ?? { ok: true, externalId: `ext-${calls.length}` };
    },
  };
  return { sender, calls };
};

const queue = async (over: Partial<OutboxItem> = {}) => {
  const row = outboxRow(core, w.alice, over);
  await insert(core, core.store.outbox.insert(row));
  return row;
};

const run = (sender: ChannelSender | null, over: { maxAttempts?: number; random?: () => number } = {}) =>
  deliverDue({ store: core.store, t: core.t, senderFor: () => sender, maxAttempts: 5, random: () => 0.5, ...over }, core.clock.now());

const rowOf = async (id: string) => (await core.store.outbox.get(id)) as OutboxItem;

describe('delivering the outbox', () => {
  it('sends a due row with its idempotency key and marks it sent', async () => {
    const row = await queue({ payload: '{"kind":"message"}' });
    const p = scripted({ ok: true, externalId: 'SM123' });
    expect(await run(p.sender)).toEqual({ sent: 1, retried: 0, dead: 0, cancelled: 0, deferred: 0 });
    expect(p.calls[0]).toMatchObject({
      outboxId: row.id,
      idempotencyKey: row.idempotencyKey,
      channel: 'sms',
      to: '+15555550101',
      text: row.text,
      payload: { kind: 'message' },
    });
    expect(await rowOf(row.id)).toMatchObject({ status: 'sent', externalId: 'SM123', sender: 'scripted', sentAt: core.clock.now(), attempts: 1, lockedUntil: null });
    expect(await run(p.sender)).toEqual({ sent: 0, retried: 0, dead: 0, cancelled: 0, deferred: 0 });
  });

  it('leaves rows that are not due yet', async () => {
    await queue({ nextAttemptAt: core.clock.now() + 60_000 });
    expect(await run(scripted().sender)).toEqual({ sent: 0, retried: 0, dead: 0, cancelled: 0, deferred: 0 });
  });

  it('retries a passing failure with jittered exponential backoff, then sends', async () => {
    const row = await queue();
    const p = scripted({ ok: false, retryable: true, error: 'HTTP 503' }, { ok: false, retryable: true, error: 'timeout' });
    const t0 = core.clock.now();
    expect(await run(p.sender)).toEqual({ sent: 0, retried: 1, dead: 0, cancelled: 0, deferred: 0 });
    // attempt 1: half of 15 s
    expect(await rowOf(row.id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: t0 + 7_500, lastError: 'HTTP 503' });
    core.clock.set(t0 + 7_499);
    expect(await run(p.sender)).toEqual({ sent: 0, retried: 0, dead: 0, cancelled: 0, deferred: 0 });
    core.clock.set(t0 + 7_500);
    expect(await run(p.sender)).toEqual({ sent: 0, retried: 1, dead: 0, cancelled: 0, deferred: 0 });
    // attempt 2: half of 30 s
    expect((await rowOf(row.id)).nextAttemptAt).toBe(t0 + 7_500 + 15_000);
    core.clock.set(t0 + 22_500);
    expect(await run(p.sender)).toEqual({ sent: 1, retried: 0, dead: 0, cancelled: 0, deferred: 0 });
    expect(await rowOf(row.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(new Set(p.calls.map((c) => c.idempotencyKey))).toEqual(new Set([row.idempotencyKey]));
  });

  it("waits at least as long as the provider's Retry-After", async () => {
    const row = await queue();
    const p = scripted({ ok: false, retryable: true, retryAfterMs: 120_000, error: 'HTTP 429' });
    await run(p.sender, { random: () => 0 });
    expect((await rowOf(row.id)).nextAttemptAt).toBe(core.clock.now() + 120_000);
  });

  it('gives up after the last attempt, keeping the error, and the row stays listed', async () => {
    const row = await queue();
    const down: ChannelSender = { name: 'down', send: async () => ({ ok: false, retryable: true, error: 'HTTP 502' }) };
    const counts = [];
    for (let i = 0; i < 3; i++) {
      counts.push(await run(down, { maxAttempts: 3 }));
      core.clock.advance(3_600_000);
    }
    expect(counts).toEqual([
      { sent: 0, retried: 1, dead: 0, cancelled: 0, deferred: 0 },
      { sent: 0, retried: 1, dead: 0, cancelled: 0, deferred: 0 },
      { sent: 0, retried: 0, dead: 1, cancelled: 0, deferred: 0 },
    ]);
    expect(await rowOf(row.id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'HTTP 502' });
    expect((await core.store.outbox.list(w.scope, { status: 'dead' })).map((r) => r.id)).toEqual([row.id]);
    expect(await run(down, { maxAttempts: 3 })).toEqual({ sent: 0, retried: 0, dead: 0, cancelled: 0, deferred: 0 });
  });

  it('gives up at once on a failure that cannot pass', async () => {
    const row = await queue();
    await run(scripted({ ok: false, retryable: false, error: 'invalid_number' }).sender);
    expect(await rowOf(row.id)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'invalid_number' });
  });

  it('treats a sender that throws as a passing failure', async () => {
    const row = await queue();
    const broken: ChannelSender = { name: 'broken', send: () => Promise.reject(new TypeError('fetch failed')) };
    expect(await run(broken)).toEqual({ sent: 0, retried: 1, dead: 0, cancelled: 0, deferred: 0 });
    expect((await rowOf(row.id)).lastError).toBe('TypeError'); // the name only: a message can carry a client's words
  });

  it('marks the row dead when its channel is off and this is not a demo', async () => {
    const row = await queue({ channel: 'telegram' });
    const route = senderFor({ channels: { sms: false, telegram: false, slack: false }, demo: false }, {}, devSender(core));
    const counts = await deliverDue({ store: core.store, t: core.t, senderFor: route, maxAttempts: 5 }, core.clock.now());
    expect(counts).toEqual({ sent: 0, retried: 0, dead: 1, cancelled: 0, deferred: 0 });
    expect(await rowOf(row.id)).toMatchObject({ status: 'dead', lastError: 'channel_off' });
  });

  it('gives up without sending a row claimed past its last attempt (a send that kept crashing)', async () => {
    const row = await queue({ attempts: 5, lastError: 'HTTP 500' });
    const p = scripted();
    expect(await run(p.sender)).toEqual({ sent: 0, retried: 0, dead: 1, cancelled: 0, deferred: 0 });
    expect(p.calls).toHaveLength(0);
    expect(await rowOf(row.id)).toMatchObject({ status: 'dead', lastError: 'HTTP 500', attempts: 6 });
  });
});

describe('exactly once for the client', () => {
  it('never sends a row twice when two workers run at once', async () => {
    const rows = await Promise.all(Array.from({ length: 8 }, () => queue()));
    const p = scripted();
    const [a, b] = await Promise.all([run(p.sender), run(p.sender)]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(8);
    expect(p.calls.map((c) => c.outboxId).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('sends once across a crash between sending and marking', async () => {
    const row = await queue();
    const dev = devSender(core);
    const calls: string[] = [];
    const provider: ChannelSender = { name: 'dev', send: (m) => (calls.push(m.idempotencyKey), dev.send(m)) };
    // The worker dies right after the provider took the message: the row is never marked.
    const crashing = { ...core.store, outbox: { ...core.store.outbox, markSent: () => Promise.reject(new Error('worker killed')) } };
    await expect(deliverDue({ store: crashing, t: core.t, senderFor: () => provider, maxAttempts: 5, leaseMs: 60_000 }, core.clock.now())).rejects.toThrow(
      'worker killed',
    );
    expect(await rowOf(row.id)).toMatchObject({ status: 'sending', attempts: 1 });
    // While the lease holds, nobody else takes the row.
    expect(await deliverDue({ store: core.store, t: core.t, senderFor: () => provider, maxAttempts: 5 }, core.clock.now() + 59_000)).toEqual({
      sent: 0,
      retried: 0,
      dead: 0,
      cancelled: 0,
      deferred: 0,
    });
    core.clock.advance(60_001);
    expect(await deliverDue({ store: core.store, t: core.t, senderFor: () => provider, maxAttempts: 5 }, core.clock.now())).toEqual({
      sent: 1,
      retried: 0,
      dead: 0,
      cancelled: 0,
      deferred: 0,
    });
    expect(calls).toEqual([row.idempotencyKey, row.idempotencyKey]);
    expect((await core.store.devOutbox.list()).map((m) => m.outboxId)).toEqual([row.id]);
    expect(await rowOf(row.id)).toMatchObject({ status: 'sent', attempts: 2, externalId: `dev-${row.id}`, sender: 'dev' });
  });

  it('shows each message once in the dev outbox of the demo', async () => {
    const first = await queue({ text: 'one' });
    const second = await queue({ text: 'two', channel: 'telegram', toAddress: '4242' });
    const route = senderFor({ channels: { sms: false, telegram: false, slack: false }, demo: true }, {}, devSender(core));
    await deliverDue({ store: core.store, t: core.t, senderFor: route, maxAttempts: 5 }, core.clock.now());
    await deliverDue({ store: core.store, t: core.t, senderFor: route, maxAttempts: 5 }, core.clock.now());
    const shown = await core.store.devOutbox.list();
    expect(shown.map((m) => [m.outboxId, m.text, m.channel, m.to, m.status]).sort()).toEqual([
      [first.id, 'one', 'sms', '+15555550101', 'sent'],
      [second.id, 'two', 'telegram', '4242', 'sent'],
    ].sort());
  });
});

describe('crisis first', () => {
  it('claims crisis help and crisis alerts before a backlog that was due earlier', async () => {
    const backlog = [];
    for (let i = 0; i < 25; i++) backlog.push(outboxRow(core, w.alice, { template: 'reminder.appointment.sms', idempotencyKey: `rem-${i}`, nextAttemptAt: core.clock.now() - 60_000 }));
    const help = outboxRow(core, w.alice, { template: 'crisis.resources', idempotencyKey: 'crisis-help' });
    const alert = outboxRow(core, w.alice, { channel: 'slack', toAddress: 'staff:x', template: 'staff.crisis_alert', idempotencyKey: 'crisis-alert' });
    await insert(core, ...backlog.map((r) => core.store.outbox.insert(r)), core.store.outbox.insert(help), core.store.outbox.insert(alert));
    const claimed = await core.store.outbox.claimDue(core.clock.now(), 20, 60_000);
    expect(claimed.slice(0, 2).map((r) => r.template).sort()).toEqual(['crisis.resources', 'staff.crisis_alert']);
    expect(claimed).toHaveLength(20);
  });
});

describe('a reminder held back past its event', () => {
  it('is dropped as expired, not sent late', async () => {
    // 20:59 in New York, a reminder for 22:30 that could not leave before the quiet hours began
    core.clock.set('2026-03-03T02:01:00Z');
    const row = outboxRow(core, w.alice, { template: 'reminder.appointment.sms', payload: JSON.stringify({ expiresAt: Date.parse('2026-03-03T03:30:00Z') }) });
    await insert(core, core.store.outbox.insert(row));
    expect(await run(scripted().sender)).toMatchObject({ sent: 0, cancelled: 1 });
    expect(await rowOf(row.id)).toMatchObject({ status: 'cancelled', lastError: 'expired' });
  });

  it('goes at once while its event is still ahead and the hour allows', async () => {
    const row = outboxRow(core, w.alice, { template: 'reminder.appointment.sms', payload: JSON.stringify({ expiresAt: core.clock.now() + 3_600_000 }) });
    await insert(core, core.store.outbox.insert(row));
    expect(await run(scripted().sender)).toMatchObject({ sent: 1 });
  });
});
