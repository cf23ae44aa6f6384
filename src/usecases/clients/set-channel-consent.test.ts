import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { channelRow, insert, world, type World } from '../../../test/support/fixtures.ts';
import { pickDeliveryChannel } from '../../domain/channels.ts';
import { setChannelConsent } from './set-channel-consent.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const channelsOf = (clientId: string) => core.store.channels.listForClient(w.scope, clientId);
const auditOf = async (clientId: string) =>
  (await core.store.audit.listForClient(w.scope, clientId)).map((a) => [a.action, a.subjectId]).reverse();

describe('channel consent', () => {
  it('opts out of a channel, then back in, each audited; delivery follows', async () => {
    const id = w.aliceSms.id;
    core.clock.advance(60_000);
    const out = await setChannelConsent(core, w.asAlice, { clientId: w.alice.id, channelId: id, consent: 'out' });
    expect(out).toMatchObject({ ok: true, value: { id, kind: 'sms', consent: false } });
    const [off] = await channelsOf(w.alice.id);
    expect(off).toMatchObject({ consentWithdrawnAt: core.clock.now() });
    expect(pickDeliveryChannel(w.alice, [off!])).toBeNull();

    core.clock.advance(60_000);
    const back = await setChannelConsent(core, w.asAlice, { clientId: w.alice.id, channelId: id, consent: 'in' });
    expect(back).toMatchObject({ ok: true, value: { consent: true } });
    const [on] = await channelsOf(w.alice.id);
    expect(on).toMatchObject({ consentGivenAt: core.clock.now(), consentWithdrawnAt: null });
    expect(pickDeliveryChannel(w.alice, [on!])?.channelId).toBe(id);
    expect(await auditOf(w.alice.id)).toEqual([
      ['channel.opt_out', id],
      ['channel.opt_in', id],
    ]);
  });

  it('changes nothing when asked for what is already so', async () => {
    const before = await channelsOf(w.alice.id);
    core.clock.advance(60_000);
    expect(await setChannelConsent(core, w.asAlice, { clientId: w.alice.id, channelId: w.aliceSms.id, consent: 'in' })).toMatchObject({ ok: true });
    expect(await channelsOf(w.alice.id)).toEqual(before);
  });

  it('refuses the portal channel and an unverified one', async () => {
    const portal = channelRow(core, w.alice, { kind: 'portal' });
    const unverified = channelRow(core, w.alice, { kind: 'telegram', address: '777', verified: false, consentGivenAt: null });
    await insert(core, core.store.channels.insert(portal), core.store.channels.insert(unverified));
    for (const ch of [portal, unverified]) {
      expect(await setChannelConsent(core, w.asAlice, { clientId: w.alice.id, channelId: ch.id, consent: 'out' })).toEqual({ ok: false, code: 'forbidden' });
    }
    expect(await setChannelConsent(core, w.asAlice, { clientId: w.alice.id, channelId: unverified.id, consent: 'in' })).toEqual({ ok: false, code: 'forbidden' });
    expect((await channelsOf(w.alice.id)).every((c) => c.consentWithdrawnAt === null)).toBe(true);
    expect((await auditOf(w.alice.id)).map(([a]) => a)).toEqual(['channel.opt_out.refused', 'channel.opt_out.refused', 'channel.opt_in.refused']);
  });

  it('finds no channel of another client, records the attempt on the actor’s own trail, and leaves the victim untouched', async () => {
    const [bobSms] = await channelsOf(w.bob.id);
    const before = await channelsOf(w.bob.id);
    const asBobOwn = await setChannelConsent(core, w.asAlice, { clientId: w.alice.id, channelId: bobSms!.id, consent: 'out' });
    const asBobsClient = await setChannelConsent(core, w.asAlice, { clientId: w.bob.id, channelId: bobSms!.id, consent: 'out' });
    expect(asBobOwn).toEqual({ ok: false, code: 'not_found' });
    expect(asBobsClient).toEqual({ ok: false, code: 'not_found' });
    expect(await channelsOf(w.bob.id)).toEqual(before);
    expect(await auditOf(w.bob.id)).toEqual([]);
    expect(await auditOf(w.alice.id)).toEqual([
      ['access.denied', bobSms!.id],
      ['access.denied', w.bob.id],
    ]);
  });

  it('is the client’s own decision, and refuses bad input', async () => {
    expect(await setChannelConsent(core, w.asStaff, { clientId: w.alice.id, channelId: w.aliceSms.id, consent: 'out' })).toEqual({ ok: false, code: 'forbidden' });
    expect(await setChannelConsent(core, w.asAlice, { clientId: w.alice.id, channelId: w.aliceSms.id, consent: 'maybe' as 'in' })).toEqual({ ok: false, code: 'invalid' });
    expect(await setChannelConsent(core, w.asAlice, { clientId: w.alice.id, channelId: '', consent: 'out' })).toEqual({ ok: false, code: 'invalid' });
    expect((await channelsOf(w.alice.id))[0]?.consentWithdrawnAt).toBeNull();
  });
});
