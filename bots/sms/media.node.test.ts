// Photos sent by MMS for a document request, through the real HTTP app and a fake Twilio on
// 127.0.0.1: stored for the one open request (or the one the client picks by number), then
// deleted at Twilio; refused when too big, from a host not allowed, or not what it claims to be.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { channelRow, clientRow, documentRequestRow, insert, sampleFile, world, type World } from '../../test/support/fixtures.ts';
import { PUBLIC_URL, startSms, type SmsHarness } from '../../test/support/sms.ts';
import { startFakeTwilio } from '../../test/fakes/twilio-api.ts';
import type { DocumentRequest } from '../../src/domain/types.ts';
import { SMS_MEDIA_MAX_BYTES } from './conversation/documents.ts';

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

const t = (key: string, vars?: Record<string, string | number>) => core.t('en', key, vars);
const url = { url: PUBLIC_URL };
const request = async (kind = 'Pay stub', over: Partial<DocumentRequest> = {}) => {
  const r = documentRequestRow(core, w.alice, { kind, ...over });
  await insert(core, core.store.documents.insertRequest(r));
  return r;
};
const requestNow = async (r: DocumentRequest) => (await core.store.documents.getRequest(w.scope, r.id))!;
const documents = () => core.store.documents.listForClient(w.scope, w.alice.id);
const staffNotices = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.template === 'staff.document_uploaded');
const last = () => sms.lastTo(ALICE);
const jpeg = () => sampleFile('jpeg', 2048);

describe('a photo for the one open request', () => {
  it('is stored for it, the caseworker told, and the media deleted at Twilio', async () => {
    const r = await request();
    const photo = sms.photo(jpeg());
    await sms.text(ALICE, '', { media: [photo] });
    expect(last()).toBe(t('sms.documents.received'));
    const docs = await documents();
    expect(docs.map((d) => [d.requestId, d.detectedType, d.size, d.channel])).toEqual([[r.id, 'image/jpeg', 2048, 'sms']]);
    expect((await requestNow(r)).status).toBe('uploaded');
    expect(await staffNotices()).toHaveLength(1);
    expect(sms.api.mediaDeleted).toEqual([photo.url]);
    // Downloaded with the account's credentials, once.
    const auth = `Basic ${Buffer.from(`${sms.api.accountSid}:${sms.api.authToken}`).toString('base64')}`;
    expect(sms.api.mediaRequests).toEqual([{ path: new URL(photo.url).pathname, authorization: auth, status: 200 }]);
  });

  it('follows Twilio’s redirect to its CDN, and the words sent with the photo reach the caseworker', async () => {
    const r = await request();
    const photo = { url: sms.api.addMedia(sampleFile('png', 512), 'image/png', { redirect: 'same_server' }), contentType: 'image/png' };
    await sms.text(ALICE, 'Here is my pay stub', { media: [photo] });
    expect((await documents()).map((d) => [d.requestId, d.detectedType])).toEqual([[r.id, 'image/png']]);
    const said = (await core.store.messages.listForClient(w.scope, w.alice.id)).filter((m) => m.direction === 'in').map((m) => m.body);
    expect(said).toEqual(['Here is my pay stub']);
    // One answer: the photo's, not also "sent to your caseworker".
    expect(sms.received(ALICE)).toEqual([t('sms.documents.received')]);
  });
});

