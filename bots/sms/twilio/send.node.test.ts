import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../../../test/fakes/twilio-api.ts';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import type { OutboundMessage, SendResult } from '../../../src/ports/channel-sender.ts';
import { keyedThrottle } from '../../../src/runtime/throttle.ts';
import { classifyRefusal, retryAfterMs, smsPacing, twilioSender } from './send.ts';

let core: TestCore;
let api: FakeTwilio;
let n = 0;
const FROM = '+15005550006';

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  api = await startFakeTwilio();
});
afterEach(() => api.close());

/** The sender against the fake; its pacing sleeps on the test clock, never for real. */
const sender = (over: { authToken?: string; apiBase?: string; timeoutMs?: number; rate?: number; statusCallbackUrl?: string | null } = {}) =>
  twilioSender({
    accountSid: api.accountSid,
    authToken: over.authToken ?? api.authToken,
    from: FROM,
    apiBase: over.apiBase ?? api.apiBase,
    statusCallbackUrl: over.statusCallbackUrl === undefined ? 'https://casebridge.example/webhooks/sms/twilio/status' : over.statusCallbackUrl,
    deliveries: core.store.deliveries,
    clock: core.clock,
    throttle: keyedThrottle({ clock: core.clock, sleep: async (ms) => core.clock.advance(ms), ...smsPacing(over.rate) }),
    ...(over.timeoutMs ? { timeoutMs: over.timeoutMs } : {}),
  });

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => {
  n += 1;
  return {
    outboxId: `out-${n}`,
    idempotencyKey: `test:out-${n}`,
    agencyId: 'agy-1',
    clientId: 'cli-1',
    channel: 'sms',
    to: '+14155550123',
    template: 'notify.staff_reply',
    text: 'You have a message. Reply MENU.',
    payload: {},
    ...over,
  };
};

const noSecrets = (r: SendResult) => {
  expect(JSON.stringify(r)).not.toContain(api.authToken);
};

