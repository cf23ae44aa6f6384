import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { insert, outboxRow, world, type World } from '../../../test/support/fixtures.ts';
import type { ChannelSender } from '../../ports/channel-sender.ts';
import { deliverDue } from '../outbox/deliver-outbox.ts';
import { channelGone } from '../outbox/channel-gone.ts';
import { STOP_CONFIRMATION } from '../outbox/may-send.ts';
import { mayText, optInNumber, optOutNumber } from './opt-out.ts';

let core: TestCore;
let w: World;
beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
});

const system = () => ({ type: 'system' as const, agencyId: w.agency.id, door: 'sms' as const });
const smsChannel = async () => (await core.store.channels.listForClient(w.scope, w.alice.id)).find((c) => c.kind === 'sms')!;
const delivered: string[] = [];
const recording: ChannelSender = {
  name: 'recording',
  send: async (m) => {
    delivered.push(m.text);
    return { ok: true, externalId: null };
  },
};

describe('STOP and START by number', () => {
  it('records the opt-out with its time, withdraws the client’s SMS channel, and audits it; again changes nothing', async () => {
    const r = await optOutNumber(core, system(), { phone: '(555) 555-0101', source: 'keyword' });
    expect(r).toEqual({ ok: true, value: { client: expect.objectContaining({ id: w.alice.id }), changed: true } });
    expect(await core.store.smsOptOuts.get(w.scope, '+15555550101')).toMatchObject({ optedOutAt: core.clock.now(), source: 'keyword', optedInAt: null });
    expect((await smsChannel()).consentWithdrawnAt).toBe(core.clock.now());
    expect(await mayText(core, w.scope, '+15555550101')).toBe(false);
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((a) => a.action)).toContain('sms.opted_out');
    core.clock.advance(1000);
    const again = await optOutNumber(core, system(), { phone: '+15555550101', source: 'keyword' });
    expect(again.ok && again.value.changed).toBe(false);
  });

  it('START ends it: the row keeps both times, consent is given again', async () => {
    await optOutNumber(core, system(), { phone: '+15555550101', source: 'keyword' });
    core.clock.advance(60_000);
    const r = await optInNumber(core, system(), { phone: '+15555550101' });
    expect(r.ok && r.value.changed).toBe(true);
    expect(await core.store.smsOptOuts.get(w.scope, '+15555550101')).toMatchObject({ optedInAt: core.clock.now() });
    expect((await smsChannel()).consentGivenAt).toBe(core.clock.now());
    expect(await mayText(core, w.scope, '+15555550101')).toBe(true);
  });

  it('keeps the opt-out of a number that is no one’s, without telling anything about it', async () => {
    const r = await optOutNumber(core, system(), { phone: '+15555550199', source: 'keyword' });
    expect(r).toEqual({ ok: true, value: { client: null, changed: true } });
    expect(await mayText(core, w.scope, '+15555550199')).toBe(false);
  });

  it('refuses what is not a phone number', async () => {
    expect(await optOutNumber(core, system(), { phone: 'hello', source: 'keyword' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await optInNumber(core, system(), { phone: '' })).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('at send time', () => {
  it('gives up what was queued for a number that opted out since, except the STOP confirmation', async () => {
    delivered.length = 0;
    const notice = outboxRow(core, w.alice, { channel: 'sms', toAddress: '+15555550101', text: 'Your appointment…' });
    const confirmation = outboxRow(core, w.alice, { channel: 'sms', toAddress: '+15555550101', template: STOP_CONFIRMATION, text: 'No more texts.' });
    await insert(core, core.store.outbox.insert(notice), core.store.outbox.insert(confirmation));
    await optOutNumber(core, system(), { phone: '+15555550101', source: 'keyword' });
    await deliverDue({ store: core.store, t: core.t, senderFor: () => recording, maxAttempts: 3 }, core.clock.now());
    expect(delivered).toEqual(['No more texts.']);
    expect(await core.store.outbox.get(notice.id)).toMatchObject({ status: 'cancelled', lastError: 'sms_opted_out' });
  });

  it('opts the number out when the provider says it texted STOP (Twilio 21610)', async () => {
    const row = outboxRow(core, w.alice, { channel: 'sms', toAddress: '+15555550101' });
    await insert(core, core.store.outbox.insert(row));
    const carrierStop: ChannelSender = { name: 'twilio', send: async () => ({ ok: false, retryable: false, error: 'sms_opted_out', gone: 'opted_out' }) };
    await deliverDue({ store: core.store, t: core.t, senderFor: () => carrierStop, maxAttempts: 3, onGone: (r, g) => channelGone(core, r, g) }, core.clock.now());
    expect(await core.store.smsOptOuts.get(w.scope, '+15555550101')).toMatchObject({ source: 'provider' });
    expect(await mayText(core, w.scope, '+15555550101')).toBe(false);
  });
});
