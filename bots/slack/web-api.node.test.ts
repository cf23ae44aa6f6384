import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../test/fakes/slack-api.ts';
import { slackWebApi, type SlackCallResult } from './web-api.ts';

let api: FakeSlack;
beforeEach(async () => {
  api = await startFakeSlack();
});
afterEach(() => api.close());

const client = (over: { token?: string; apiUrl?: string; timeoutMs?: number; fetch?: typeof fetch } = {}) =>
  slackWebApi({ token: api.token, apiUrl: api.apiUrl, ...over });

/** A fetch answering every call with this body and status, as a broken proxy or an odd Slack might. */
const answering = (body: string, status = 200, headers: Record<string, string> = {}): typeof fetch => async () => new Response(body, { status, headers });

const noToken = (r: SlackCallResult<unknown>) => expect(JSON.stringify(r)).not.toContain(api.token);

describe('posting messages', () => {
  it('posts JSON with the bot token as a Bearer header, without unfurling, and returns ts and channel', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Dana* (es, SMS)' } }];
    const r = await client().postMessage({ channel: 'C0CASES', text: 'Dana (es, SMS)', blocks });
    expect(r).toEqual({ ok: true, value: { ts: '1700000000.000100', channel: 'C0CASES' } });
    expect(api.messages).toEqual([{ ts: '1700000000.000100', channel: 'C0CASES', thread_ts: undefined, text: 'Dana (es, SMS)', blocks, user: api.botUserId, edits: 0 }]);
    expect(api.calls[0]).toMatchObject({ method: 'chat.postMessage', contentType: 'application/json; charset=utf-8', status: 200, error: null });
    expect(api.calls[0]!.params).toMatchObject({ unfurl_links: false, unfurl_media: false });
  });

  it('replies in a thread, with increasing timestamps', async () => {
    const parent = await client().postMessage({ channel: 'C0CASES', text: 'Dana' });
    if (!parent.ok) throw new Error(parent.error);
    const reply = await client().postMessage({ channel: 'C0CASES', text: 'Can we move it?', thread_ts: parent.value.ts });
    expect(reply).toEqual({ ok: true, value: { ts: '1700000000.000200', channel: 'C0CASES' } });
    expect(api.messages[1]).toMatchObject({ thread_ts: parent.value.ts, text: 'Can we move it?' });
  });

  it('updates a message it posted, and refuses an unknown one', async () => {
    const sent = await client().postMessage({ channel: 'C0CASES', text: 'Request pending' });
    if (!sent.ok) throw new Error(sent.error);
    expect(await client().update({ channel: 'C0CASES', ts: sent.value.ts, text: 'Approved' })).toEqual({ ok: true, value: sent.value });
    expect(api.messages[0]).toMatchObject({ text: 'Approved', edits: 1 });
    expect(await client().update({ channel: 'C0CASES', ts: '1.000001', text: 'x' })).toEqual({ ok: false, retryable: false, error: 'message_not_found' });
  });

  it('posts an ephemeral message to one user', async () => {
    const r = await client().postEphemeral({ channel: 'C0CASES', user: 'U0WORKER', text: 'You are not mapped to a caseworker.', thread_ts: '1700000000.000100' });
    expect(r).toEqual({ ok: true, value: { message_ts: '1700000000.000100' } });
    expect(api.ephemerals).toEqual([{ message_ts: '1700000000.000100', channel: 'C0CASES', user: 'U0WORKER', text: 'You are not mapped to a caseworker.', thread_ts: '1700000000.000100', blocks: undefined }]);
  });
});

