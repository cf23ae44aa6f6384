import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { smsInboxHandlers } from '../../../bots/sms/inbox.ts';
import { fetchTwilioMedia } from '../../../bots/sms/twilio/media.ts';
import { verifyTwilioSignature } from '../../../bots/sms/twilio/verify.ts';
import { INBOUND_PATH } from '../../../bots/sms/twilio/webhook.ts';
import { detectFileType } from '../../domain/file-type.ts';
import { DEMO_CLIENTS } from '../../demo/people.ts';
import { seedDemo } from '../../demo/seed.ts';
import { devSender } from '../../senders/dev-sender.ts';
import { handleInbox } from '../../usecases/inbox/handle-inbox.ts';
import { deliverDue } from '../../usecases/outbox/deliver-outbox.ts';
import { createApp } from '../app.ts';
import { signedInboundRequest } from './dev-phone.tsx';

const SMS = { accountSid: `AC${'de'.repeat(16)}`, authToken: 'demo-auth-token-for-tests', simulated: true };
// Not the origin the requests below use (http://localhost): what is signed is PUBLIC_URL's.
const PUBLIC_URL = 'http://localhost:8787';
const ALEX = DEMO_CLIENTS[0].phone;
const MARIA = DEMO_CLIENTS[1].phone;

let core: TestCore;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  core = await makeCore();
  await seedDemo(core);
  app = createApp({ core, demo: true, publicUrl: PUBLIC_URL, sms: SMS });
});

const agencyId = async () => (await core.store.agencies.list())[0]?.id ?? null;

/** The server's background work: the inbox worker (SMS handlers), then delivery through the dev sender. */
const work = async () => {
  const handlers = smsInboxHandlers({
    core,
    agencyId,
    publicUrl: PUBLIC_URL,
    // The demo's media rule: this server's own host, with the account's credentials.
    fetchMedia: (url, maxBytes) => fetchTwilioMedia({ url, maxBytes, ...SMS, allowedHosts: ['localhost'], fetch: async (u, init) => app.request(u, init) }),
  });
  const inbox = await handleInbox({ store: core.store, handlers, maxAttempts: 3 }, core.clock.now());
  await deliverDue({ store: core.store, t: core.t, maxAttempts: 3, senderFor: () => devSender(core) }, core.clock.now());
  return inbox;
};

const send = (fields: Record<string, string>, headers: Record<string, string> = {}, on = app) =>
  on.request('/dev/phone/send', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });

const threadOf = async (phone: string, lng = 'en') => {
  const res = await app.request(`/dev/phone?number=${encodeURIComponent(phone)}`, { headers: { 'accept-language': lng } });
  expect(res.status).toBe(200);
  const html = await res.text();
  return /<ol id="thread">([\s\S]*?)<\/ol>/.exec(html)![1]!;
};
const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('the phone simulator', () => {
  it('lists the demo clients, each linking to their phone, and is linked from /dev', async () => {
    const res = await app.request('/dev/phone');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const c of DEMO_CLIENTS) {
      expect(html).toContain(`href="/dev/phone?number=${encodeURIComponent(c.phone)}"`);
      expect(html).toContain(`<td>${c.phone}</td>`);
      expect(html).toContain(`<td>${c.language}</td>`);
    }
    expect(html).toContain('Nguyễn Thị Lan');
    expect(await (await app.request('/dev')).text()).toContain('href="/dev/phone"');
  });

  it('texts MENU through the signed webhook and shows the menu the phone received, after the text', async () => {
    const res = await send({ number: ALEX, body: 'MENU' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/dev/phone?number=${encodeURIComponent(ALEX)}#compose`);
    expect(await threadOf(ALEX)).toContain('MENU');
    expect(await work()).toEqual({ done: 1, retried: 0, dead: 0 });
    const thread = unescape(await threadOf(ALEX));
    const menu = core.t('en', 'sms.menu');
    expect(thread).toContain(menu);
    expect(thread.indexOf('MENU')).toBeLessThan(thread.indexOf(menu));
    expect(thread.indexOf('class="sent"')).toBeLessThan(thread.indexOf('class="received"'));
    // Another number's thread holds none of it.
    expect(await threadOf(MARIA)).toBe(`<li>${core.t('en', 'dev.phone.empty')}</li>`);
  });

  it('answers María in Spanish and in neutral words, as on her phone', async () => {
    await send({ number: MARIA, body: 'MENÚ' });
    await work();
    expect(unescape(await threadOf(MARIA, 'es'))).toContain(core.t('es', 'sms.menu_neutral'));
  });

  it('sends the sample photo as an MMS that the server fetches from itself and stores for the chosen request', async () => {
    await send({ number: ALEX, body: '', photo: '1' });
    await work();
    expect(await threadOf(ALEX)).toContain('src="/dev/phone/media/sample.jpg"');
    expect(unescape(await threadOf(ALEX))).toContain('Which one is this photo for?');
    await send({ number: ALEX, body: '1' });
    await work();
    expect(unescape(await threadOf(ALEX))).toContain(core.t('en', 'sms.documents.received'));
    const agency = (await agencyId())!;
    const alex = (await core.store.channels.findByAddress({ agencyId: agency }, 'sms', ALEX))!;
    const docs = await core.store.documents.listForClient({ agencyId: agency }, alex.clientId);
    expect(docs.map((d) => [d.detectedType, d.channel])).toEqual([['image/jpeg', 'sms']]);
  });

  it('serves a real JPEG, its stylesheet and script as files (the CSP allows no inline code)', async () => {
    const jpeg = await app.request('/dev/phone/media/sample.jpg');
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    const bytes = new Uint8Array(await jpeg.arrayBuffer());
    expect(detectFileType(bytes)).toBe('image/jpeg');
    expect([bytes.at(-2), bytes.at(-1)]).toEqual([0xff, 0xd9]);
    expect((await app.request('/dev/phone/phone.js')).headers.get('content-type')).toContain('text/javascript');
    expect((await app.request('/dev/phone/phone.css')).headers.get('content-type')).toContain('text/css');
    const page = await (await app.request(`/dev/phone?number=${encodeURIComponent(ALEX)}`)).text();
    expect(page).toContain('<script src="/dev/phone/phone.js" defer');
    expect(page).not.toMatch(/<script>|style="/);
    expect(page).toMatch(/<noscript><meta http-equiv="refresh" content="\d+"/);
    expect(page).toContain('action="/dev/phone/send"');
  });
});

describe('the signed request', () => {
  const text = { ...SMS, publicUrl: `${PUBLIC_URL}/`, origin: 'http://127.0.0.1:8787', from: ALEX, body: 'hola', photo: true };

  it('is signed as Twilio signs, over PUBLIC_URL and the path, and the webhook accepts it', async () => {
    const req = await signedInboundRequest(text);
    const params = [...new URLSearchParams(await req.clone().text())];
    const signature = req.headers.get('x-twilio-signature');
    const url = `${PUBLIC_URL}${INBOUND_PATH}`;
    expect(await verifyTwilioSignature({ authToken: SMS.authToken, url, params, signature })).toBe(true);
    expect(Object.fromEntries(params)).toMatchObject({ From: ALEX, To: '+15555550100', Body: 'hola', NumMedia: '1', MediaUrl0: 'http://127.0.0.1:8787/dev/phone/media/sample.jpg', MediaContentType0: 'image/jpeg' });
    expect(Object.fromEntries(params).MessageSid).toMatch(/^MM[0-9a-f]{32}$/);
    const changed = params.map(([k, v]) => [k, k === 'Body' ? 'adios' : v] as const);
    expect(await verifyTwilioSignature({ authToken: SMS.authToken, url, params: changed, signature })).toBe(false);
    expect((await app.fetch(req)).status).toBe(200);
  });

  it('is refused (403) by a webhook holding another token, and nothing is stored', async () => {
    const other = createApp({ core, demo: true, publicUrl: PUBLIC_URL, sms: { ...SMS, authToken: 'another-token' } });
    expect((await other.fetch(await signedInboundRequest(text))).status).toBe(403);
    expect(await work()).toEqual({ done: 0, retried: 0, dead: 0 });
  });
});

describe('refusals', () => {
  it('refuses a number that is not a demo client (400) and sends nothing', async () => {
    const res = await send({ number: '+15555550199', body: 'MENU' });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(core.t('en', 'dev.phone.not_demo_number'));
    expect((await app.request('/dev/phone?number=%2B15555550199')).status).toBe(400);
    expect(await work()).toEqual({ done: 0, retried: 0, dead: 0 });
  });

  it('refuses a form posted from another site (403), a text over 1,600 characters (400), and sends nothing', async () => {
    expect((await send({ number: ALEX, body: 'MENU' }, { origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await send({ number: ALEX, body: 'MENU' }, { origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send({ number: ALEX, body: 'x'.repeat(1601) })).status).toBe(400);
    expect((await send({ number: ALEX, body: '   ' })).status).toBe(303); // nothing to send: a phone sends nothing
    expect(await work()).toEqual({ done: 0, retried: 0, dead: 0 });
    expect((await send({ number: ALEX, body: 'MENU' }, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    expect((await send({ number: ALEX, body: 'HELP' }, { origin: PUBLIC_URL })).status).toBe(303);
    expect(await work()).toEqual({ done: 2, retried: 0, dead: 0 });
  });

  it('does not exist with demo mode off, without an SMS account, nor with a real Twilio account (replies would reach real phones)', async () => {
    for (const deps of [{ demo: false, sms: SMS }, { demo: true }, { demo: true, sms: { ...SMS, simulated: false } }]) {
      const off = createApp({ core, publicUrl: PUBLIC_URL, ...deps });
      expect((await off.request('/dev/phone')).status).toBe(404);
      expect((await off.request(`/dev/phone?number=${encodeURIComponent(ALEX)}`)).status).toBe(404);
      expect((await off.request('/dev/phone/media/sample.jpg')).status).toBe(404);
      expect((await send({ number: ALEX, body: 'MENU' }, {}, off)).status).not.toBe(303);
    }
    expect((await send({ number: ALEX, body: 'MENU' }, {}, createApp({ core, demo: true, publicUrl: PUBLIC_URL }))).status).toBe(404);
    expect(await work()).toEqual({ done: 0, retried: 0, dead: 0 });
    expect(await (await createApp({ core, demo: true, publicUrl: PUBLIC_URL }).request('/dev')).text()).not.toContain('/dev/phone');
  });
});