describe('several open requests', () => {
  it('asks which one by number, and the number stores the photo for it', async () => {
    const payStub = await request('Pay stub');
    const lease = await request('Lease', { dueAt: payStub.dueAt! + 24 * 3600_000 });
    const photo = sms.photo(jpeg());
    await sms.text(ALICE, '', { media: [photo] });
    expect(last()).toBe(t('sms.documents.pick', { list: '1 Pay stub\n2 Lease' }));
    expect(await documents()).toEqual([]);
    await sms.text(ALICE, '2');
    expect(last()).toBe(t('sms.documents.received'));
    expect((await documents()).map((d) => d.requestId)).toEqual([lease.id]);
    expect([(await requestNow(payStub)).status, (await requestNow(lease)).status]).toEqual(['requested', 'uploaded']);
    expect(sms.api.mediaDeleted).toEqual([photo.url]);
  });

  it('answers a number that is not on the list with "not understood" and keeps asking', async () => {
    await request('Pay stub');
    const lease = await request('Lease');
    await sms.text(ALICE, '', { media: [sms.photo(jpeg())] });
    await sms.text(ALICE, '5');
    expect(last()).toBe(t('sms.not_understood'));
    await sms.text(ALICE, '2');
    expect((await documents()).map((d) => d.requestId)).toEqual([lease.id]);
  });

  it('names no request to a client who asked for neutral wording', async () => {
    const NOOR = '+15555550104';
    const noor = clientRow(core, w.agency.id, { staffId: w.staff.id, neutralWording: true });
    const requests = [documentRequestRow(core, noor, { kind: 'Protective order' }), documentRequestRow(core, noor, { kind: 'Lease' })];
    await insert(core, core.store.clients.insert(noor), core.store.channels.insert(channelRow(core, noor, { address: NOOR })), ...requests.map((r) => core.store.documents.insertRequest(r)));
    await sms.text(NOOR, '', { media: [sms.photo(jpeg())] });
    const list = [1, 2].map((n) => `${n} ${t('sms.documents.item_neutral', { n })}`).join('\n');
    expect(sms.lastTo(NOOR)).toBe(t('sms.documents.pick', { list }));
    await sms.text(NOOR, '1');
    expect(sms.lastTo(NOOR)).toBe(t('sms.documents.received_neutral'));
  });
});

describe('what is refused', () => {
  it.each([
    ['announced by its length', false],
    ['streamed without a length', true],
  ])('a photo over 5 MB, %s: too big, nothing stored', async (_how, chunked) => {
    const r = await request();
    const big = { url: sms.api.addMedia(sampleFile('jpeg', SMS_MEDIA_MAX_BYTES + 1), 'image/jpeg', { chunked }), contentType: 'image/jpeg' };
    await sms.text(ALICE, '', { media: [big] });
    expect(last()).toBe(t('sms.documents.too_big', url));
    expect(await documents()).toEqual([]);
    expect((await requestNow(r)).status).toBe('requested');
    // not kept at Twilio either: the client is asked to send a smaller one
    expect(sms.api.mediaDeleted).toEqual([big.url]);
  });

  it('a media URL on a host that is not allowed: failed, and nothing is fetched from that host', async () => {
    const elsewhere = await startFakeTwilio({ accountSid: sms.api.accountSid, authToken: sms.api.authToken });
    try {
      const r = await request();
      await sms.text(ALICE, '', { media: [{ url: elsewhere.addMedia(jpeg(), 'image/jpeg'), contentType: 'image/jpeg' }] });
      expect(last()).toBe(t('sms.documents.failed', url));
      expect(elsewhere.mediaRequests).toEqual([]);
      expect(await documents()).toEqual([]);
      expect((await requestNow(r)).status).toBe('requested');
    } finally {
      await elsewhere.close();
    }
  });

  it('a redirect to a host that is not allowed: failed, nothing fetched there, nothing stored', async () => {
    const elsewhere = await startFakeTwilio();
    try {
      await request();
      const away = sms.api.addMedia(jpeg(), 'image/jpeg', { redirect: elsewhere.cdnFile(jpeg(), 'image/jpeg') });
      await sms.text(ALICE, '', { media: [{ url: away, contentType: 'image/jpeg' }] });
      expect(last()).toBe(t('sms.documents.failed', url));
      expect(elsewhere.mediaRequests).toEqual([]);
      expect(await documents()).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('a spoofed type (announced image/jpeg, the bytes are text): wrong type, nothing stored', async () => {
    const r = await request();
    const text = new TextEncoder().encode('this is not a picture at all, just words\n'.repeat(20));
    const fake = { url: sms.api.addMedia(text, 'image/jpeg'), contentType: 'image/jpeg' };
    await sms.text(ALICE, '', { media: [fake] });
    expect(last()).toBe(t('sms.documents.wrong_type', url));
    expect(await documents()).toEqual([]);
    expect((await requestNow(r)).status).toBe('requested');
    expect(sms.api.mediaDeleted).toEqual([fake.url]);
  });

  it('a photo when no document is asked for: nothing open, nothing fetched or stored, Twilio’s copy deleted', async () => {
    const photo = sms.photo(jpeg());
    await sms.text(ALICE, '', { media: [photo] });
    expect(last()).toBe(t('sms.documents.nothing_open'));
    expect(sms.api.mediaRequests).toEqual([]);
    expect(await documents()).toEqual([]);
    expect(sms.api.mediaDeleted).toEqual([photo.url]);
  });
});
