import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { channelRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { browser, portalApp, signedIn, type App } from '../../test/support/portal.ts';
import { sessionIdOf } from '../../src/usecases/auth/session-token.ts';

let core: TestCore;
let w: World;
let app: App;

beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
  await insert(core, core.store.channels.insert(channelRow(core, w.alice, { kind: 'portal', address: '+15555550101' })));
  app = portalApp(core);
});

const lastCode = async () => (await core.store.outbox.list(w.scope))[0]?.text.match(/\d{6}/)?.[0];

describe('sign-in pages', () => {
  it('signs in with the code sent to the phone, with a fresh HttpOnly session cookie', async () => {
    const b = browser(app);
    const page = await b.get('/sign-in');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const sent = await b.post('/sign-in', { phone: '555 555 0101' });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('name="code"');
    const code = await lastCode();
    const done = await b.post('/sign-in/code', { phone: '+15555550101', code: code! });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/');
    const cookie = done.headers.getSetCookie().find((c) => c.startsWith('cb_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await b.get('/sign-in')).status).toBe(303); // signed in: sent home
  });

  it('says the same for an unknown number as for a known one', async () => {
    const known = await browser(app).post('/sign-in', { phone: '555 555 0101' }, { csrf: '' });
    const b1 = browser(app);
    await b1.get('/sign-in');
    const b2 = browser(app);
    await b2.get('/sign-in');
    const a = await (await b1.post('/sign-in', { phone: '555 555 0101' })).text();
    const u = await (await b2.post('/sign-in', { phone: '555 555 0177' })).text();
    const strip = (h: string) => h.replace(/value="[^"]*"/g, '');
    expect(strip(a)).toBe(strip(u));
    expect(known.status).toBe(403); // no CSRF token: refused
  });

  it('refuses a wrong code in the page language, tied to the field', async () => {
    const b = browser(app);
    await b.get('/sign-in', { headers: { 'accept-language': 'es' } });
    await b.post('/sign-in', { phone: '555 555 0101' });
    const res = await b.post('/sign-in/code', { phone: '+15555550101', code: '000000' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('aria-describedby="code-hint code-error"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('signs out by deleting the session row', async () => {
    const b = await signedIn(app, core, w.alice);
    const token = b.cookies.get('cb_session')!;
    const out = await b.post('/sign-out');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/sign-in');
    expect(b.cookies.has('cb_session')).toBe(false);
    expect(await core.store.sessions.get(await sessionIdOf(token))).toBeNull();
  });
});

describe('over https', () => {
  it('marks the session cookie Secure and sends HSTS', async () => {
    const secure = portalApp(core, { publicUrl: 'https://cb.example.org' });
    const inv = await (await import('../../src/usecases/auth/invitations.ts')).createInvitation(core, w.asStaff, { clientId: w.alice.id });
    if (!inv.ok) throw new Error('no invitation');
    const page = await secure.request(inv.value.path);
    const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const pre = page.headers.getSetCookie().find((c) => c.startsWith('cb_pre='))!;
    expect(pre).toMatch(/Secure/);
    const res = await secure.request(inv.value.path, {
      method: 'POST',
      headers: { origin: 'https://cb.example.org', 'content-type': 'application/x-www-form-urlencoded', cookie: pre.split(';')[0]! },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('cb_session='))).toMatch(/; Secure/);
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });
});

describe('CSRF and content types', () => {
  it('refuses a post from another origin, without a token, or with an odd content type', async () => {
    const b = await signedIn(app, core, w.alice);
    expect((await b.post('/sign-out', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await b.post('/sign-out', {}, { origin: null })).status).toBe(403);
    expect((await b.post('/sign-out', {}, { csrf: 'nope' })).status).toBe(403);
    const json = await app.request('/sign-out', {
      method: 'POST',
      headers: { origin: 'http://localhost:8787', 'content-type': 'application/json', cookie: `cb_session=${b.cookies.get('cb_session')}` },
      body: JSON.stringify({ _csrf: b.csrf }),
    });
    expect(json.status).toBe(415);
    const none = await app.request('/sign-out', { method: 'POST', headers: { origin: 'http://localhost:8787' } });
    expect(none.status).toBe(415);
  });

  it('accepts the `Origin: null` that no-referrer pages send, only when the browser says same-origin', async () => {
    const b = await signedIn(app, core, w.alice);
    const post = (site: string) =>
      app.request('/sign-out', {
        method: 'POST',
        headers: {
          origin: 'null',
          'sec-fetch-site': site,
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `cb_session=${b.cookies.get('cb_session')}`,
        },
        body: new URLSearchParams({ _csrf: b.csrf }),
      });
    expect((await post('cross-site')).status).toBe(403);
    expect((await post('same-site')).status).toBe(403);
    expect((await post('same-origin')).status).toBe(303);
  });
});

describe('invitation links', () => {
  it('survive a link preview (GET) and sign in on POST, once', async () => {
    const { createInvitation } = await import('../../src/usecases/auth/invitations.ts');
    const inv = await createInvitation(core, w.asStaff, { clientId: w.alice.id });
    if (!inv.ok) throw new Error('no invitation');
    const scanner = browser(app);
    expect((await scanner.get(inv.value.path)).status).toBe(200);
    expect((await scanner.get(inv.value.path)).status).toBe(200);
    const person = browser(app);
    await person.get(inv.value.path);
    const res = await person.post(inv.value.path);
    expect(res.status).toBe(303);
    expect(person.cookies.get('cb_session')).toBeTruthy();
    const again = browser(app);
    await again.get('/sign-in');
    expect((await again.post(inv.value.path)).status).toBe(404);
  });
});

describe('language of signed-out pages', () => {
  it('follows Accept-Language, then the picker, and never redirects off-site', async () => {
    const b = browser(app);
    expect(await (await b.get('/sign-in', { headers: { 'accept-language': 'ar' } })).text()).toContain('dir="rtl"');
    const pick = await b.get('/language?lang=vi&next=/sign-in');
    expect(pick.headers.get('location')).toBe('/sign-in');
    expect(await (await b.get('/sign-in')).text()).toContain('lang="vi"');
    expect((await b.get('/language?lang=es&next=//evil.example')).headers.get('location')).toBe('/');
  });
});

describe('body size', () => {
  it('refuses an oversize form before reading it, and keeps serving', async () => {
    const b = await signedIn(app, core, w.alice);
    const res = await b.post('/sign-out', { filler: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect((await b.get('/sign-in')).status).toBe(303);
  });
});
