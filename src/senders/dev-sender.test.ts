import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { world, type World } from '../../test/support/fixtures.ts';
import type { OutboundMessage } from '../ports/channel-sender.ts';
import { devSender } from './dev-sender.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  outboxId: 'out_1',
  template: 'notify.staff_reply',
  idempotencyKey: 'staff_reply:1',
  agencyId: w.agency.id,
  clientId: w.alice.id,
  channel: 'sms',
  to: '+15555550101',
  text: 'Dana: See you Monday.',
  payload: { kind: 'message' },
  ...over,
});

describe('the dev sender', () => {
  it('records the message for the demo and answers with a dev id', async () => {
    expect(await devSender(core).send(message())).toEqual({ ok: true, externalId: 'dev-out_1' });
    const [shown] = await core.store.devOutbox.list();
    expect(shown).toMatchObject({ outboxId: 'out_1', to: '+15555550101', text: 'Dana: See you Monday.', payload: '{"kind":"message"}' });
  });

  it('records a key once, and a resend is still a success', async () => {
    const sender = devSender(core);
    await sender.send(message());
    expect(await sender.send(message())).toEqual({ ok: true, externalId: 'dev-out_1' });
    expect(await core.store.devOutbox.list()).toHaveLength(1);
  });
});
