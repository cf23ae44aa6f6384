// A crisis by text, through the real HTTP app and a fake Twilio: the phone gets the crisis help in
// the client's language at once (no "sent to your caseworker"), whatever the hour or the pause,
// never on a number the client marked unsafe; the alert is raised; an open cancel question does
// not swallow the text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, channelRow, clientRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { startSms, type SmsHarness } from '../../test/support/sms.ts';
import { US_CRISIS_RESOURCES } from '../../src/domain/settings.ts';
import type { Client } from '../../src/domain/types.ts';
import { crisisReplyText } from '../../src/usecases/crisis/resources.ts';

const ALICE = '+15555550101';
let core: TestCore;
let w: World;
let sms: SmsHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  sms = await startSms(core, w);
});
afterEach(() => sms.api.close());

const help = (locale = 'en') => crisisReplyText(core.t, locale, US_CRISIS_RESOURCES);
const alerts = (client: Client = w.alice) => core.store.crisis.listForClient(w.scope, client.id);
const staffAlert = async () => (await core.store.outbox.list(w.scope)).find((o) => o.template === 'staff.crisis_alert');
const update = async (patch: Partial<Client>) => insert(core, core.store.clients.update(w.scope, w.alice.id, patch));

describe('a crisis by SMS', () => {
  it('answers with the crisis help instead of "sent", and raises the alert', async () => {
    await sms.text(ALICE, 'I want to kill myself');
    expect(sms.received(ALICE)).toEqual([help()]);
    expect(await alerts()).toHaveLength(1);
  });

  it('answers in the client’s language', async () => {
    const ana = clientRow(core, w.agency.id, { displayName: 'Ana Ruiz', language: 'es', staffId: w.staff.id });
    await insert(core, core.store.clients.insert(ana), core.store.channels.insert(channelRow(core, ana, { address: '+15555550150' })));
    await sms.text('+15555550150', 'he said he will kill me');
    expect(sms.received('+15555550150')).toEqual([help('es')]);
    expect(await alerts(ana)).toMatchObject([{ category: 'violence' }]);
  });

  it('leaves an ordinary message as it was: acknowledged, no alert', async () => {
    await sms.text(ALICE, 'My son is sick, can we move Friday?');
    expect(sms.received(ALICE)).toEqual([core.t('en', 'sms.sent')]);
    expect(await alerts()).toEqual([]);
  });

  it('reaches a paused client in the middle of the night', async () => {
    core.clock.set('2026-02-26T08:00:00Z'); // 03:00 in New York
    await update({ pausedAt: core.clock.now(), pausedBy: 'client:sms' });
    await sms.text(ALICE, 'I want to kill myself');
    expect(sms.received(ALICE)).toEqual([help()]);
  });

  it('sends nothing to a number the client marked unsafe; the caseworker is told not to reply by SMS', async () => {
    await update({ safeChannels: JSON.stringify(['telegram', 'portal']) });
    await sms.text(ALICE, 'I want to kill myself');
    expect(sms.received(ALICE)).toEqual([]);
    expect(JSON.parse((await staffAlert())!.payload)).toMatchObject({ reply: 'unsafe_channel' });
  });

  it('is not taken as the reason of a cancel: the appointment stays, and the text reaches the caseworker', async () => {
    const a = appointmentRow(core, w.alice);
    await insert(core, core.store.appointments.insert(a));
    await sms.text(ALICE, '1');
    await sms.text(ALICE, '3');
    expect(sms.lastTo(ALICE)).toBe(core.t('en', 'sms.appointments.cancel_reason'));
    await sms.text(ALICE, 'I want to kill myself');
    expect(sms.lastTo(ALICE)).toBe(help());
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('scheduled');
    expect(await alerts()).toHaveLength(1);
    // The question is closed: the next words are a message, not a reason.
    await sms.text(ALICE, 'sorry');
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('scheduled');
  });
});
