// Twilio's webhooks through the real HTTP app and a fake Twilio on 127.0.0.1: the signature over
// PUBLIC_URL + path (proxies included), the account, malformed bodies, replays, and delivery
// statuses arriving in any order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { world, type World } from '../../test/support/fixtures.ts';
import { PUBLIC_URL, startSms, type SmsHarness } from '../../test/support/sms.ts';
import { createApp } from '../../src/http/app.ts';
import { INBOUND_PATH, SMS_SOURCE, STATUS_PATH } from './twilio/webhook.ts';
import type { FormFields } from './twilio/types.ts';

const ALICE = '+15555550101';
let core: TestCore;
let w: World;
let sms: SmsHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  sms = await startSms(core, w);
});
afterEach(() => sms.api.close());

const sidOf = (fields: FormFields) => fields.find(([k]) => k === 'MessageSid')![1];
const inbound = async () => (await core.store.messages.listForClient(w.scope, w.alice.id)).filter((m) => m.direction === 'in');
/** Nothing of this text was kept, handled or answered. */
const nothingStored = async (fields: FormFields) => {
  expect(await core.store.inbox.get(SMS_SOURCE, sidOf(fields))).toBeNull();
  await sms.work();
  expect(await inbound()).toEqual([]);
  expect(await core.store.outbox.list(w.scope)).toEqual([]);
  expect(sms.api.calls).toEqual([]);
};

describe('POST /webhooks/sms/twilio: the signature', () => {
  it('takes a text signed over PUBLIC_URL + path: stored, answered with an empty TwiML, then handled', async () => {
    const fields = sms.textFields(ALICE, 'Hello, is Dana in today?');
    const res = await sms.post(INBOUND_PATH, fields);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(await core.store.inbox.get(SMS_SOURCE, sidOf(fields))).toMatchObject({ status: 'pending' });
    expect(sms.api.calls).toEqual([]);
    await sms.work();
    expect((await inbound()).map((m) => [m.body, m.channel, m.externalId])).toEqual([['Hello, is Dana in today?', 'sms', sidOf(fields)]]);
    expect(sms.received(ALICE)).toEqual([core.t('en', 'sms.sent')]);
    expect(await core.store.inbox.get(SMS_SOURCE, sidOf(fields))).toMatchObject({ status: 'done', payload: '' });
  });

  it.each([
    ['another host', `https://casebridge.example.net${INBOUND_PATH}`],
    ['another port', `https://casebridge.example.org:8443${INBOUND_PATH}`],
    ['http instead of https', `http://casebridge.example.org${INBOUND_PATH}`],
    ['another path', `${PUBLIC_URL}${STATUS_PATH}`],
    ['the path alone', INBOUND_PATH],
  ])('refuses a signature over %s with 403 and stores nothing', async (_what, signedUrl) => {
    const fields = sms.textFields(ALICE, 'hello');
    expect((await sms.post(INBOUND_PATH, fields, { signedUrl })).status).toBe(403);
    await nothingStored(fields);
  });

  it('takes the https default port written out, as Twilio has signed both ways', async () => {
    const fields = sms.textFields(ALICE, 'hello');
    expect((await sms.post(INBOUND_PATH, fields, { signedUrl: `https://casebridge.example.org:443${INBOUND_PATH}` })).status).toBe(200);
  });

  it('refuses a changed field, an added field and a missing or empty header with 403', async () => {
    const fields = sms.textFields(ALICE, 'Call me');
    const changed = fields.map(([k, v]): [string, string] => [k, k === 'Body' ? 'Call me now' : v]);
    expect((await sms.post(INBOUND_PATH, fields, { body: changed })).status).toBe(403);
    expect((await sms.post(INBOUND_PATH, fields, { body: [...fields, ['MediaUrl1', 'https://api.twilio.com/x']] })).status).toBe(403);
    const moved = fields.map(([k, v]): [string, string] => [k, k === 'From' ? '+15555550102' : v]);
    expect((await sms.post(INBOUND_PATH, fields, { body: moved })).status).toBe(403);
    expect((await sms.post(INBOUND_PATH, fields, { signature: null })).status).toBe(403);
    expect((await sms.post(INBOUND_PATH, fields, { signature: '' })).status).toBe(403);
    await nothingStored(fields);
  });

  it('behind a proxy, PUBLIC_URL decides: the request arrives at http://127.0.0.1:3000 but was signed over the public address', async () => {
    const fields = sms.textFields(ALICE, 'via the proxy');
    const requestUrl = `http://127.0.0.1:3000${INBOUND_PATH}`;
    expect((await sms.post(INBOUND_PATH, fields, { requestUrl, signedUrl: requestUrl })).status).toBe(403);
    expect(await core.store.inbox.get(SMS_SOURCE, sidOf(fields))).toBeNull();
    expect((await sms.post(INBOUND_PATH, fields, { requestUrl })).status).toBe(200);
    expect(await core.store.inbox.get(SMS_SOURCE, sidOf(fields))).not.toBeNull();
  });

  it('signs the query string too, and a PUBLIC_URL with a trailing slash is the same address', async () => {
    const slash = await startSms(core, w, { publicUrl: `${PUBLIC_URL}/` });
    try {
      const fields = slash.textFields(ALICE, 'hello');
      const path = `${INBOUND_PATH}?region=us1`;
      expect((await slash.post(path, fields, { signedUrl: `${PUBLIC_URL}${INBOUND_PATH}` })).status).toBe(403);
      expect((await slash.post(path, fields, { signedUrl: `${PUBLIC_URL}${path}` })).status).toBe(200);
    } finally {
      await slash.api.close();
    }
  });
});

