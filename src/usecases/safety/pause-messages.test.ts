import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { channelRow, clientRow, insert, staffRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Client, OutboxItem } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import { formatWhen } from '../shared/format.ts';
import { pauseByWordWrites, pauseMessages } from './pause-messages.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  await insert(core, core.store.clients.update(w.scope, w.alice.id, { pauseWord: 'Mango' }));
});

const alice = async () => (await core.store.clients.get(w.scope, w.alice.id)) as Client;
const outbox = () => core.store.outbox.list(w.scope);
const toClient = async () => (await outbox()).filter((o) => o.channel !== 'slack');
const toStaff = async () => (await outbox()).filter((o) => o.channel === 'slack');
const actions = async (c: Client) => (await core.store.audit.listForClient(w.scope, c.id)).map((a) => a.action);
const asDoor = (door: Actor['door']): Actor => ({ ...w.asAlice, door });
const staffWhen = () => formatWhen(core.clock.now(), 'en', 'America/New_York');

/** Alice's message `body` by `channel`, paused (or not) as record-inbound-message will do it. */
const byWord = async (body: string, channel: 'sms' | 'telegram' | 'portal' = 'sms') => {
  const writes = await pauseByWordWrites(core, await alice(), { channel, body });
  if (writes?.length) await insert(core, ...(writes as Write[]));
  return writes;
};

describe('the pause word', () => {
  it('pauses on the whole word only, confirms on the SMS it came by, and tells the caseworker', async () => {
    expect(await byWord('I love mango')).toBeNull();
    expect((await alice()).pausedAt).toBeNull();
    expect(await byWord(' MANGO! ')).toHaveLength(4);
    expect(await alice()).toMatchObject({ pausedAt: core.clock.now(), pausedBy: 'client:sms' });
    const [ack, ...noMore] = await toClient();
    expect(noMore).toEqual([]);
    expect(ack).toMatchObject({ channel: 'sms', toAddress: '+15555550101', template: 'safety.paused', text: core.t('en', 'safety.paused'), nextAttemptAt: core.clock.now() });
    const [card] = await toStaff();
    expect(card).toMatchObject({ template: 'staff.client_paused', toAddress: `staff:${w.staff.id}` });
    expect(card?.text).toBe(core.t('en', 'staff.client_paused', { client: 'Alice Moreno', when: staffWhen() }));
    expect(JSON.parse(card!.payload)).toMatchObject({ clientId: w.alice.id, pausedAt: core.clock.now(), pausedBy: 'client:sms' });
    const [audit] = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit).toMatchObject({ action: 'safety.pause', actorType: 'client', actorId: w.alice.id, channel: 'sms' });
  });

  it('queues nothing twice when the word comes again while paused', async () => {
    await byWord('mango');
    core.clock.advance(60_000);
    expect(await byWord('Mango.')).toEqual([]);
    expect(await outbox()).toHaveLength(2);
    expect((await alice()).pausedAt).toBe(core.clock.now() - 60_000);
  });

  it('answers a Telegram pause in Telegram, in the client’s language, neutrally when asked', async () => {
    const tg = channelRow(core, w.alice, { kind: 'telegram', address: '424242' });
    await insert(core, core.store.channels.insert(tg), core.store.clients.update(w.scope, w.alice.id, { neutralWording: true, language: 'es' }));
    await byWord('mango', 'telegram');
    const [ack] = await toClient();
    expect(ack).toMatchObject({ channel: 'telegram', toAddress: '424242', template: 'safety.paused_neutral', text: core.t('es', 'safety.paused_neutral') });
  });

  it('pauses but answers nothing on a channel the client marked unsafe, or from the portal', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { safeChannels: '["telegram"]' }));
    expect(await byWord('mango', 'sms')).toHaveLength(3);
    expect(await toClient()).toEqual([]);
    expect((await alice()).pausedBy).toBe('client:sms');
  });
});

