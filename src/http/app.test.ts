import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { world } from '../../test/support/fixtures.ts';
import { createApp } from './app.ts';
import { pickLocale } from './middleware/locale/index.ts';

let core: TestCore;
beforeEach(async () => {
  core = await makeCore();
});

const recordDev = (id: string, text: string, at: number, agencyId: string) =>
  core.store.devOutbox.record({
    id: `dev_${id}`,
    agencyId,
    outboxId: id,
    idempotencyKey: `k-${id}`,
    channel: 'sms',
    toAddress: '+15555550101',
    clientId: null,
    text,
    payload: '{}',
    createdAt: at,
  });

describe('GET /healthz', () => {
  it('answers {"ok":true} after the database answered', async () => {
    const res = await createApp({ core, demo: false, publicUrl: 'http://localhost:8787' }).request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers 503 when the database does not', async () => {
    const broken = { ...core, store: { ...core.store, ping: async () => Promise.reject(new Error('disk gone')) } };
    const res = await createApp({ core: broken, demo: false, publicUrl: 'http://localhost:8787' }).request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false });
  });
});

describe('dev outbox', () => {
  it('lists every message that would have gone out, newest first, in demo mode', async () => {
    const w = await world(core);
    expect(await recordDev('out_1', 'first', 1_000, w.agency.id)).toBe(true);
    expect(await recordDev('out_2', 'second', 2_000, w.agency.id)).toBe(true);
    expect(await recordDev('out_2', 'second again', 3_000, w.agency.id)).toBe(false);
    const app = createApp({ core, demo: true, publicUrl: 'http://localhost:8787' });
    const res = await app.request('/dev/outbox.json');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>[];
    expect(body.map((m) => m.text)).toEqual(['second', 'first']);
    expect(Object.keys(body[0]!).sort()).toEqual(['channel', 'clientId', 'createdAt', 'id', 'status', 'text', 'to']);
    expect(body[0]).toMatchObject({ id: 'out_2', channel: 'sms', to: '+15555550101', createdAt: '1970-01-01T00:00:02.000Z' });
    const page = await app.request('/dev/outbox', { headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="es"');
    expect(html).toContain('second');
  });

  it('does not exist when demo mode is off', async () => {
    const app = createApp({ core, demo: false, publicUrl: 'http://localhost:8787' });
    expect((await app.request('/dev/outbox.json')).status).toBe(404);
    expect((await app.request('/dev/outbox')).status).toBe(404);
    expect((await app.request('/dev')).status).toBe(404);
  });
});

describe('headers and errors', () => {
  it('sends the security headers on every response, HSTS only over https', async () => {
    const res = await createApp({ core, demo: true, publicUrl: 'http://localhost:8787' }).request('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const secure = await createApp({ core, demo: true, publicUrl: 'https://casebridge.example.org' }).request('/healthz');
    expect(secure.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('maps a locked database to 503 with Retry-After and hides other failures behind a reference', async () => {
    const locked = {
      ...core,
      store: { ...core.store, devOutbox: { ...core.store.devOutbox, list: () => Promise.reject(new Error('SQLITE_BUSY: database is locked')) } },
    };
    const logged: string[] = [];
    const quiet = { core: locked, demo: true, publicUrl: 'http://localhost:8787', logError: (m: string) => logged.push(m) };
    const app = createApp(quiet);
    const res = await app.request('/dev/outbox.json');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const exploding = {
      ...core,
      store: { ...core.store, devOutbox: { ...core.store.devOutbox, list: () => Promise.reject(new Error('secret detail')) } },
    };
    const res2 = await createApp({ ...quiet, core: exploding }).request('/dev/outbox');
    expect(res2.status).toBe(500);
    const text = await res2.text();
    expect(text).not.toContain('secret detail');
    expect(text).toContain(core.t('en', 'http.server_error'));
    // The reference in the answer is the one in the log, so support can find the cause.
    expect(logged[1]).toContain(text.match(/\(([0-9a-f]{8})\)/)![1]);
  });
});

describe('pickLocale', () => {
  it('honours q-values and falls back to English', () => {
    expect(pickLocale('fr-FR, ar;q=0.8, en;q=0.5')).toBe('ar');
    expect(pickLocale('zh-CN')).toBe('zh-Hans');
    expect(pickLocale('de')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
    expect(pickLocale('en-GB, es;q=0.9')).toBe('en');
  });
});