describe('reactions, views, users and identity', () => {
  it('adds a reaction to a person\'s message; one already there counts as added', async () => {
    const reply = api.userMessage({ channel: 'C0CASES', user: 'U0WORKER', text: 'See you at 3', thread_ts: '1700000000.000100' });
    expect(await client().reactionsAdd({ channel: 'C0CASES', timestamp: reply.ts, name: 'white_check_mark' })).toEqual({ ok: true, value: undefined });
    expect(await client().reactionsAdd({ channel: 'C0CASES', timestamp: reply.ts, name: 'white_check_mark' })).toEqual({ ok: true, value: undefined });
    expect(api.reactions).toEqual([{ channel: 'C0CASES', timestamp: reply.ts, name: 'white_check_mark' }]);
    expect(api.calls.map((c) => c.error)).toEqual([null, 'already_reacted']);
    expect(await client().reactionsAdd({ channel: 'C0CASES', timestamp: '9.000001', name: 'x' })).toEqual({ ok: false, retryable: false, error: 'message_not_found' });
  });

  it('opens a modal once per trigger', async () => {
    const trigger_id = api.triggerId();
    const view = { type: 'modal' as const, callback_id: 'decline_reason', title: { type: 'plain_text', text: 'Reason' }, blocks: [] };
    const r = await client().viewsOpen({ trigger_id, view });
    expect(r.ok && r.value.id).toMatch(/^V\d+$/);
    expect(api.views).toMatchObject([{ kind: 'open', trigger_id, view }]);
    expect(await client().viewsOpen({ trigger_id, view })).toEqual({ ok: false, retryable: false, error: 'exchanged_trigger_id' });
    expect(await client().viewsOpen({ trigger_id: 'nope', view })).toEqual({ ok: false, retryable: false, error: 'invalid_trigger_id' });
  });

  it('publishes an App Home, guarded by the hash of the last one', async () => {
    const view = { type: 'home' as const, blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Caseload' } }] };
    const first = await client().viewsPublish({ user_id: 'U0WORKER', view });
    if (!first.ok) throw new Error(first.error);
    const second = await client().viewsPublish({ user_id: 'U0WORKER', view, ...(first.value.hash ? { hash: first.value.hash } : {}) });
    expect(second.ok && second.value.id).toBe(first.value.id);
    expect(await client().viewsPublish({ user_id: 'U0WORKER', view, hash: 'stale' })).toEqual({ ok: false, retryable: false, error: 'hash_conflict' });
  });

  it('asks users.info with a form (Slack ignores a JSON body there)', async () => {
    api.addUser({ id: 'U0WORKER', name: 'ana', real_name: 'Ana Ruiz', tz: 'America/Chicago', email: 'ana@agency.example' });
    const r = await client().usersInfo({ user: 'U0WORKER' });
    expect(r).toEqual({ ok: true, value: { id: 'U0WORKER', name: 'ana', real_name: 'Ana Ruiz', tz: 'America/Chicago', is_bot: false, deleted: false, profile: { real_name: 'Ana Ruiz', display_name: '', email: 'ana@agency.example' } } });
    expect(api.calls[0]!.contentType).toBe('application/x-www-form-urlencoded');
    expect(await client().call('users.info', { user: 'U0WORKER' }, { encoding: 'json' })).toMatchObject({ ok: false, error: 'user_not_found' });
    expect(await client().usersInfo({ user: 'U0NOBODY' })).toEqual({ ok: false, retryable: false, error: 'user_not_found' });
  });

  it("tells who the bot is", async () => {
    expect(await client().authTest()).toEqual({
      ok: true,
      value: { user_id: api.botUserId, team_id: api.teamId, bot_id: api.botId, user: 'casebridge', team: 'Casebridge Test', url: 'https://casebridge-test.slack.com/' },
    });
  });
});

describe('failures', () => {
  it('refuses a wrong token as invalid_auth, for good, and never repeats the token', async () => {
    const r = await client({ token: 'xoxb-wrong-token' }).postMessage({ channel: 'C0CASES', text: 'hi' });
    expect(r).toEqual({ ok: false, retryable: false, error: 'invalid_auth' });
    expect(api.messages).toHaveLength(0);
  });

  it('retries after the Retry-After of a 429', async () => {
    api.fail({ kind: 'ratelimited', retryAfter: 3 });
    const r = await client().postMessage({ channel: 'C0CASES', text: 'hi' });
    expect(r).toEqual({ ok: false, retryable: true, retryAfterMs: 3000, error: 'ratelimited' });
    expect((await client().postMessage({ channel: 'C0CASES', text: 'hi' })).ok).toBe(true);
  });

  it('retries a 5xx, a time-out and a network error', async () => {
    api.fail({ kind: 'server_error', status: 503 });
    expect(await client().postMessage({ channel: 'C0CASES', text: 'hi' })).toEqual({ ok: false, retryable: true, error: 'slack_unavailable_503' });
    api.fail({ kind: 'hang' });
    expect(await client({ timeoutMs: 150 }).postMessage({ channel: 'C0CASES', text: 'hi' })).toEqual({ ok: false, retryable: true, error: 'slack_timeout' });
    const closed = await startFakeSlack();
    await closed.close();
    expect(await client({ apiUrl: closed.apiUrl }).authTest()).toEqual({ ok: false, retryable: true, error: 'slack_network_error' });
  });

  it.each([
    ['not_in_channel', false],
    ['channel_not_found', false],
    ['is_archived', false],
    ['ratelimited', true],
    ['internal_error', true],
    ['service_unavailable', true],
  ])('answers Slack\'s %s (retryable: %s) with its own code', async (error, retryable) => {
    api.fail({ kind: 'error', error }, { method: 'chat.postMessage' });
    const r = await client().postMessage({ channel: 'C0CASES', text: 'hi' });
    expect(r).toEqual({ ok: false, retryable, error });
  });

  it('plays a failure only on the method it was set for', async () => {
    api.fail({ kind: 'error', error: 'not_in_channel' }, { method: 'chat.update', times: 2 });
    expect((await client().postMessage({ channel: 'C0CASES', text: 'hi' })).ok).toBe(true);
    expect(await client().update({ channel: 'C0CASES', ts: '1700000000.000100', text: 'x' })).toMatchObject({ error: 'not_in_channel' });
    expect(await client().update({ channel: 'C0CASES', ts: '1700000000.000100', text: 'x' })).toMatchObject({ error: 'not_in_channel' });
    expect((await client().update({ channel: 'C0CASES', ts: '1700000000.000100', text: 'x' })).ok).toBe(true);
  });

  it('tells an unknown method, an unreadable answer and an ok without a ts apart', async () => {
    expect(await client().call('chat.nope')).toEqual({ ok: false, retryable: false, error: 'unknown_method' });
    expect(await client({ fetch: answering('<html>Gateway</html>') }).authTest()).toEqual({ ok: false, retryable: true, error: 'slack_bad_response' });
    expect(await client({ fetch: answering('nope', 403) }).authTest()).toEqual({ ok: false, retryable: false, error: 'slack_rejected_403' });
    expect(await client({ fetch: answering('{"ok":true}') }).postMessage({ channel: 'C0CASES', text: 'hi' })).toEqual({ ok: false, retryable: false, error: 'slack_unexpected_response' });
  });

  it('keeps the token out of an error even when an answer echoes it', async () => {
    const echo = answering(JSON.stringify({ ok: false, error: `invalid token ${api.token}` }));
    const r = await client({ fetch: echo }).postMessage({ channel: 'C0CASES', text: 'hi' });
    expect(r).toEqual({ ok: false, retryable: false, error: 'invalid token ***' });
    noToken(r);
  });

  it('accepts an apiUrl without its trailing slash', async () => {
    expect((await client({ apiUrl: api.apiUrl.slice(0, -1) }).authTest()).ok).toBe(true);
  });
});