describe('POST /webhooks/sms/twilio: the body', () => {
  it('refuses a correctly signed text for another Twilio account with 403', async () => {
    const fields = sms.textFields(ALICE, 'hello').map(([k, v]): [string, string] => [k, k === 'AccountSid' ? `AC${'f'.repeat(32)}` : v]);
    expect((await sms.post(INBOUND_PATH, fields)).status).toBe(403);
    await nothingStored(fields);
  });

  it.each([
    ['no MessageSid', (f: FormFields) => f.filter(([k]) => k !== 'MessageSid')],
    ['a MessageSid of the wrong shape', (f: FormFields) => f.map(([k, v]): [string, string] => [k, k === 'MessageSid' ? 'SM123' : v])],
    ['eleven media', (f: FormFields) => f.map(([k, v]): [string, string] => [k, k === 'NumMedia' ? '11' : v])],
    ['a media announced but missing', (f: FormFields) => f.map(([k, v]): [string, string] => [k, k === 'NumMedia' ? '1' : v])],
    ['Body given twice', (f: FormFields) => [...f, ['Body', 'again']] as FormFields],
  ])('refuses a correctly signed body with %s with 400', async (_what, spoil) => {
    const good = sms.textFields(ALICE, 'hello');
    const fields = spoil(good);
    expect((await sms.post(INBOUND_PATH, fields)).status).toBe(400);
    await nothingStored(good);
  });

  it('accepts a sender id that is not a phone number with 200 and keeps nothing', async () => {
    const fields = sms.textFields('CASEBRDG', 'Your code is 1234');
    expect((await sms.post(INBOUND_PATH, fields)).status).toBe(200);
    await nothingStored(fields);
  });

  it('refuses an oversize body with 413', async () => {
    const fields = sms.textFields(ALICE, 'x'.repeat(70 * 1024));
    expect((await sms.post(INBOUND_PATH, fields)).status).toBe(413);
    await nothingStored(fields);
  });

  it('takes a replayed MessageSid with 200 and does nothing twice: one message, one answer', async () => {
    const fields = sms.textFields(ALICE, 'I will be late');
    expect((await sms.post(INBOUND_PATH, fields)).status).toBe(200);
    expect((await sms.post(INBOUND_PATH, fields)).status).toBe(200);
    await sms.work();
    expect((await sms.post(INBOUND_PATH, fields)).status).toBe(200);
    await sms.work();
    expect((await inbound()).map((m) => m.body)).toEqual(['I will be late']);
    expect(sms.received(ALICE)).toEqual([core.t('en', 'sms.sent')]);
    expect(sms.failures).toEqual([]);
  });

  it('is not served when SMS is not configured', async () => {
    const plain = createApp({ core, demo: false, publicUrl: PUBLIC_URL });
    for (const path of [INBOUND_PATH, STATUS_PATH]) {
      expect((await plain.request(path, { method: 'POST', body: 'MessageSid=x' })).status).toBe(404);
    }
  });
});

describe('POST /webhooks/sms/twilio/status', () => {
  /** Alice asks for HELP; the answer's Twilio sid. */
  const sentMessage = async () => {
    await sms.text(ALICE, 'HELP');
    return sms.api.sent.at(-1)!.sid;
  };
  const providerStatus = async (sid: string) => (await core.store.deliveries.findByExternalId('sms', sid))?.providerStatus;

  it('tells Twilio where to report, and records the status reported', async () => {
    const sid = await sentMessage();
    expect(sms.api.sent.at(-1)!.statusCallback).toBe(`${PUBLIC_URL}${STATUS_PATH}`);
    expect(await providerStatus(sid)).toBeNull();
    expect((await sms.status(sid, 'queued')).status).toBe(204);
    expect(await providerStatus(sid)).toBe('queued');
  });

  it.each([
    ['queued', 'sent', 'delivered'],
    ['queued', 'delivered', 'sent'],
    ['sent', 'queued', 'delivered'],
    ['sent', 'delivered', 'queued'],
    ['delivered', 'queued', 'sent'],
    ['delivered', 'sent', 'queued'],
  ])('ends at delivered whatever the order: %s, %s, %s', async (...order) => {
    const sid = await sentMessage();
    for (const s of order) expect((await sms.status(sid, s)).status).toBe(204);
    expect(await providerStatus(sid)).toBe('delivered');
  });

  it('keeps delivered when failed or undelivered arrives after it, and keeps failed over a late sent', async () => {
    const sid = await sentMessage();
    await sms.status(sid, 'delivered');
    await sms.status(sid, 'failed', '30003');
    await sms.status(sid, 'undelivered', '30005');
    expect(await providerStatus(sid)).toBe('delivered');
    const other = await sentMessage();
    await sms.status(other, 'failed', '30003');
    await sms.status(other, 'sent');
    expect(await providerStatus(other)).toBe('failed');
  });

  it('refuses a status with a bad signature (403) or a malformed body (400), and changes nothing', async () => {
    const sid = await sentMessage();
    const fields: FormFields = [['MessageSid', sid], ['MessageStatus', 'delivered'], ['AccountSid', sms.api.accountSid]];
    expect((await sms.post(STATUS_PATH, fields, { signature: null })).status).toBe(403);
    expect((await sms.post(STATUS_PATH, fields, { signedUrl: `${PUBLIC_URL}${INBOUND_PATH}` })).status).toBe(403);
    expect((await sms.post(STATUS_PATH, [['MessageSid', sid], ['MessageStatus', 'exploded']])).status).toBe(400);
    expect(await providerStatus(sid)).toBeNull();
  });

  it('answers a status for a message it never sent with 204 and records nothing', async () => {
    const unknown = sms.newSid();
    expect((await sms.status(unknown, 'delivered')).status).toBe(204);
    expect(await core.store.deliveries.findByExternalId('sms', unknown)).toBeNull();
  });
});