describe('sending through Twilio', () => {
  it('posts To, From, Body and StatusCallback with Basic auth, and records the SM sid', async () => {
    const m = message({ text: 'Mañana 10:00. Responda 1 para confirmar.' });
    const r = await sender().send(m);
    expect(api.sent).toHaveLength(1);
    const sms = api.sent[0]!;
    expect(r).toEqual({ ok: true, externalId: sms.sid });
    expect(sms.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sms).toMatchObject({ to: '+14155550123', from: FROM, body: m.text, statusCallback: 'https://casebridge.example/webhooks/sms/twilio/status' });
    expect(Object.keys(sms.params).sort()).toEqual(['Body', 'From', 'StatusCallback', 'To']);
    expect(await core.store.deliveries.find(m.idempotencyKey)).toEqual({ externalId: sms.sid });
  });

  it('leaves StatusCallback out when none is configured', async () => {
    expect((await sender({ statusCallbackUrl: null }).send(message())).ok).toBe(true);
    expect(api.sent[0]!.params).not.toHaveProperty('StatusCallback');
  });

  it('does not call Twilio again for a key it already delivered', async () => {
    const m = message();
    const s = sender();
    const first = await s.send(m);
    expect(await s.send(m)).toEqual(first);
    expect(await sender().send(m)).toEqual(first);
    expect(api.calls).toHaveLength(1);
  });

  it('refuses a text over 1,600 characters without calling Twilio, and sends one of exactly 1,600', async () => {
    expect(await sender().send(message({ text: 'a'.repeat(1601) }))).toEqual({ ok: false, retryable: false, error: 'sms_too_long' });
    expect(api.calls).toHaveLength(0);
    expect((await sender().send(message({ text: 'a'.repeat(1600) }))).ok).toBe(true);
  });

  it.each(['4155550123', '+1 415 555 0123', 'tg:4242', '', '+0123'])('refuses %j as not E.164, without calling Twilio', async (to) => {
    expect(await sender().send(message({ to }))).toEqual({ ok: false, retryable: false, error: 'sms_bad_address' });
    expect(api.calls).toHaveLength(0);
  });

  it('passes on a 429 as retryable with its Retry-After, and sends on the next attempt', async () => {
    api.fail({ kind: 'rate_limited', retryAfter: 7 });
    const m = message();
    expect(await sender().send(m)).toEqual({ ok: false, retryable: true, retryAfterMs: 7000, error: 'sms_rate_limited' });
    expect(await core.store.deliveries.find(m.idempotencyKey)).toBeNull();
    expect((await sender().send(m)).ok).toBe(true);
    expect(api.sent).toHaveLength(1);
  });

  it('treats code 20429 as rate limiting whatever the status, without a Retry-After', async () => {
    api.fail({ kind: 'error', status: 400, code: 20429 });
    expect(await sender().send(message())).toEqual({ ok: false, retryable: true, error: 'sms_rate_limited' });
  });

  it.each([500, 503])('treats a %i as retryable', async (status) => {
    api.fail({ kind: 'server_error', status });
    expect(await sender().send(message())).toEqual({ ok: false, retryable: true, error: `sms_unavailable_${status}` });
  });

  it('marks a number that texted STOP (21610) as opted out', async () => {
    api.fail({ kind: 'opted_out' });
    expect(await sender().send(message())).toEqual({ ok: false, retryable: false, error: 'sms_opted_out', gone: 'opted_out' });
  });

  it('marks an invalid number (21211) as unreachable', async () => {
    api.fail({ kind: 'invalid_number' });
    const r = await sender().send(message());
    expect(api.calls[0]!.status).toBe(400);
    expect(r).toEqual({ ok: false, retryable: false, error: 'sms_invalid_number', gone: 'unreachable' });
  });

  it.each([
    [21614, 'sms_not_mobile', 'unreachable'],
    [21612, 'sms_unroutable', 'unreachable'],
    [21408, 'sms_region_not_permitted', undefined],
    [21617, 'sms_rejected_21617', undefined],
    [30007, 'sms_rejected_30007', undefined],
  ] as const)('gives up on code %i as %s', async (code, error, gone) => {
    api.fail({ kind: 'error', status: 400, code, message: `Refused for +14155550123 (${code})` });
    const r = await sender().send(message());
    expect(r).toEqual({ ok: false, retryable: false, error, ...(gone ? { gone } : {}) });
    expect(JSON.stringify(r)).not.toContain('+1415');
  });

  it('gives up on a wrong auth token (20003), without saying either token', async () => {
    const wrong = 'WRONG-secret-auth-token';
    const r = await sender({ authToken: wrong }).send(message());
    expect(r).toEqual({ ok: false, retryable: false, error: 'sms_unauthorized' });
    expect(JSON.stringify(r)).not.toContain(wrong);
    noSecrets(r);
  });

  it('treats a time-out as retryable', async () => {
    api.fail({ kind: 'hang' });
    expect(await sender({ timeoutMs: 200 }).send(message())).toEqual({ ok: false, retryable: true, error: 'sms_timeout' });
    expect(api.calls).toHaveLength(1);
  });

  it('treats an unreachable server as retryable', async () => {
    const gone = await startFakeTwilio();
    await gone.close();
    const r = await sender({ apiBase: gone.apiBase }).send(message());
    expect(r).toEqual({ ok: false, retryable: true, error: 'sms_network_error' });
    noSecrets(r);
  });

  it('treats a 2xx without a message sid as retryable', async () => {
    const fake = twilioSender({
      accountSid: api.accountSid, authToken: api.authToken, from: FROM, apiBase: api.apiBase, deliveries: core.store.deliveries, clock: core.clock,
      throttle: { wait: async () => {} }, fetch: async () => new Response('{"status":"queued"}', { status: 201 }),
    });
    expect(await fake.send(message())).toEqual({ ok: false, retryable: true, error: 'sms_bad_response' });
  });

  it('paces its number: one message a second by default, whoever the recipients', async () => {
    const s = sender();
    const t0 = core.clock.now();
    const times: number[] = [];
    for (const to of ['+14155550123', '+14155550124', '+14155550123']) {
      await s.send(message({ to }));
      times.push(core.clock.now() - t0);
    }
    expect(times).toEqual([0, 1000, 2000]);
  });

  it('paces at a configured rate', async () => {
    const s = sender({ rate: 4 });
    const t0 = core.clock.now();
    for (let i = 0; i < 5; i++) await s.send(message());
    expect(core.clock.now() - t0).toBe(1000);
    expect(() => smsPacing(0)).toThrow(/above 0/);
  });
});

describe('reading refusals', () => {
  it('classifies by code first, then by status', () => {
    expect(classifyRefusal(401, null)).toEqual({ retryable: false, error: 'sms_unauthorized' });
    expect(classifyRefusal(404, 20404)).toEqual({ retryable: false, error: 'sms_rejected_20404' });
    expect(classifyRefusal(400, null)).toEqual({ retryable: false, error: 'sms_rejected_http_400' });
    expect(classifyRefusal(502, null)).toEqual({ retryable: true, error: 'sms_unavailable_502' });
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-03-02T15:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 15:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Mon, 02 Mar 2026 14:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
