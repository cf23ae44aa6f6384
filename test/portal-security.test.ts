// The portal's scoping, walked route by route: client B with client A's ids gets 404 and changes
// nothing; path tricks reach the same authorization; signed-out requests go to sign-in; every
// portal page carries the security headers. Through app.request, as a browser would send it.
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadDocument } from '../src/usecases/documents/upload-document.ts';
import { makeCore, type TestCore } from './support/core.ts';
import {
  appointmentRow, channelRow, classRow, documentRequestRow, enrollmentRow, insert, sampleFile, sessionRow, world, type World,
} from './support/fixtures.ts';
import { browser, portalApp, signedIn, type App, type Browser } from './support/portal.ts';

let core: TestCore;
let w: World;
let app: App;
let asAlice: Browser;
let asBob: Browser;
const A = { appointment: '', session: '', request: '', document: '', channel: '', withdrawnChannel: '' };
const SECRET = { kind: 'Probation review Zq7', location: '9 Hidden Lane, Room Q' };

/** Everything of A's that B could try to read or change. */
const aliceState = async () => ({
  client: await core.store.clients.get(w.scope, w.alice.id),
  appointments: await core.store.appointments.listForClient(w.scope, w.alice.id),
  session: await core.store.classes.sessionForClient(w.scope, w.alice.id, A.session),
  requests: await core.store.documents.listRequestsForClient(w.scope, w.alice.id),
  documents: await core.store.documents.listForClient(w.scope, w.alice.id),
  channels: await core.store.channels.listForClient(w.scope, w.alice.id),
  messages: await core.store.messages.listForClient(w.scope, w.alice.id),
});

beforeAll(async () => {
  core = await makeCore();
  w = await world(core);
  const series = classRow(core, w.agency.id);
  const session = sessionRow(core, series, { startsAt: core.clock.now() + 10 * 60_000 }); // check-in open
  const appointment = appointmentRow(core, w.alice, { kind: SECRET.kind, location: SECRET.location });
  const request = documentRequestRow(core, w.alice);
  const withdrawn = channelRow(core, w.alice, { kind: 'telegram', address: '777001', consentWithdrawnAt: core.clock.now() });
  await insert(
    core,
    core.store.appointments.insert(appointment),
    core.store.classes.insertSeries(series),
    core.store.classes.insertSession(session),
    core.store.classes.insertEnrollment(enrollmentRow(core, series, w.alice)),
    core.store.documents.insertRequest(request),
    core.store.channels.insert(withdrawn),
  );
  const up = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: request.id, bytes: sampleFile('pdf'), channel: 'portal' });
  if (!up.ok) throw new Error(up.code);
  Object.assign(A, {
    appointment: appointment.id, session: session.id, request: request.id, document: up.value.document.id,
    channel: w.aliceSms.id, withdrawnChannel: withdrawn.id,
  });
  app = portalApp(core);
  asAlice = await signedIn(app, core, w.alice);
  asBob = await signedIn(app, core, w.bob);
});

const pdfForm = () => {
  const form = new FormData();
  form.set('file', new File([sampleFile('pdf') as BlobPart], 'stub.pdf', { type: 'application/pdf' }));
  return form;
};

/** Every route that takes an id, with A's ids: [method, path, form fields]. */
const idRoutes = (): [string, string, Record<string, string>?][] => [
  ['GET', `/appointments/${A.appointment}`],
  ['POST', `/appointments/${A.appointment}/confirm`],
  ['GET', `/appointments/${A.appointment}/reschedule`],
  ['POST', `/appointments/${A.appointment}/reschedule`, { slot: String(core.clock.now() + 7 * 86_400_000) }],
  ['GET', `/appointments/${A.appointment}/cancel`],
  ['POST', `/appointments/${A.appointment}/cancel`, { reason: 'I am sick' }],
  ['GET', `/appointments/${A.appointment}/calendar.ics`],
  ['POST', `/classes/sessions/${A.session}/rsvp`, { answer: 'yes' }],
  ['POST', '/classes/check-in', { sessionId: A.session, code: 'K7P2Q' }],
  ['UPLOAD', `/documents/${A.request}/upload`],
  ['GET', `/documents/files/${A.document}`],
  ['POST', `/settings/channels/${A.channel}/opt-out`],
  ['POST', `/settings/channels/${A.withdrawnChannel}/opt-in`],
];

const send = (b: Browser, method: string, path: string, fields?: Record<string, string>) =>
  method === 'GET' ? b.get(path) : method === 'UPLOAD' ? b.upload(path, pdfForm()) : b.post(path, fields);

