import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { insert, world, type World } from '../../test/support/fixtures.ts';
import { browser, portalApp, signedIn, type App, type Browser } from '../../test/support/portal.ts';
import { sendStaffReply } from '../../src/usecases/messaging/send-staff-reply.ts';

let core: TestCore;
let w: World;
let app: App;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  app = portalApp(core);
});

const nonceOf = (html: string) => html.match(/name="nonce" value="([^"]+)"/)?.[1] ?? '';
const bodies = async (clientId: string) =>
  (await core.store.messages.listForClient(w.scope, clientId, { includeInternal: true })).map((m) => m.body);
const openMessages = async (b: Browser) => {
  const res = await b.get('/messages');
  expect(res.status).toBe(200);
  return res.text();
};

describe('messages page', () => {
  it('sends a signed-out visitor to sign in', async () => {
    expect((await browser(app).get('/messages')).headers.get('location')).toBe('/sign-in');
    expect((await browser(app).post('/messages', { body: 'hi' })).status).toBe(403);
  });

  it('shows the conversation newest last with who, time and delivery state, and reading it clears the unread count', async () => {
    const b = await signedIn(app, core, w.alice);
    await b.post('/messages', { body: 'Can we meet Friday?', nonce: nonceOf(await openMessages(b)) });
    core.clock.advance(60_000);
    await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'Friday at 10 works.', idempotencyKey: 'r1' });
    core.clock.advance(60_000);
    expect(await (await b.get('/')).text()).toContain('New messages from your caseworker: 1');

    const html = await openMessages(b);
    expect(html.indexOf('Can we meet Friday?')).toBeLessThan(html.indexOf('Friday at 10 works.'));
    expect(html).toContain('<strong>You</strong>');
    expect(html).toContain('<strong>Your caseworker</strong>');
    expect(html).toContain('Received');
    expect(html).toContain('Waiting to be sent to your phone');
    expect(html).toContain('<span class="badge">New</span>');
    expect(html).toContain('Monday, March 2');

    expect(await (await b.get('/')).text()).toContain('No new messages.');
    expect(await openMessages(b)).not.toContain('<span class="badge">New</span>');
  });

  it('hides the caseworkers’ internal notes and never shows another client’s messages', async () => {
    const { addInternalNote } = await import('../../src/usecases/messaging/add-internal-note.ts');
    await addInternalNote(core, w.asStaff, { clientId: w.alice.id, text: 'Private staff note', idempotencyKey: 'n1' });
    await sendStaffReply(core, w.asStaff, { clientId: w.bob.id, text: 'Hello Bob', idempotencyKey: 'r1' });
    const html = await openMessages(await signedIn(app, core, w.alice));
    expect(html).not.toContain('Private staff note');
    expect(html).not.toContain('Hello Bob');
    expect(html).toContain('No messages yet.');
  });

  it('sends a message once, even when the form is sent twice', async () => {
    const b = await signedIn(app, core, w.alice);
    const nonce = nonceOf(await openMessages(b));
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const first = await b.post('/messages', { body: 'Hello, I have a question.', nonce });
    const again = await b.post('/messages', { body: 'Hello, I have a question.', nonce });
    for (const res of [first, again]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/messages?done=message_sent');
    }
    expect(await bodies(w.alice.id)).toEqual(['Hello, I have a question.']);
    const [m] = await core.store.messages.listForClient(w.scope, w.alice.id);
    expect(m).toMatchObject({ direction: 'in', channel: 'portal' });
    const page = await (await b.get('/messages?done=message_sent')).text();
    expect(page).toContain('Your message was sent to your caseworker.');
    expect(nonceOf(page)).not.toBe(nonce);
  });

  it('refuses an empty or too long message, tied to the field, keeping what was typed', async () => {
    const b = await signedIn(app, core, w.alice);
    const empty = await b.post('/messages', { body: '   ', nonce: nonceOf(await openMessages(b)) });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain('The message is empty.');
    expect(html).toContain('aria-describedby="body-hint body-error"');
    expect(html).toContain('aria-invalid="true"');

    const long = await b.post('/messages', { body: 'x'.repeat(4001), nonce: nonceOf(html) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('4000 characters');
    expect(await bodies(w.alice.id)).toEqual([]);
  });

  it('refuses a form without a valid nonce, keeping the text', async () => {
    const b = await signedIn(app, core, w.alice);
    await openMessages(b);
    for (const nonce of ['', 'short', 'bad nonce with spaces!!']) {
      const res = await b.post('/messages', { body: 'Keep me', nonce });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('This form has expired.');
      expect(html).toMatch(/<textarea[^>]*>Keep me<\/textarea>/);
    }
    expect(await bodies(w.alice.id)).toEqual([]);
  });

  it('renders in Arabic right to left', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'ar' }));
    expect(await openMessages(await signedIn(app, core, w.alice))).toContain('lang="ar" dir="rtl"');
  });
});
