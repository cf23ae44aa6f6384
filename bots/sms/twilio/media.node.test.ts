import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../../../test/fakes/twilio-api.ts';
import { allowedMediaUrl, deleteTwilioMedia, fetchTwilioMedia, TWILIO_MEDIA_HOSTS } from './media.ts';

let api: FakeTwilio;
/** a second server: another host, as Twilio's CDN is */
let cdn: FakeTwilio;
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);

beforeEach(async () => {
  api = await startFakeTwilio();
  cdn = await startFakeTwilio();
});
afterEach(async () => {
  await api.close();
  await cdn.close();
});

const hostOf = (base: string) => new URL(base).host;
const auth = () => `Basic ${Buffer.from(`${api.accountSid}:${api.authToken}`).toString('base64')}`;

const download = (url: string, over: Partial<Parameters<typeof fetchTwilioMedia>[0]> = {}) =>
  fetchTwilioMedia({
    url,
    accountSid: api.accountSid,
    authToken: api.authToken,
    allowedHosts: [hostOf(api.apiBase), hostOf(cdn.apiBase)],
    maxBytes: 1024,
    ...over,
  });

describe('the media host rule', () => {
  it.each([
    ['https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', true],
    ['https://API.Twilio.com/x', true],
    ['https://mms.twiliocdn.com/AC1/abc?Expires=1', true],
    ['https://api.twilio.com:443/x', true],
    ['http://api.twilio.com/x', false],
    ['https://api.twilio.com:8443/x', false],
    ['https://AC1:token@api.twilio.com/x', false],
    ['https://api.twilio.com.evil.example/x', false],
    ['https://evil.example/api.twilio.com', false],
    ['https://s3-external-1.amazonaws.com/x', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(allowedMediaUrl(url, TWILIO_MEDIA_HOSTS) !== null).toBe(allowed);
  });

  it('takes plain http for this machine only (127.0.0.1, localhost), and only on a listed port', () => {
    expect(allowedMediaUrl('http://127.0.0.1:8080/m', ['127.0.0.1:8080'])).not.toBeNull();
    expect(allowedMediaUrl('http://127.0.0.1:8081/m', ['127.0.0.1:8080'])).toBeNull();
    expect(allowedMediaUrl('http://localhost:8080/m', ['localhost:8080'])).not.toBeNull();
    expect(allowedMediaUrl('http://localhost:8080/m', ['127.0.0.1:8080'])).toBeNull();
    expect(allowedMediaUrl('http://10.0.0.5:8080/m', ['10.0.0.5:8080'])).toBeNull();
  });
});

describe('downloading media', () => {
  it("downloads the bytes and type with the account's credentials", async () => {
    const url = api.addMedia(png, 'image/PNG; charset=binary');
    expect(await download(url)).toEqual({ ok: true, bytes: png, contentType: 'image/png' });
    expect(api.mediaRequests).toEqual([{ path: new URL(url).pathname, authorization: auth(), status: 200 }]);
  });

  it('follows a redirect on the same server, keeping the credentials there', async () => {
    const url = api.addMedia(png, 'image/png', { redirect: 'same_server' });
    expect(await download(url)).toMatchObject({ ok: true, bytes: png });
    expect(api.mediaRequests.map((r) => [r.status, r.authorization])).toEqual([[307, auth()], [200, auth()]]);
  });

  it('follows a redirect to another allowed host without sending the credentials there', async () => {
    const url = api.addMedia(png, 'image/png', { redirect: cdn.cdnFile(png, 'image/png') });
    expect(await download(url)).toMatchObject({ ok: true, bytes: png });
    expect(api.mediaRequests[0]).toMatchObject({ status: 307, authorization: auth() });
    expect(cdn.mediaRequests).toHaveLength(1);
    expect(cdn.mediaRequests[0]).toMatchObject({ status: 200, authorization: null });
  });

  it('refuses a redirect to a host not in the list, before requesting it', async () => {
    const url = api.addMedia(png, 'image/png', { redirect: cdn.cdnFile(png, 'image/png') });
    expect(await download(url, { allowedHosts: [hostOf(api.apiBase)] })).toEqual({ ok: false, error: 'media_host_not_allowed' });
    const sneaky = api.addMedia(png, 'image/png', { redirect: `http://localhost:${new URL(api.apiBase).port}/cdn/x` });
    expect(await download(sneaky)).toEqual({ ok: false, error: 'media_host_not_allowed' });
    expect(cdn.mediaRequests).toHaveLength(0);
  });

  it('refuses a first URL on a host not in the list without requesting it', async () => {
    const url = cdn.addMedia(png, 'image/png');
    expect(await download(url, { allowedHosts: [hostOf(api.apiBase)] })).toEqual({ ok: false, error: 'media_host_not_allowed' });
    expect(cdn.mediaRequests).toHaveLength(0);
  });

  it('follows at most 3 redirects', async () => {
    const chain = (hops: number) => {
      let url = api.addMedia(png, 'image/png');
      for (let i = 0; i < hops; i++) url = api.addMedia(png, 'image/png', { redirect: url });
      return url;
    };
    expect(await download(chain(3))).toMatchObject({ ok: true, bytes: png });
    expect(await download(chain(4))).toEqual({ ok: false, error: 'media_download_failed' });
  });

  it('refuses a body over maxBytes by its Content-Length, without reading it', async () => {
    let pulled = 0;
    const fetchBig: typeof fetch = async () =>
      new Response(new ReadableStream({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(1024))) }), { headers: { 'content-length': '6000000' } });
    expect(await download('https://api.twilio.com/m', { fetch: fetchBig, allowedHosts: TWILIO_MEDIA_HOSTS })).toEqual({ ok: false, error: 'media_too_large' });
    expect(pulled).toBeLessThanOrEqual(1);
    expect(await download(api.addMedia(new Uint8Array(1025), 'image/jpeg'))).toEqual({ ok: false, error: 'media_too_large' });
  });

  it('counts a body without Content-Length and stops reading past maxBytes', async () => {
    expect(await download(api.addMedia(new Uint8Array(1025), 'image/jpeg', { chunked: true }))).toEqual({ ok: false, error: 'media_too_large' });
    expect(await download(api.addMedia(new Uint8Array(1024), 'image/jpeg', { chunked: true }))).toMatchObject({ ok: true, bytes: new Uint8Array(1024) });
    let pulled = 0;
    const endless: typeof fetch = async () => new Response(new ReadableStream({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(100))) }));
    expect(await download('https://api.twilio.com/m', { fetch: endless, allowedHosts: TWILIO_MEDIA_HOSTS })).toEqual({ ok: false, error: 'media_too_large' });
    expect(pulled).toBeLessThan(15);
  });

  it('fails on a wrong token, a missing media, a time-out or a server that is gone', async () => {
    const url = api.addMedia(png, 'image/png');
    expect(await download(url, { authToken: 'wrong' })).toEqual({ ok: false, error: 'media_download_failed' });
    expect(await download(url.replace(/ME[0-9a-f]+$/, `ME${'0'.repeat(32)}`))).toEqual({ ok: false, error: 'media_download_failed' });
    const hang: typeof fetch = (_, init) => new Promise((_ok, ko) => init?.signal?.addEventListener('abort', () => ko(init.signal!.reason)));
    expect(await download(url, { fetch: hang, timeoutMs: 50 })).toEqual({ ok: false, error: 'media_download_failed' });
    await api.close();
    expect(await download(url)).toEqual({ ok: false, error: 'media_download_failed' });
    api = await startFakeTwilio();
  });
});

describe('deleting media', () => {
  const del = (url: string, over: Partial<Parameters<typeof deleteTwilioMedia>[0]> = {}) =>
    deleteTwilioMedia({ url, accountSid: api.accountSid, authToken: api.authToken, allowedHosts: [hostOf(api.apiBase)], ...over });

  it('deletes the Media resource with the credentials; already gone counts as done', async () => {
    const url = api.addMedia(png, 'image/png');
    expect(await del(url)).toBe(true);
    expect(api.mediaDeleted).toEqual([url]);
    expect(await download(url)).toEqual({ ok: false, error: 'media_download_failed' });
    expect(await del(url)).toBe(true);
    expect(api.mediaDeleted).toEqual([url]);
  });

  it('fails on a wrong token and never sends the credentials to a host not in the list', async () => {
    const url = api.addMedia(png, 'image/png');
    expect(await del(url, { authToken: 'wrong' })).toBe(false);
    expect(api.mediaDeleted).toEqual([]);
    const elsewhere = cdn.addMedia(png, 'image/png');
    expect(await del(elsewhere)).toBe(false);
    expect(cdn.mediaDeleted).toEqual([]);
  });
});
