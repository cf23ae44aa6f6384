import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { channelRow, insert, world, type World } from '../../../test/support/fixtures.ts';
import { getSettings } from './get-settings.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

describe('reading settings', () => {
  it('shows the client’s choices and channels, with only the end of each number, and audits', async () => {
    const portal = channelRow(core, w.alice, { kind: 'portal', address: '+15555550101' });
    const telegram = channelRow(core, w.alice, { kind: 'telegram', address: '99887766', consentWithdrawnAt: core.clock.now() });
    const pending = channelRow(core, w.alice, { kind: 'sms', address: '+15555550199', verified: false, consentGivenAt: null });
    for (const c of [portal, telegram, pending]) {
      core.clock.advance(1000);
      await insert(core, core.store.channels.insert({ ...c, createdAt: core.clock.now() }));
    }
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'es', contactWindowStart: 1320, contactWindowEnd: 420, pauseWord: 'mango' }));

    const r = await getSettings(core, w.asAlice, { clientId: w.alice.id });
    if (!r.ok) throw new Error(r.code);
    expect(r.value).toMatchObject({
      language: 'es',
      preferredChannel: 'sms',
      preferredOptions: ['sms', 'telegram', 'portal'],
      contactWindowStart: 1320,
      contactWindowEnd: 420,
      neutralWording: false,
      pauseWord: 'mango',
    });
    expect(r.value.channels.map((c) => [c.kind, c.ending, c.verified, c.consent, c.switchable])).toEqual([
      ['sms', '0101', true, true, true],
      ['sms', '0199', false, false, false],
      ['telegram', null, true, false, true],
      ['portal', '0101', true, true, false],
    ]);
    expect(JSON.stringify(r.value)).not.toContain('99887766');
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => a.action)).toEqual(['settings.read']);
  });

  it('shows another client nothing, and refuses bad input', async () => {
    expect(await getSettings(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await getSettings(core, w.asAlice, { clientId: '' })).toEqual({ ok: false, code: 'invalid' });
    expect(await core.store.audit.listForClient(w.scope, w.alice.id)).toEqual([]);
  });
});
