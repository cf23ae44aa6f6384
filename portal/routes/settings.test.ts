import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { channelRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { browser, portalApp, signedIn, type App } from '../../test/support/portal.ts';

let core: TestCore;
let w: World;
let app: App;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  app = portalApp(core);
});

const alice = () => core.store.clients.get(w.scope, w.alice.id);
const channel = async (id: string) => (await core.store.channels.listForClient(w.scope, w.alice.id)).find((c) => c.id === id);
const prefs = (over: Record<string, string> = {}) => ({
  preferred_channel: 'sms',
  contact_start: '',
  contact_end: '',
  pause_word: '',
  ...over,
});

describe('settings page', () => {
  it('sends a signed-out visitor to sign in', async () => {
    expect((await browser(app).get('/settings')).headers.get('location')).toBe('/sign-in');
  });

  it('shows the forms, the channels and Telegram not connected', async () => {
    const b = await signedIn(app, core, w.alice);
    const res = await b.get('/settings');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const name of ['lang', 'next', 'preferred_channel', 'contact_start', 'contact_end', 'neutral', 'pause_word']) {
      expect(html).toContain(`name="${name}"`);
    }
    expect(html).toContain('action="/settings/language"');
    expect(html).toContain('action="/settings/preferences"');
    expect(html).toContain(`action="/settings/channels/${w.aliceSms.id}/opt-out"`);
    expect(html).toContain('Number ending in 0101');
    expect(html).not.toContain('+15555550101');
    expect(html).toContain('Telegram is not connected.');
    expect(html).toContain('text us to pause');
  });

  it('changes the language, then every page speaks it (Arabic right to left)', async () => {
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    const res = await b.post('/settings/language', { lang: 'ar', next: '/messages' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/messages');
    expect((await alice())?.language).toBe('ar');
    for (const path of ['/', '/messages', '/settings']) expect(await (await b.get(path)).text()).toContain('lang="ar" dir="rtl"');
    const off = await b.post('/settings/language', { lang: 'es', next: '//evil.example' });
    expect(off.headers.get('location')).toBe('/');
  });

  it('refuses an unknown language, tied to the language choice', async () => {
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    const res = await b.post('/settings/language', { lang: 'xx', next: '/' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="lang-error"');
    expect(html).toContain('aria-describedby="lang-error"');
    expect((await alice())?.language).toBe('en');
  });

  it('saves preferences: a window across midnight, neutral wording, a pause word', async () => {
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    const res = await b.post('/settings/preferences', prefs({ contact_start: '22:00', contact_end: '07:30', neutral: 'on', pause_word: ' Mango ' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/settings?done=settings_saved');
    expect(await alice()).toMatchObject({ contactWindowStart: 1320, contactWindowEnd: 450, neutralWording: true, pauseWord: 'Mango', preferredChannel: 'sms' });
    const html = await (await b.get('/settings?done=settings_saved')).text();
    expect(html).toContain('Your settings were saved.');
    expect(html).toContain('value="22:00"');
    expect(html).toContain('value="07:30"');
    expect(html).toContain('value="Mango"');

    await b.post('/settings/preferences', prefs({ preferred_channel: '' }));
    expect(await alice()).toMatchObject({ contactWindowStart: null, contactWindowEnd: null, neutralWording: false, pauseWord: null, preferredChannel: null });
  });

  it('reports each wrong preference next to its field and saves nothing', async () => {
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    const res = await b.post('/settings/preferences', prefs({ preferred_channel: 'telegram', contact_start: '9am', pause_word: 'two words' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="preferred_channel-error"');
    expect(html).toContain('Enter a time like 09:30');
    expect(html).toContain('aria-describedby="contact_start-error"');
    expect(html).toContain('Enter both times, or leave both empty.');
    expect(html).toContain('aria-describedby="pause_word-hint pause_word-error"');
    expect(html).toContain('value="two words"');
    expect(await alice()).toEqual(w.alice);

    const same = await b.post('/settings/preferences', prefs({ contact_start: '09:00', contact_end: '09:00', pause_word: 'stop' }));
    expect(same.status).toBe(400);
    const text = await same.text();
    expect(text).toContain('The two times must be different.');
    expect(text).toContain('like STOP or HELP');
  });

  it('turns a channel off and on again, and disconnects Telegram', async () => {
    const telegram = channelRow(core, w.alice, { kind: 'telegram', address: '424242' });
    await insert(core, core.store.channels.insert(telegram));
    const b = await signedIn(app, core, w.alice);
    expect(await (await b.get('/settings')).text()).toContain('Telegram is connected.');

    core.clock.advance(60_000);
    const out = await b.post(`/settings/channels/${w.aliceSms.id}/opt-out`);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/settings?done=channel_off');
    expect(await channel(w.aliceSms.id)).toMatchObject({ consentWithdrawnAt: core.clock.now() });
    const page = await (await b.get('/settings?done=channel_off')).text();
    expect(page).toContain('Turned off.');
    expect(page).toContain(`action="/settings/channels/${w.aliceSms.id}/opt-in"`);

    core.clock.advance(60_000);
    expect((await b.post(`/settings/channels/${w.aliceSms.id}/opt-in`)).headers.get('location')).toBe('/settings?done=channel_on');
    expect(await channel(w.aliceSms.id)).toMatchObject({ consentGivenAt: core.clock.now(), consentWithdrawnAt: null });

    await b.post(`/settings/channels/${telegram.id}/opt-out`);
    const after = await (await b.get('/settings')).text();
    expect(after).toContain('Telegram is disconnected');
    expect(after).toContain('Reconnect Telegram');
  });

  it('refuses to switch off the portal itself', async () => {
    const portal = channelRow(core, w.alice, { kind: 'portal', address: '+15555550101' });
    await insert(core, core.store.channels.insert(portal));
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    const res = await b.post(`/settings/channels/${portal.id}/opt-out`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('You are not allowed to do that.');
    expect((await channel(portal.id))?.consentWithdrawnAt).toBeNull();
  });

  it('answers 404 for another client’s channel, or an unknown one, audits the attempt, and changes nothing', async () => {
    const [bobSms] = await core.store.channels.listForClient(w.scope, w.bob.id);
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    for (const path of [`/settings/channels/${bobSms!.id}/opt-out`, `/settings/channels/${bobSms!.id}/opt-in`, '/settings/channels/nope/opt-out']) {
      const res = await b.post(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Page not found');
    }
    expect((await core.store.channels.listForClient(w.scope, w.bob.id))[0]).toEqual(bobSms);
    expect(await core.store.audit.listForClient(w.scope, w.bob.id)).toEqual([]);
    const denied = (await core.store.audit.listForClient(w.scope, w.alice.id)).filter((a) => a.action === 'access.denied');
    expect(denied.map((a) => a.subjectId).sort()).toEqual([bobSms!.id, bobSms!.id, 'nope'].sort());
  });
});
