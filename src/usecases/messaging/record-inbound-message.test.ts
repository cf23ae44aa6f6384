import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { recordInboundMessage } from './record-inbound-message.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const sms = (over: Partial<Parameters<typeof recordInboundMessage>[2]> = {}) => ({
  clientId: w.alice.id,
  channel: 'sms' as const,
  body: 'Can we meet on Friday?',
  source: 'twilio',
  externalId: 'SM0001',
  ...over,
});

const messagesOf = (clientId: string) => core.store.messages.listForClient(w.scope, clientId, { includeInternal: true });

describe('recording a client message', () => {
  it('stores the message, opens the conversation with the caseworker, and audits', async () => {
    const r = await recordInboundMessage(core, w.asAlice, sms());
    expect(r.ok && r.value.duplicate).toBe(false);
    const [m] = await messagesOf(w.alice.id);
    expect(m).toMatchObject({ direction: 'in', status: 'received', channel: 'sms', externalId: 'SM0001', body: 'Can we meet on Friday?' });
    const conversation = await core.store.conversations.forClient(w.scope, w.alice.id);
    expect(conversation).toMatchObject({ id: m?.conversationId, staffId: w.staff.id, lastInboundAt: core.clock.now() });
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((a) => [a.action, a.subjectId, a.channel])).toEqual([['message.receive', m?.id, 'portal']]);
  });

  it('keeps one conversation per client and files later messages in it', async () => {
    await recordInboundMessage(core, w.asAlice, sms());
    core.clock.advance(60_000);
    await recordInboundMessage(core, w.asAlice, sms({ externalId: 'SM0002', body: 'Or Monday.' }));
    const ms = await messagesOf(w.alice.id);
    expect(ms.map((m) => m.body)).toEqual(['Can we meet on Friday?', 'Or Monday.']);
    expect(new Set(ms.map((m) => m.conversationId)).size).toBe(1);
    expect((await core.store.conversations.forClient(w.scope, w.alice.id))?.lastInboundAt).toBe(core.clock.now());
  });

  it('files a message at the time the provider received it, but never in the future', async () => {
    const earlier = core.clock.now() - 90_000;
    await recordInboundMessage(core, w.asAlice, sms({ receivedAt: earlier }));
    await recordInboundMessage(core, w.asAlice, sms({ externalId: 'SM0002', receivedAt: core.clock.now() + 3_600_000 }));
    expect((await messagesOf(w.alice.id)).map((m) => m.createdAt)).toEqual([earlier, core.clock.now()]);
  });

  it('lets a door post as the system for any client of the agency', async () => {
    const door: Actor = { type: 'system', agencyId: w.agency.id, door: 'telegram' };
    const r = await recordInboundMessage(core, door, sms({ clientId: w.bob.id, channel: 'telegram', source: 'telegram', externalId: '77:12' }));
    expect(r.ok && !r.value.duplicate && r.value.value?.channel).toBe('telegram');
  });
});

describe('deduplication on (source, externalId)', () => {
  it('stores a redelivered message once and reports the duplicate', async () => {
    const first = await recordInboundMessage(core, w.asAlice, sms());
    const again = await recordInboundMessage(core, w.asAlice, sms());
    expect(first.ok && first.value.duplicate).toBe(false);
    expect(again).toEqual({ ok: true, value: { duplicate: true } });
    expect(await messagesOf(w.alice.id)).toHaveLength(1);
    expect(await core.store.audit.listForClient(w.scope, w.alice.id)).toHaveLength(1);
  });

  it('tells apart the same id from two sources', async () => {
    await recordInboundMessage(core, w.asAlice, sms());
    const r = await recordInboundMessage(core, w.asAlice, sms({ source: 'portal', channel: 'portal' }));
    expect(r.ok && r.value.duplicate).toBe(false);
    expect(await messagesOf(w.alice.id)).toHaveLength(2);
  });

  it('stores one message when the same event arrives twice at once', async () => {
    const results = await Promise.all([recordInboundMessage(core, w.asAlice, sms()), recordInboundMessage(core, w.asAlice, sms())]);
    expect(results.map((r) => r.ok && r.value.duplicate).sort()).toEqual([false, true]);
    expect(await messagesOf(w.alice.id)).toHaveLength(1);
  });

  it('opens one conversation when two first messages arrive at once', async () => {
    const results = await Promise.all([
      recordInboundMessage(core, w.asAlice, sms({ externalId: 'SM1' })),
      recordInboundMessage(core, w.asAlice, sms({ externalId: 'SM2' })),
    ]);
    expect(results.map((r) => r.ok && r.value.duplicate)).toEqual([false, false]);
    const ms = await messagesOf(w.alice.id);
    expect(ms).toHaveLength(2);
    expect(new Set(ms.map((m) => m.conversationId)).size).toBe(1);
  });
});