describe('pauseMessages', () => {
  it('pauses from the portal: recorded, audited, shown to the caseworker, no text to the client', async () => {
    const r = await pauseMessages(core, w.asAlice, { clientId: w.alice.id });
    expect(r).toEqual({ ok: true, value: { pausedAt: core.clock.now(), pausedBy: 'client:portal', alreadyPaused: false, confirmed: false } });
    expect(await toClient()).toEqual([]);
    expect((await toStaff()).map((o) => o.template)).toEqual(['staff.client_paused']);
    expect(await actions(w.alice)).toContain('safety.pause');
  });

  it('confirms a pause that comes by a chat door on that chat', async () => {
    const r = await pauseMessages(core, asDoor('sms'), { clientId: w.alice.id });
    expect(r.ok && r.value.confirmed).toBe(true);
    expect((await toClient()).map((o) => [o.template, o.toAddress])).toEqual([['safety.paused', '+15555550101']]);
  });

  it('lets a caseworker pause a client, named on the card, with no text to the client', async () => {
    const r = await pauseMessages(core, w.asStaff, { clientId: w.bob.id });
    expect(r.ok && r.value.pausedBy).toBe(`staff:${w.staff.id}`);
    expect((await core.store.clients.get(w.scope, w.bob.id))?.pausedBy).toBe(`staff:${w.staff.id}`);
    const [card, ...more] = await outbox();
    expect(more).toEqual([]);
    expect(card).toMatchObject({ channel: 'slack', template: 'staff.client_paused_by_staff', clientId: w.bob.id });
    expect(card?.text).toBe(core.t('en', 'staff.client_paused_by_staff', { by: 'Dana Whitfield', client: 'Bob Tran', when: staffWhen() }));
    expect((await core.store.audit.listForClient(w.scope, w.bob.id)).map((a) => [a.action, a.actorType])).toEqual([['safety.pause', 'staff']]);
  });

  it('changes and queues nothing for a client paused already', async () => {
    await pauseMessages(core, w.asAlice, { clientId: w.alice.id });
    const at = core.clock.now();
    core.clock.advance(60_000);
    const again = await pauseMessages(core, asDoor('sms'), { clientId: w.alice.id });
    expect(again).toEqual({ ok: true, value: { pausedAt: at, pausedBy: 'client:portal', alreadyPaused: true, confirmed: false } });
    expect(await outbox()).toHaveLength(1);
  });

  it('tells the unassigned queue when the client has no caseworker', async () => {
    const lone = clientRow(core, w.agency.id, { displayName: 'Cai Lin' });
    await insert(core, core.store.clients.insert(lone));
    await pauseMessages(core, { type: 'client', agencyId: w.agency.id, clientId: lone.id, door: 'portal' }, { clientId: lone.id });
    expect((await outbox()).map((o) => o.toAddress)).toEqual(['staff:unassigned']);
  });

  it('refuses a bad input, another client, anyone but the client and active staff', async () => {
    const gone = staffRow(core, w.agency.id, { active: false });
    await insert(core, core.store.staff.insert(gone));
    expect(await pauseMessages(core, w.asAlice, { clientId: '' })).toEqual({ ok: false, code: 'invalid' });
    expect(await pauseMessages(core, w.asAlice, { clientId: w.bob.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await pauseMessages(core, w.asStaff, { clientId: 'cli_nope' })).toEqual({ ok: false, code: 'not_found' });
    const others: Actor[] = [
      { type: 'admin', agencyId: w.agency.id, door: 'cli' },
      { type: 'system', agencyId: w.agency.id, door: 'system' },
      { ...w.asAlice, door: 'slack' },
      { type: 'staff', agencyId: w.agency.id, staffId: gone.id, door: 'slack' },
    ];
    for (const actor of others) expect(await pauseMessages(core, actor, { clientId: w.alice.id })).toEqual({ ok: false, code: 'forbidden' });
    expect((await core.store.clients.get(w.scope, w.bob.id))?.pausedAt).toBeNull();
    expect((await alice()).pausedAt).toBeNull();
    expect(await outbox()).toEqual([] as OutboxItem[]);
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => [a.action, a.subjectId])).toEqual([['access.denied', w.bob.id]]);
  });
});

describe('two pauses at once', () => {
  it('pause once: one card, one confirmation, both callers told it is paused', async () => {
    const [a, b] = await Promise.all([
      pauseMessages(core, { ...w.asAlice, door: 'sms' }, { clientId: w.alice.id }),
      pauseMessages(core, w.asStaff, { clientId: w.alice.id }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const cards = (await core.store.outbox.list(w.scope)).filter((o) => o.template.startsWith('staff.client_paused'));
    expect(cards).toHaveLength(1);
  });
});
