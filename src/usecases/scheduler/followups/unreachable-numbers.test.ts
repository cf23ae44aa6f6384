import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../test/support/core.ts';
import { channelRow, insert, outboxRow, world, type World } from '../../../../test/support/fixtures.ts';
import { parseAgencySettings } from '../../../domain/settings.ts';
import { MINUTE } from '../../../domain/time.ts';
import type { Client, OutboxItem } from '../../../domain/types.ts';
import { unreachableNumbersJob } from './unreachable-numbers.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T14:00:00Z');
  w = await world(core);
});

const tick = (at: string) => unreachableNumbersJob.run(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: Date.parse(at) });

type Fate = 'arrived' | 'dead' | 'undelivered';

/** One message to a client's address and what became of it, due `minutes` after 14:00Z. */
const delivery = async (fate: Fate, minutes: number, o: { client?: Client; to?: string; channel?: OutboxItem['channel']; error?: string } = {}) => {
  const at = Date.parse('2026-03-02T14:00:00Z') + minutes * MINUTE;
  const row = outboxRow(core, o.client ?? w.alice, {
    channel: o.channel ?? 'sms',
    toAddress: o.to ?? w.aliceSms.address,
    status: fate === 'dead' ? 'dead' : 'sent',
    lastError: fate === 'dead' ? (o.error ?? 'twilio_21211') : null,
    nextAttemptAt: at,
    sentAt: fate === 'dead' ? null : at,
  });
  await insert(core, core.store.outbox.insert(row));
  if (fate !== 'dead') {
    const externalId = `SM${row.id}`;
    await core.store.deliveries.record({ idempotencyKey: row.idempotencyKey, channel: row.channel, externalId, sentAt: at });
    const status = fate === 'arrived' ? 'delivered' : 'undelivered';
    await core.store.deliveries.setProviderStatus(row.channel, externalId, { status, error: fate === 'arrived' ? null : (o.error ?? '30003'), at, replaces: [] });
  }
  return row;
};

const flags = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.template === 'staff.client_unreachable');

describe('a number that keeps failing', () => {
  it('is flagged to the caseworker once its last three messages failed, with the channel and the last error', async () => {
    await delivery('arrived', 0);
    const first = await delivery('dead', 10);
    await delivery('undelivered', 20);
    expect(await tick('2026-03-02T14:30:00Z')).toBe(0);
    await delivery('undelivered', 40, { error: '30005' });
    // The scan runs at the quarter hours only.
    expect(await tick('2026-03-02T14:44:00Z')).toBe(0);
    expect(await tick('2026-03-02T14:45:00Z')).toBe(1);
    const [flag] = await flags();
    expect(flag).toMatchObject({ toAddress: `staff:${w.staff.id}`, clientId: w.alice.id, idempotencyKey: `followup:unreachable:${w.aliceSms.id}:${first.id}` });
    expect(flag!.text).toBe(core.t('en', 'staff.client_unreachable', { client: 'Alice Moreno', channel: 'SMS', count: 3, error: '30005' }));
    expect(JSON.parse(flag!.payload)).toEqual({ channel: 'sms', count: 3, error: '30005' });
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((e) => [e.action, e.subjectId])).toContainEqual(['followup.unreachable', w.aliceSms.id]);
    // Still failing, still the same streak: told once.
    await delivery('dead', 50);
    expect(await tick('2026-03-02T15:00:00Z')).toBe(0);
    expect(await flags()).toHaveLength(1);
  });

  it('is not flagged while a message in between arrived; a new streak after one is flagged again', async () => {
    await delivery('dead', 0);
    await delivery('dead', 5);
    await delivery('arrived', 10);
    await delivery('dead', 15);
    await delivery('dead', 20);
    expect(await tick('2026-03-02T14:30:00Z')).toBe(0);
    const third = await delivery('dead', 25);
    expect(await tick('2026-03-02T14:45:00Z')).toBe(1);
    await delivery('arrived', 50);
    await delivery('dead', 55);
    await delivery('dead', 56);
    await delivery('dead', 57);
    expect(await tick('2026-03-02T15:00:00Z')).toBe(1);
    expect((await flags()).map((f) => f.idempotencyKey)).not.toContain(`followup:unreachable:${w.aliceSms.id}:${third.id}`);
    expect(await flags()).toHaveLength(2);
  });

  it('ignores what says nothing about the address: messages never sent for lack of a sender', async () => {
    await delivery('dead', 0);
    await delivery('dead', 5, { error: 'channel_off' });
    await delivery('dead', 10);
    expect(await tick('2026-03-02T14:15:00Z')).toBe(0);
  });

  it('flags once when two runs start at the same moment', async () => {
    for (const m of [0, 5, 10]) await delivery('dead', m);
    const counts = await Promise.all([tick('2026-03-02T14:15:00Z'), tick('2026-03-02T14:15:00Z')]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await flags()).toHaveLength(1);
  });

  it('keeps each address apart, and leaves out a channel the client withdrew', async () => {
    const chat = channelRow(core, w.alice, { kind: 'telegram', address: '70001' });
    await insert(core, core.store.channels.insert(chat));
    for (const m of [0, 5]) await delivery('dead', m);
    for (const m of [1, 6, 11]) await delivery('dead', m, { channel: 'telegram', to: '70001', error: 'telegram_chat_not_started' });
    expect(await tick('2026-03-02T14:15:00Z')).toBe(1);
    expect(JSON.parse((await flags())[0]!.payload)).toMatchObject({ channel: 'telegram', error: 'telegram_chat_not_started' });

    await delivery('dead', 12);
    await insert(core, core.store.channels.setConsent(w.scope, w.alice.id, w.aliceSms.id, { consentWithdrawnAt: core.clock.now() }));
    expect(await tick('2026-03-02T14:30:00Z')).toBe(0);
  });

  it('follows the agency’s setting', async () => {
    core = await makeCore('2026-03-02T14:00:00Z');
    w = await world(core, { settings: { unreachableAfterFailures: 1 } });
    await delivery('undelivered', 0);
    expect(await tick('2026-03-02T14:15:00Z')).toBe(1);
  });
});