describe('the body', () => {
  it('is trimmed, with control characters other than newline and tab removed', async () => {
    const r = await recordInboundMessage(core, w.asAlice, sms({ body: '  \u0007Line one\r\n\tLine\u0000 two\u009b  ' }));
    expect(r.ok && !r.value.duplicate && r.value.value?.body).toBe('Line one\n\tLine two');
  });

  it('refuses an empty message', async () => {
    expect(await recordInboundMessage(core, w.asAlice, sms({ body: ' \n\u0001\t ' }))).toEqual({ ok: false, code: 'empty_message' });
    expect(await messagesOf(w.alice.id)).toHaveLength(0);
  });

  it('accepts 4000 characters, counting an emoji as one, and refuses more', async () => {
    const atLimit = await recordInboundMessage(core, w.asAlice, sms({ body: '🙂'.repeat(4000) }));
    expect(atLimit.ok).toBe(true);
    expect(await recordInboundMessage(core, w.asAlice, sms({ externalId: 'SM2', body: 'a'.repeat(4001) }))).toEqual({
      ok: false,
      code: 'message_too_long',
      detail: { max: 4000 },
    });
  });
});

describe('who may post', () => {
  it('lets a client post only as themself', async () => {
    expect(await recordInboundMessage(core, w.asBob, sms())).toEqual({ ok: false, code: 'not_found' });
    expect(await messagesOf(w.alice.id)).toHaveLength(0);
  });

  it('says whether the message read like a crisis, and raises the alert with it', async () => {
    const ordinary = await recordInboundMessage(core, w.asAlice, sms());
    expect(ordinary.ok && !ordinary.value.duplicate && ordinary.value.crisis).toBeUndefined();
    const crisis = await recordInboundMessage(core, w.asAlice, sms({ externalId: 'SM0002', body: 'I want to kill myself' }));
    expect(crisis.ok && !crisis.value.duplicate && crisis.value.crisis).toBe('self_harm');
    expect(await core.store.crisis.listForClient(w.scope, w.alice.id)).toHaveLength(1);
    // A replay is a duplicate and raises nothing more.
    expect(await recordInboundMessage(core, w.asAlice, sms({ externalId: 'SM0002', body: 'I want to kill myself' }))).toEqual({ ok: true, value: { duplicate: true } });
    expect(await core.store.crisis.listForClient(w.scope, w.alice.id)).toHaveLength(1);
  });

  it('does not let staff put words in a client’s mouth', async () => {
    expect(await recordInboundMessage(core, w.asStaff, sms())).toEqual({ ok: false, code: 'forbidden' });
  });

  it('refuses a client of another agency and a malformed event', async () => {
    const other: Actor = { type: 'system', agencyId: 'agy_other', door: 'sms' };
    expect(await recordInboundMessage(core, other, sms())).toEqual({ ok: false, code: 'not_found' });
    expect(await recordInboundMessage(core, w.asAlice, sms({ externalId: '' }))).toEqual({ ok: false, code: 'invalid' });
    expect(await recordInboundMessage(core, w.asAlice, { ...sms(), channel: 'fax' as never })).toEqual({ ok: false, code: 'invalid' });
  });
});

describe('the client’s pause word as a message', () => {
  it('pauses instead of being kept, once per event, and is audited', async () => {
    await core.store.commit([core.store.clients.update(w.scope, w.alice.id, { pauseWord: 'Bluebird' })]);
    const system: Actor = { type: 'system', agencyId: w.agency.id, door: 'sms' };
    const r = await recordInboundMessage(core, system, sms({ body: 'bluebird' }));
    expect(r).toEqual({ ok: true, value: { duplicate: false, value: null, paused: true } });
    expect((await core.store.clients.get(w.scope, w.alice.id))?.pausedAt).toBe(core.clock.now());
    expect(await messagesOf(w.alice.id)).toEqual([]);
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => a.action)).toContain('safety.pause');
    expect(await recordInboundMessage(core, system, sms({ body: 'bluebird' }))).toEqual({ ok: true, value: { duplicate: true } });
    // an ordinary message from a paused client is still kept for the caseworker
    const later = await recordInboundMessage(core, system, sms({ externalId: 'SM0002' }));
    expect(later.ok && !later.value.duplicate && later.value.value?.body).toBe('Can we meet on Friday?');
  });
});

describe('a crisis in a message too long to keep whole', () => {
  it('is kept cut to the limit and raises the alert, where an ordinary one is refused', async () => {
    const system: Actor = { type: 'system', agencyId: w.agency.id, door: 'telegram' };
    const long = `${'I have been thinking a lot. '.repeat(150)} I want to kill myself.`;
    expect(await recordInboundMessage(core, system, sms({ body: 'x'.repeat(4100) }))).toMatchObject({ ok: false, code: 'message_too_long' });
    const r = await recordInboundMessage(core, system, sms({ body: long, externalId: 'SM0099' }));
    expect(r.ok && !r.value.duplicate && r.value.crisis).toBe('self_harm');
    const [m] = await messagesOf(w.alice.id);
    expect(Array.from(m!.body)).toHaveLength(4000);
    expect(m!.body.endsWith('…')).toBe(true);
    expect(await core.store.crisis.listForClient(w.scope, w.alice.id)).toHaveLength(1);
  });
});
