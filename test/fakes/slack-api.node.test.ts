// The fake speaks Slack's wire format, so code that works against it works against Slack.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifySlackRequest } from '../../bots/slack/verify.ts';
import { signedSlackRequest, startFakeSlack, type FakeSlack } from './slack-api.ts';

let api: FakeSlack;
beforeEach(async () => {
  api = await startFakeSlack();
});
afterEach(() => api.close());

const post = async (method: string, body: string, headers: Record<string, string>) => {
  const res = await fetch(`${api.apiUrl}${method}`, { method: 'POST', headers, body });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
};
const bearer = () => ({ authorization: `Bearer ${api.token}` });
const JSON_UTF8 = { 'content-type': 'application/json; charset=utf-8' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the fake Slack Web API', () => {
  it('serves under /api/ and answers chat.postMessage as Slack does', async () => {
    expect(api.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    const r = await post('chat.postMessage', JSON.stringify({ channel: 'C1', text: 'hello' }), { ...bearer(), ...JSON_UTF8 });
    expect(r).toMatchObject({ status: 200, json: { ok: true, channel: 'C1', ts: '1700000000.000100', message: { text: 'hello', user: api.botUserId, bot_id: api.botId } } });
    expect(r.json).not.toHaveProperty('warning');
  });

  it('wants a token: none is not_authed, a wrong one invalid_auth, a form field will do', async () => {
    const body = JSON.stringify({ channel: 'C1', text: 'x' });
    expect((await post('chat.postMessage', body, JSON_UTF8)).json).toEqual({ ok: false, error: 'not_authed' });
    expect((await post('chat.postMessage', body, { authorization: 'Bearer nope', ...JSON_UTF8 })).json).toEqual({ ok: false, error: 'invalid_auth' });
    const form = new URLSearchParams({ token: api.token, channel: 'C1', text: 'x', blocks: '[{"type":"divider"}]' }).toString();
    expect((await post('chat.postMessage', form, FORM)).json).toMatchObject({ ok: true });
    expect(api.messages[0]!.blocks).toEqual([{ type: 'divider' }]);
    expect(api.calls.map((c) => c.error)).toEqual(['not_authed', 'invalid_auth', null]);
    expect(api.calls[2]!.params).not.toHaveProperty('token');
  });

  it('warns about a JSON body without a charset, and refuses bad JSON and other body types', async () => {
    const r = await post('auth.test', '{}', { ...bearer(), 'content-type': 'application/json' });
    expect(r.json).toMatchObject({ ok: true, warning: 'missing_charset', response_metadata: { warnings: ['missing_charset'] } });
    expect((await post('auth.test', '{nope', { ...bearer(), ...JSON_UTF8 })).json).toEqual({ ok: false, error: 'invalid_json' });
    expect((await post('auth.test', 'x', { ...bearer(), 'content-type': 'text/xml' })).json).toEqual({ ok: false, error: 'invalid_post_type' });
  });

  it('validates like Slack', async () => {
    const call = async (method: string, params: object) => (await post(method, JSON.stringify(params), { ...bearer(), ...JSON_UTF8 })).json.error;
    expect(await call('chat.postMessage', { channel: 'C1' })).toBe('no_text');
    expect(await call('chat.postMessage', { text: 'x' })).toBe('channel_not_found');
    expect(await call('chat.postMessage', { channel: 'C1', text: 'a'.repeat(40_001) })).toBe('msg_too_long');
    expect(await call('chat.postMessage', { channel: 'C1', text: 'x', blocks: 'nope' })).toBe('invalid_blocks');
    const mine = api.userMessage({ channel: 'C1', user: 'U0PERSON', text: 'hi' });
    expect(await call('chat.update', { channel: 'C1', ts: mine.ts, text: 'edited' })).toBe('cant_update_message');
    expect(await call('reactions.add', { channel: 'C1', timestamp: mine.ts, name: ':tada:' })).toBe('invalid_name');
    expect(await call('views.open', { trigger_id: api.triggerId(), view: { type: 'home' } })).toBe('invalid_arguments');
    expect(await call('views.publish', { user_id: 'U1', view: { type: 'modal' } })).toBe('invalid_arguments');
  });

  it('reads users.info from a form or the query, and ignores a JSON body there', async () => {
    api.addUser({ id: 'U0ANA', real_name: 'Ana' });
    expect((await post('users.info', 'user=U0ANA', { ...bearer(), ...FORM })).json).toMatchObject({ ok: true, user: { id: 'U0ANA', real_name: 'Ana' } });
    expect((await post('users.info?user=U0ANA', '', bearer())).json).toMatchObject({ ok: true });
    expect((await post('users.info', '{"user":"U0ANA"}', { ...bearer(), ...JSON_UTF8 })).json).toEqual({ ok: false, error: 'user_not_found' });
  });

  it('plays scripted failures on the named method, then succeeds', async () => {
    api.fail({ kind: 'ratelimited', retryAfter: 7 }, { method: 'auth.test' });
    api.fail({ kind: 'server_error', status: 502 }, { method: 'auth.test' });
    api.fail({ kind: 'error', error: 'account_inactive' }, { method: 'auth.test' });
    const first = await post('auth.test', '{}', { ...bearer(), ...JSON_UTF8 });
    expect(first).toMatchObject({ status: 429, json: { ok: false, error: 'ratelimited' } });
    expect(first.headers.get('retry-after')).toBe('7');
    const res = await fetch(`${api.apiUrl}auth.test`, { method: 'POST', headers: bearer() });
    expect([res.status, await res.text()]).toEqual([502, 'Internal Server Error']);
    expect((await post('auth.test', '{}', { ...bearer(), ...JSON_UTF8 })).json).toEqual({ ok: false, error: 'account_inactive' });
    expect((await post('auth.test', '{}', { ...bearer(), ...JSON_UTF8 })).json).toMatchObject({ ok: true });
    expect(api.calls.map((c) => [c.status, c.error])).toEqual([[429, 'ratelimited'], [502, 'server_error'], [200, 'account_inactive'], [200, null]]);
  });

  it('answers an unknown method with 404', async () => {
    const r = await post('chat.nope', '{}', { ...bearer(), ...JSON_UTF8 });
    expect(r).toMatchObject({ status: 404, json: { ok: false, error: 'unknown_method' } });
    expect(api.calls).toHaveLength(0);
  });

  it('records what the app posts to a response_url', async () => {
    const url = api.responseUrl();
    const res = await fetch(url, { method: 'POST', headers: JSON_UTF8, body: JSON.stringify({ response_type: 'ephemeral', text: 'Usage: …' }) });
    expect([res.status, await res.text()]).toEqual([200, 'ok']);
    expect(api.responses).toEqual([{ url, body: { response_type: 'ephemeral', text: 'Usage: …' } }]);
    expect((await fetch(`${url}0`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('signed requests as Slack sends them', () => {
  const signingSecret = 'test-signing-secret';
  const check = (r: { headers: Record<string, string>; body: string }, now = Date.now()) =>
    verifySlackRequest({ signingSecret, rawBody: r.body, timestampHeader: r.headers['x-slack-request-timestamp'], signatureHeader: r.headers['x-slack-signature'], now });

  it('sends events as JSON', async () => {
    const event = { type: 'event_callback', event_id: 'Ev1', event: { type: 'message', text: 'hola' } };
    const r = await signedSlackRequest({ signingSecret, contentType: 'json', body: event, timestamp: 1_700_000_000 });
    expect(r.headers).toMatchObject({ 'content-type': 'application/json', 'x-slack-request-timestamp': '1700000000' });
    expect(JSON.parse(r.body)).toEqual(event);
    expect(await check(r, 1_700_000_000_000)).toEqual({ ok: true });
    expect(await check(r)).toEqual({ ok: false, reason: 'stale' });
  });

  it('sends interactivity as a form field `payload` holding JSON', async () => {
    const payload = { type: 'block_actions', trigger_id: api.triggerId(), actions: [{ action_id: 'approve', value: 'r1' }] };
    const r = await signedSlackRequest({ signingSecret, contentType: 'payload', body: payload });
    expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(JSON.parse(new URLSearchParams(r.body).get('payload')!)).toEqual(payload);
    expect(await check(r)).toEqual({ ok: true });
  });

  it('sends slash commands as form fields, and marks retries', async () => {
    const fields = { command: '/casebridge', text: 'client Dana R', user_id: 'U0ANA', response_url: api.responseUrl() };
    const r = await signedSlackRequest({ signingSecret, contentType: 'form', body: fields, retryNum: 1 });
    expect(Object.fromEntries(new URLSearchParams(r.body))).toEqual(fields);
    expect(r.headers).toMatchObject({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(await check(r)).toEqual({ ok: true });
    expect(await check({ ...r, body: r.body.replace('Dana', 'Dina') })).toEqual({ ok: false, reason: 'bad_signature' });
  });
});
