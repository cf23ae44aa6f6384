import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { insert, world, type World } from '../../test/support/fixtures.ts';
import { browser, portalApp, signedIn, type App } from '../../test/support/portal.ts';

let core: TestCore;
let w: World;
let app: App;

beforeEach(async () => {
  // Monday 2 March 2026, 10:00 in New York
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  app = portalApp(core);
});

const alice = () => core.store.clients.get(w.scope, w.alice.id);
const outbox = () => core.store.outbox.list(w.scope);
/** How the page writes a time (the client's zone, English): "Monday, March 2 at 10:00 AM". */
const when = (at: number) =>
  new Intl.DateTimeFormat('en', { timeZone: 'America/New_York', weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }).format(new Date(at));
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');

describe('pausing all messages from the settings page', () => {
  it('offers the pause as a plain form beside the pause word, and no banner while messages are on', async () => {
    const b = await signedIn(app, core, w.alice);
    const page = await (await b.get('/settings')).text();
    expect(page).toMatch(/<form method="post" action="\/settings\/pause"><input type="hidden" name="_csrf" value="[^"]+"\/?>/);
    expect(page).toContain('Pause all messages now');
    expect(page.indexOf('name="pause_word"')).toBeLessThan(page.indexOf('action="/settings/pause"'));
    expect(page).not.toContain('action="/settings/resume"');
    expect(page).not.toContain('Messages have been paused since');
  });

  it('pauses, says so, and shows the banner with the way back on at the top', async () => {
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    const res = await b.post('/settings/pause');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/settings?done=paused');
    expect(await alice()).toMatchObject({ pausedAt: core.clock.now(), pausedBy: 'client:portal' });
    // The caseworker is told; the client is not texted about what they just did on the page.
    expect((await outbox()).map((o) => [o.channel, o.template])).toEqual([['slack', 'staff.client_paused']]);
    core.clock.advance(60_000);
    const page = await (await b.get('/settings?done=paused')).text();
    expect(page).toContain(core.t('en', 'portal.settings.paused_done'));
    expect(page).toContain(html(core.t('en', 'portal.settings.paused_banner', { when: when(core.clock.now() - 60_000) })));
    expect(page.indexOf('Messages have been paused since')).toBeLessThan(page.indexOf('id="language-heading"'));
    expect(page).toContain('action="/settings/resume"');
    expect(page).toContain('Turn messages back on');
    expect(page).not.toContain('action="/settings/pause"');
    // Pressing again changes nothing.
    expect((await b.post('/settings/pause')).headers.get('location')).toBe('/settings?done=paused');
    expect((await alice())?.pausedAt).toBe(core.clock.now() - 60_000);
    expect(await outbox()).toHaveLength(1);
  });

  it('turns messages back on: the banner goes, the client is told on their phone', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { pausedAt: core.clock.now() - 3_600_000, pausedBy: 'client:sms' }));
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    const res = await b.post('/settings/resume');
    expect(res.headers.get('location')).toBe('/settings?done=resumed');
    expect(await alice()).toMatchObject({ pausedAt: null, pausedBy: null });
    expect((await outbox()).map((o) => o.template).sort()).toEqual(['safety.resumed', 'staff.client_resumed']);
    const page = await (await b.get('/settings?done=resumed')).text();
    expect(page).toContain(core.t('en', 'portal.settings.resumed_done'));
    expect(page).not.toContain('Messages have been paused since');
    expect(page).toContain('action="/settings/pause"');
    expect((await b.post('/settings/resume')).headers.get('location')).toBe('/settings?done=resumed');
    expect(await outbox()).toHaveLength(2);
  });

  it('refuses a post from another site, without the page’s token, or signed out, and changes nothing', async () => {
    const b = await signedIn(app, core, w.alice);
    await b.get('/settings');
    expect((await b.post('/settings/pause', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await b.post('/settings/pause', {}, { csrf: 'not-the-token' })).status).toBe(403);
    expect((await b.post('/settings/pause', {}, { origin: null })).status).toBe(403);
    const stranger = browser(app);
    await stranger.get('/sign-in');
    expect((await stranger.post('/settings/pause')).status).not.toBe(200);
    expect((await alice())?.pausedAt).toBeNull();
    expect(await outbox()).toEqual([]);
  });
});

describe('the home page of a paused client', () => {
  it('says in one line that messages are paused, with a link to turn them back on', async () => {
    const b = await signedIn(app, core, w.alice);
    expect(await (await b.get('/')).text()).not.toContain('Messages have been paused since');
    await b.get('/settings');
    await b.post('/settings/pause');
    const home = await (await b.get('/')).text();
    expect(home).toContain(html(core.t('en', 'portal.settings.paused_home', { when: when(core.clock.now()) })));
    expect(home).toContain('<a href="/settings#paused-banner">Turn them back on in Settings</a>');
  });
});
