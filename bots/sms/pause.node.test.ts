// The pause word by text, through the real HTTP app and a fake Twilio: whatever question is open,
// the word pauses every message but crisis help, the number gets one short confirmation, the
// caseworker is told, and the word itself is not kept as a message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, channelRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { startSms, type SmsHarness } from '../../test/support/sms.ts';
import { US_CRISIS_RESOURCES } from '../../src/domain/settings.ts';
import { crisisReplyText } from '../../src/usecases/crisis/resources.ts';
import { sendStaffReply } from '../../src/usecases/messaging/send-staff-reply.ts';

const ALICE = '+15555550101';
let core: TestCore;
let w: World;
let sms: SmsHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  await insert(core, core.store.clients.update(w.scope, w.alice.id, { pauseWord: 'Bluebird' }));
  sms = await startSms(core, w);
});
afterEach(() => sms.api.close());

const client = () => core.store.clients.get(w.scope, w.alice.id);
const outbox = () => core.store.outbox.list(w.scope);

describe('the pause word by SMS', () => {
  it('pauses, confirms once, tells the caseworker, and keeps no message of it', async () => {
    await sms.text(ALICE, '  bluebird. ');
    expect((await client())?.pausedAt).toBe(core.clock.now());
    expect((await client())?.pausedBy).toBe('client:sms');
    expect(sms.received(ALICE)).toEqual([core.t('en', 'safety.paused')]);
    expect((await outbox()).filter((o) => o.template.startsWith('staff.client_paused'))).toHaveLength(1);
    expect(await core.store.messages.listForClient(w.scope, w.alice.id)).toEqual([]);
    // the same text again (a provider retry, or the client unsure): nothing twice
    await sms.text(ALICE, 'BLUEBIRD');
    expect(sms.received(ALICE)).toHaveLength(1);
  });

  it('is the pause word even while a cancel reason is awaited', async () => {
    const a = appointmentRow(core, w.alice);
    await insert(core, core.store.appointments.insert(a));
    await sms.text(ALICE, '1');
    await sms.text(ALICE, '3');
    expect(sms.lastTo(ALICE)).toBe(core.t('en', 'sms.appointments.cancel_reason'));
    await sms.text(ALICE, 'Bluebird');
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('scheduled');
    expect((await client())?.pausedAt).not.toBeNull();
  });

  it('then holds back the caseworker’s reply, but not crisis help', async () => {
    await sms.text(ALICE, 'Bluebird');
    const before = sms.received(ALICE).length;
    await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'See you Friday', idempotencyKey: 'r1' });
    await sms.work();
    expect(sms.received(ALICE)).toHaveLength(before);
    expect((await outbox()).find((o) => o.template === 'notify.staff_reply')).toMatchObject({ status: 'cancelled', lastError: 'paused' });
    await sms.text(ALICE, 'I want to kill myself');
    expect(sms.lastTo(ALICE)).toBe(crisisReplyText(core.t, 'en', US_CRISIS_RESOURCES));
  });

  it('confirms to the very number the word came from, not another of the client’s phones', async () => {
    const OWN = '+15555550188';
    await insert(core, core.store.channels.insert(channelRow(core, w.alice, { address: OWN })));
    await sms.text(OWN, 'bluebird');
    expect(sms.received(OWN)).toEqual([core.t('en', 'safety.paused')]);
    expect(sms.received(ALICE)).toEqual([]);
  });
});
