import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { channelRow, insert, outboxRow, world, type World } from '../../../test/support/fixtures.ts';
import type { ChannelSender } from '../../ports/channel-sender.ts';
import { channelGone } from './channel-gone.ts';
import { deliverDue } from './deliver-outbox.ts';
import { parseAgencySettings } from '../../domain/settings.ts';
import { unreachableNumbersJob } from '../scheduler/followups/unreachable-numbers.ts';

let core: TestCore;
let w: World;
beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
});

const gone = (how: 'opted_out' | 'unreachable'): ChannelSender => ({
  name: 'gone',
  send: async () => ({ ok: false, retryable: false, error: 'provider_says_gone', gone: how }),
});

describe('an address the provider says is gone', () => {
  it('withdraws the Telegram chat (consent withdrawn, audited) and gives the row up', async () => {
    const chat = channelRow(core, w.alice, { kind: 'telegram', address: '8080' });
    const row = outboxRow(core, w.alice, { channel: 'telegram', toAddress: '8080' });
    await insert(core, core.store.channels.insert(chat), core.store.outbox.insert(row));
    const counts = await deliverDue(
      { store: core.store, t: core.t, senderFor: () => gone('opted_out'), maxAttempts: 5, onGone: (r, g) => channelGone(core, r, g) },
      core.clock.now(),
    );
    expect(counts).toEqual({ sent: 0, retried: 0, dead: 1, cancelled: 0, deferred: 0 });
    const after = (await core.store.channels.listForClient(w.scope, w.alice.id)).find((c) => c.id === chat.id);
    expect(after?.consentWithdrawnAt).toBe(core.clock.now());
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((a) => [a.action, a.actorType, a.channel])).toContainEqual(['telegram.unlinked', 'system', 'system']);
    // Another of the client's channels is left alone.
    expect((await core.store.channels.listForClient(w.scope, w.alice.id)).find((c) => c.id === w.aliceSms.id)?.consentWithdrawnAt).toBeNull();
  });

  it('hands a channel with its own rule to that rule', async () => {
    const row = outboxRow(core, w.alice, { channel: 'sms', toAddress: w.aliceSms.address });
    await insert(core, core.store.outbox.insert(row));
    const seen: string[] = [];
    await channelGone(core, row, 'unreachable', { sms: async (_d, actor, r, g) => void seen.push(`${actor.type}:${r.toAddress}:${g}`) });
    expect(seen).toEqual([`system:${w.aliceSms.address}:unreachable`]);
  });

  it('changes nothing for a chat that is linked to no one', async () => {
    const row = outboxRow(core, w.alice, { channel: 'telegram', toAddress: '999' });
    await channelGone(core, row, 'opted_out');
    expect(await core.store.audit.listForClient(w.scope, w.alice.id)).toEqual([]);
  });
});

describe('an address the provider says is unreachable', () => {
  const deliver = (how: 'opted_out' | 'unreachable') =>
    deliverDue({ store: core.store, t: core.t, senderFor: () => gone(how), maxAttempts: 5, onGone: (r, g) => channelGone(core, r, g) }, core.clock.now());
  const flags = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.template === 'staff.client_unreachable');

  it('is flagged to the caseworker at once, and the scan of failing numbers does not flag it again', async () => {
    core = await makeCore();
    w = await world(core, { settings: { unreachableAfterFailures: 1 } });
    const row = outboxRow(core, w.alice, { channel: 'sms', toAddress: w.aliceSms.address });
    await insert(core, core.store.outbox.insert(row));
    await deliver('unreachable');
    const [flag] = await flags();
    expect(flag).toMatchObject({ toAddress: `staff:${w.staff.id}`, clientId: w.alice.id, idempotencyKey: `followup:unreachable:${w.aliceSms.id}:${row.id}` });
    expect(JSON.parse(flag!.payload)).toMatchObject({ channel: 'sms', count: 1 });
    // The number keeps its consent: being unreachable is not the client's choice.
    expect((await core.store.channels.listForClient(w.scope, w.alice.id)).find((c) => c.id === w.aliceSms.id)?.consentWithdrawnAt).toBeNull();
    const at = Math.ceil((core.clock.now() + 1) / (15 * 60_000)) * 15 * 60_000;
    expect(await unreachableNumbersJob.run(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: at })).toBe(0);
    expect(await flags()).toHaveLength(1);
  });

  it('withdraws a Telegram chat that is gone and tells the caseworker', async () => {
    const chat = channelRow(core, w.alice, { kind: 'telegram', address: '8080' });
    const row = outboxRow(core, w.alice, { channel: 'telegram', toAddress: '8080' });
    await insert(core, core.store.channels.insert(chat), core.store.outbox.insert(row));
    await deliver('unreachable');
    expect((await core.store.channels.listForClient(w.scope, w.alice.id)).find((c) => c.id === chat.id)?.consentWithdrawnAt).toBe(core.clock.now());
    expect(JSON.parse((await flags())[0]!.payload)).toMatchObject({ channel: 'telegram' });
  });

  it('is not flagged when the client chose to stop (blocked the bot, texted STOP)', async () => {
    const chat = channelRow(core, w.alice, { kind: 'telegram', address: '8080' });
    await insert(core, core.store.channels.insert(chat), core.store.outbox.insert(outboxRow(core, w.alice, { channel: 'telegram', toAddress: '8080' })));
    await deliver('opted_out');
    expect(await flags()).toEqual([]);
  });
});
