import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { world, type World } from '../../../test/support/fixtures.ts';
import { handleInbox, type InboxHandler } from './handle-inbox.ts';

let core: TestCore;
let w: World;
beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
});

const accept = (externalId: string, payload = `{"n":"${externalId}"}`, source = 'test_source') =>
  core.store.commit([
    core.store.inbox.insert({ id: core.ids.newId('inb'), agencyId: w.agency.id, source, externalId, payload, receivedAt: core.clock.now() }),
  ]);

const run = (handler: InboxHandler, extra: { maxAttempts?: number } = {}) =>
  handleInbox({ store: core.store, handlers: { test_source: handler }, maxAttempts: extra.maxAttempts ?? 3, random: () => 0 }, core.clock.now());

describe('the inbox', () => {
  it('stores an item once per (source, external id): a repeat is a duplicate', async () => {
    expect(await accept('1')).toBe('ok');
    expect(await accept('1')).toBe('duplicate');
    expect(await accept('1', '{}', 'other_source')).toBe('ok');
  });

  it('hands items to their handler oldest first, then clears the payload', async () => {
    await accept('a');
    await accept('b');
    core.clock.advance(1);
    await accept('c');
    const seen: string[] = [];
    expect(await run(async (p) => void seen.push(p))).toEqual({ done: 3, retried: 0, dead: 0 });
    expect(seen).toEqual(['{"n":"a"}', '{"n":"b"}', '{"n":"c"}']);
    const item = await core.store.inbox.get('test_source', 'a');
    expect(item).toMatchObject({ status: 'done', payload: '', attempts: 1, handledAt: core.clock.now() });
    expect(await run(async () => void seen.push('again'))).toEqual({ done: 0, retried: 0, dead: 0 });
  });

  it('tries a failing item again after a backoff, and gives it up (payload kept) after the last attempt', async () => {
    await accept('x');
    const fail: InboxHandler = async () => {
      throw new Error('boom');
    };
    expect(await run(fail)).toEqual({ done: 0, retried: 1, dead: 0 });
    expect(await run(fail)).toEqual({ done: 0, retried: 0, dead: 0 }); // not due yet
    for (let i = 0; i < 2; i++) {
      core.clock.advance(60 * 60_000);
      await run(fail);
    }
    const item = await core.store.inbox.get('test_source', 'x');
    expect(item).toMatchObject({ status: 'dead', attempts: 3, payload: '{"n":"x"}', lastError: 'Error' }); // the name only: a message can carry a client's words
  });

  it('does not hand out an item another worker holds, until its lease runs out', async () => {
    await accept('held');
    expect(await core.store.inbox.claimDue(core.clock.now(), 10, 60_000)).toHaveLength(1);
    expect(await run(async () => {})).toEqual({ done: 0, retried: 0, dead: 0 });
    core.clock.advance(60_001);
    expect(await run(async () => {})).toEqual({ done: 1, retried: 0, dead: 0 });
  });

  it('keeps an item without a handler for later rather than dropping it', async () => {
    await accept('later', '{}', 'switched_off');
    expect(await run(async () => {})).toEqual({ done: 0, retried: 1, dead: 0 });
    expect(await core.store.inbox.get('switched_off', 'later')).toMatchObject({ status: 'pending', lastError: 'no_handler' });
  });
});

describe('conversation states', () => {
  const state = (kind: string, expiresAt: number) => ({
    agencyId: w.agency.id,
    channel: 'sms' as const,
    address: '+15555550101',
    clientId: w.alice.id,
    kind,
    data: '{}',
    expiresAt,
    updatedAt: core.clock.now(),
  });

  it('keeps one open question per address, replaced by the next, gone when cleared or expired', async () => {
    const now = core.clock.now();
    await core.store.commit([core.store.states.put(state('pick_slot', now + 1000))]);
    await core.store.commit([core.store.states.put(state('pick_request', now + 1000))]);
    expect((await core.store.states.get(w.scope, 'sms', '+15555550101', now))?.kind).toBe('pick_request');
    expect(await core.store.states.get(w.scope, 'telegram', '+15555550101', now)).toBeNull();
    expect(await core.store.states.get({ agencyId: 'other' }, 'sms', '+15555550101', now)).toBeNull();
    expect(await core.store.states.get(w.scope, 'sms', '+15555550101', now + 1000)).toBeNull();
    await core.store.commit([core.store.states.clear(w.scope, 'sms', '+15555550101')]);
    expect(await core.store.states.get(w.scope, 'sms', '+15555550101', now)).toBeNull();
  });
});