describe("another client's ids", () => {
  it('are not found on every route, GET and POST, and change nothing of the victim', async () => {
    const before = await aliceState();
    const audited = async () => core.store.audit.listForClient(w.scope, w.alice.id, 1000);
    const seen = new Set((await audited()).map((e) => e.id));
    await asBob.get('/');
    for (const [method, path, fields] of idRoutes()) {
      const res = await send(asBob, method, path, fields);
      expect(res.status, `${method} ${path}`).toBe(404);
      const body = await res.text();
      expect(body, `${method} ${path}`).not.toContain(SECRET.kind);
    }
    expect(await aliceState()).toEqual(before);
    const fresh = (await audited()).filter((e) => !seen.has(e.id));
    expect(fresh.filter((e) => e.actorId === w.bob.id && !/denied|refused/.test(e.action))).toEqual([]);
    expect(await core.store.documents.listForClient(w.scope, w.bob.id)).toEqual([]);
    expect((await core.store.classes.sessionForClient(w.scope, w.bob.id, A.session))?.attendance ?? null).toBeNull();
  });

  it("keeps one client's message nonce from swallowing another's message", async () => {
    const page = await (await asAlice.get('/messages')).text();
    const nonce = page.match(/name="nonce" value="([^"]+)"/)?.[1] ?? '';
    expect(nonce).not.toBe('');
    expect((await asAlice.post('/messages', { body: 'From Alice', nonce })).status).toBe(303);
    await asBob.get('/messages');
    expect((await asBob.post('/messages', { body: 'From Bob', nonce })).status).toBe(303);
    expect((await core.store.messages.listForClient(w.scope, w.bob.id)).map((m) => m.body)).toContain('From Bob');
    expect((await core.store.messages.listForClient(w.scope, w.alice.id)).map((m) => m.body)).not.toContain('From Bob');
  });
});

describe('path tricks', () => {
  const tricks = (base: string, id: string) => [
    `//${base}/${id}`, `/${base}/%2F..%2F${id}`, `/${base}/${id}.`, `/${base}/${id}/`, `/${base.toUpperCase()}/${id}`,
    `/${base}/.%2F${id}`, `/${base}/${id}%2F`, `/${base}/${encodeURIComponent(id).replace(/_/g, '%5F')}`,
  ];
  const all = () => [...tricks('appointments', A.appointment), ...tricks('documents/files', A.document), `/appointments/${A.appointment}/calendar.ics/`];

  it("never show another client's data, signed in as someone else or signed out", async () => {
    for (const who of [asBob, browser(app)]) {
      for (const path of all()) {
        const res = await who.get(path);
        expect([303, 404], path).toContain(res.status);
        if (res.status === 303) expect(res.headers.get('location'), path).toMatch(/^\/(sign-in)?$/);
        expect(await res.text(), path).not.toContain(SECRET.kind);
      }
    }
  });

  it('reach the same authorization for the owner: her page, or not found, never an error', async () => {
    for (const path of all()) expect([200, 303, 404], path).toContain((await asAlice.get(path)).status);
  });
});

describe('signed out', () => {
  const pages = () => ['/', '/appointments', `/appointments/${A.appointment}`, `/appointments/${A.appointment}/reschedule`,
    `/appointments/${A.appointment}/cancel`, `/appointments/${A.appointment}/calendar.ics`, '/classes', '/classes/record',
    '/documents', `/documents/files/${A.document}`, '/messages', '/settings'];

  it('every signed-in page sends to sign-in, GET and POST', async () => {
    const anon = browser(app);
    await anon.get('/sign-in'); // the pre-session CSRF token, as a browser would have it
    for (const path of pages()) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe('/sign-in');
    }
    const posts: [string, string, Record<string, string>?][] = [
      ...idRoutes().filter(([m]) => m !== 'GET'),
      ['POST', '/messages', { body: 'hello', nonce: 'n'.repeat(24) }],
      ['POST', '/settings/language', { lang: 'es', next: '/' }],
      ['POST', '/settings/preferences', { preferred_channel: 'sms', contact_start: '', contact_end: '' }],
    ];
    const before = await aliceState();
    for (const [method, path, fields] of posts) {
      const res = await send(anon, method, path, fields);
      expect(res.status, `${method} ${path}`).toBe(303);
      expect(res.headers.get('location'), `${method} ${path}`).toBe('/sign-in');
    }
    expect(await aliceState()).toEqual(before);
  });
});

describe('response headers', () => {
  const check = (path: string, res: Response) => {
    const csp = res.headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
    const scripts = directive('script-src') ?? directive('default-src') ?? '';
    expect(scripts, path).not.toBe('');
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(directive('frame-ancestors'), path).toBe("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    expect(res.headers.get('cache-control'), path).toBe('no-store');
  };

  it('are on every portal page, signed in and out, and on downloads', async () => {
    const anon = browser(app);
    for (const path of ['/sign-in', '/invite/not-a-real-token', '/appointments/nope']) check(path, await anon.get(path));
    const own = ['/', '/appointments', `/appointments/${A.appointment}`, `/appointments/${A.appointment}/reschedule`,
      `/appointments/${A.appointment}/cancel`, `/appointments/${A.appointment}/calendar.ics`, '/classes', '/classes/record',
      '/documents', `/documents/files/${A.document}`, '/messages', '/settings', '/appointments/apt_nope'];
    for (const path of own) {
      const res = await asAlice.get(path);
      expect(res.status, path).toBe(path.endsWith('nope') ? 404 : 200);
      check(path, res);
    }
    const file = await asAlice.get(`/documents/files/${A.document}`);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
  });
});

describe('the same routes for their owner', () => {
  it('answer her (so the 404s above are the scoping, not missing routes)', async () => {
    for (const [method, path, fields] of idRoutes()) {
      const res = await send(asAlice, method, path, fields);
      expect(res.status, `${method} ${path}`).not.toBe(404);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
  });
});
