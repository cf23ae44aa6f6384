// The fake speaks Twilio's wire format, so code that works against it works against Twilio.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from './twilio-api.ts';

let api: FakeTwilio;
beforeEach(async () => {
  api = await startFakeTwilio();
});
afterEach(() => api.close());

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

const create = async (form: Record<string, string>, authorization = basic(api.accountSid, api.authToken)) => {
  const res = await fetch(`${api.apiBase}/2010-04-01/Accounts/${api.accountSid}/Messages.json`, {
    method: 'POST',
    headers: { authorization },
    body: new URLSearchParams(form),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
};

const form = { To: '+14155550123', From: '+15005550006', Body: 'Hola, ¿qué tal?', StatusCallback: 'https://x.example/status' };

describe('the fake Twilio REST API', () => {
  it('answers a create with a queued Message resource and records the message', async () => {
    const r = await create(form);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      account_sid: api.accountSid, to: form.To, from: form.From, body: form.Body, status: 'queued', direction: 'outbound-api',
      num_segments: '1', num_media: '0', error_code: null, price: null, api_version: '2010-04-01',
    });
    expect(r.json.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(r.json.uri).toBe(`/2010-04-01/Accounts/${api.accountSid}/Messages/${String(r.json.sid)}.json`);
    expect(String(r.json.date_created)).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(api.sent).toEqual([{ sid: r.json.sid, to: form.To, from: form.From, body: form.Body, statusCallback: form.StatusCallback, params: form }]);
    expect(api.calls).toMatchObject([{ method: 'POST', status: 201 }]);
  });

  it('refuses wrong credentials with 401 and code 20003', async () => {
    const r = await create(form, basic(api.accountSid, 'nope'));
    expect(r).toMatchObject({ status: 401, json: { code: 20003, status: 401, more_info: 'https://www.twilio.com/docs/errors/20003' } });
    expect(api.sent).toHaveLength(0);
  });

  it.each([
    [{ ...form, To: '' }, 21604],
    [{ ...form, From: '' }, 21603],
    [{ ...form, Body: '' }, 21602],
    [{ ...form, Body: 'a'.repeat(1601) }, 21617],
    [{ ...form, To: '555-0123' }, 21211],
  ])('validates like Twilio: %#', async (body, code) => {
    expect(await create(body)).toMatchObject({ status: 400, json: { code, status: 400 } });
  });

  it('plays scripted failures on the next calls, then succeeds', async () => {
    api.fail({ kind: 'rate_limited', retryAfter: 3 }, { times: 2 });
    api.fail({ kind: 'opted_out' });
    const first = await create(form);
    expect(first).toMatchObject({ status: 429, json: { code: 20429 } });
    expect(first.headers.get('retry-after')).toBe('3');
    expect((await create(form)).status).toBe(429);
    expect(await create(form)).toMatchObject({ status: 400, json: { code: 21610 } });
    expect((await create(form)).status).toBe(201);
    expect(api.calls.map((c) => c.status)).toEqual([429, 429, 400, 201]);
  });

  it('serves media only with credentials, and deletes it', async () => {
    const url = api.addMedia(new Uint8Array([1, 2, 3]), 'image/jpeg');
    expect(url).toMatch(new RegExp(`^${api.apiBase}/2010-04-01/Accounts/${api.accountSid}/Messages/MM[0-9a-f]{32}/Media/ME[0-9a-f]{32}$`));
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: basic(api.accountSid, api.authToken) } });
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    const del = await fetch(`${url}.json`, { method: 'DELETE', headers: { authorization: basic(api.accountSid, api.authToken) } });
    expect(del.status).toBe(204);
    expect(api.mediaDeleted).toEqual([url]);
  });

  it('redirects media to a short-lived path that needs no credentials', async () => {
    const url = api.addMedia(new Uint8Array([9]), 'image/png', { redirect: 'same_server' });
    const res = await fetch(url, { headers: { authorization: basic(api.accountSid, api.authToken) }, redirect: 'manual' });
    expect(res.status).toBe(307);
    const cdn = res.headers.get('location')!;
    expect(cdn).toMatch(new RegExp(`^${api.apiBase}/cdn/[0-9a-f]{32}$`));
    expect(new Uint8Array(await (await fetch(cdn)).arrayBuffer())).toEqual(new Uint8Array([9]));
  });
});
