import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { channelRow, insert, world, type World } from '../../../test/support/fixtures.ts';
import { updateSettings } from './update-settings.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const alice = () => core.store.clients.get(w.scope, w.alice.id);

describe('updating settings', () => {
  it('changes only the fields given, and audits', async () => {
    const r = await updateSettings(core, w.asAlice, { clientId: w.alice.id, language: 'ar' });
    expect(r.ok && r.value.language).toBe('ar');
    expect(await alice()).toMatchObject({ language: 'ar', preferredChannel: 'sms', neutralWording: false });

    const r2 = await updateSettings(core, w.asAlice, {
      clientId: w.alice.id,
      preferredChannel: null,
      contactWindowStart: 22 * 60,
      contactWindowEnd: 7 * 60,
      neutralWording: true,
      pauseWord: '  Mango ',
    });
    if (!r2.ok) throw new Error(JSON.stringify(r2));
    expect(r2.value).toMatchObject({ preferredChannel: null, contactWindowStart: 1320, contactWindowEnd: 420, pauseWord: 'Mango' });
    expect(await alice()).toMatchObject({
      language: 'ar',
      preferredChannel: null,
      contactWindowStart: 1320,
      contactWindowEnd: 420,
      neutralWording: true,
      pauseWord: 'Mango',
    });
    const actions = (await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => a.action);
    expect(actions).toEqual(['settings.update', 'settings.update']);
  });

  it('clears the window and the pause word with null, and takes a pause word in any script', async () => {
    await updateSettings(core, w.asAlice, { clientId: w.alice.id, contactWindowStart: 540, contactWindowEnd: 1020, pauseWord: 'Марія' });
    expect(await alice()).toMatchObject({ contactWindowStart: 540, contactWindowEnd: 1020, pauseWord: 'Марія' });
    await updateSettings(core, w.asAlice, { clientId: w.alice.id, contactWindowStart: null, contactWindowEnd: null, pauseWord: null });
    expect(await alice()).toMatchObject({ contactWindowStart: null, contactWindowEnd: null, pauseWord: null });
  });

  it('lets the client prefer only a channel they have', async () => {
    const r = await updateSettings(core, w.asAlice, { clientId: w.alice.id, preferredChannel: 'telegram' });
    expect(r).toEqual({ ok: false, code: 'invalid', detail: { preferredChannel: 'channel_unavailable' } });
    await insert(core, core.store.channels.insert(channelRow(core, w.alice, { kind: 'telegram', address: '4242' })));
    expect((await updateSettings(core, w.asAlice, { clientId: w.alice.id, preferredChannel: 'telegram' })).ok).toBe(true);
    expect((await alice())?.preferredChannel).toBe('telegram');
    await insert(core, core.store.channels.insert(channelRow(core, w.alice, { kind: 'portal', verified: false })));
    expect(await updateSettings(core, w.asAlice, { clientId: w.alice.id, preferredChannel: 'portal' })).toMatchObject({
      detail: { preferredChannel: 'channel_unavailable' },
    });
  });

  it('reports every wrong field at once and changes nothing', async () => {
    const r = await updateSettings(core, w.asAlice, {
      clientId: w.alice.id,
      language: 'de' as 'en',
      preferredChannel: 'email' as 'sms',
      contactWindowStart: 1440,
      contactWindowEnd: null,
      pauseWord: 'two words',
    });
    expect(r).toEqual({
      ok: false,
      code: 'invalid',
      detail: {
        language: 'language_unknown',
        preferredChannel: 'channel_unavailable',
        contactWindowStart: 'window_time_invalid',
        contactWindowEnd: 'window_incomplete',
        pauseWord: 'pause_word_invalid',
      },
    });
    expect(await alice()).toEqual(w.alice);
    expect(await core.store.audit.listForClient(w.scope, w.alice.id)).toEqual([]);
  });

  it('refuses half a window, an empty window, and pause words that are too short, too long or reserved', async () => {
    const detail = async (input: Omit<Parameters<typeof updateSettings>[2], 'clientId'>) => {
      const r = await updateSettings(core, w.asAlice, { clientId: w.alice.id, ...input });
      return r.ok ? null : r.detail;
    };
    expect(await detail({ contactWindowStart: 540 })).toEqual({ contactWindowEnd: 'window_incomplete' });
    expect(await detail({ contactWindowEnd: 540 })).toEqual({ contactWindowStart: 'window_incomplete' });
    expect(await detail({ contactWindowStart: 540, contactWindowEnd: 540 })).toEqual({ contactWindowEnd: 'window_empty' });
    expect(await detail({ contactWindowStart: 9.5, contactWindowEnd: 600 })).toEqual({ contactWindowStart: 'window_time_invalid' });
    expect(await detail({ pauseWord: 'a' })).toEqual({ pauseWord: 'pause_word_invalid' });
    expect(await detail({ pauseWord: 'x'.repeat(21) })).toEqual({ pauseWord: 'pause_word_invalid' });
    expect(await detail({ pauseWord: 'mango1' })).toEqual({ pauseWord: 'pause_word_invalid' });
    expect(await detail({ pauseWord: '' })).toEqual({ pauseWord: 'pause_word_invalid' });
    expect(await detail({ pauseWord: 'Stop' })).toEqual({ pauseWord: 'pause_word_reserved' });
    expect(await detail({ neutralWording: 'yes' as unknown as boolean })).toEqual({ neutralWording: 'invalid' });
    expect(await alice()).toEqual(w.alice);
  });

  it('shows another client nothing, and refuses a missing client id', async () => {
    expect(await updateSettings(core, w.asBob, { clientId: w.alice.id, language: 'vi' })).toEqual({ ok: false, code: 'not_found' });
    expect(await updateSettings(core, w.asAlice, { clientId: '', language: 'vi' })).toEqual({ ok: false, code: 'invalid' });
    expect(await alice()).toEqual(w.alice);
  });

  it('lets the caseworker change the settings of a client of the agency', async () => {
    expect((await updateSettings(core, w.asStaff, { clientId: w.alice.id, language: 'es' })).ok).toBe(true);
    const [entry] = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(entry).toMatchObject({ action: 'settings.update', actorType: 'staff', actorId: w.staff.id });
  });
});
