// The fake speaks the Bot API's wire format, so code that works against it works against Telegram.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from './telegram-bot-api.ts';

let api: FakeBotApi;
beforeEach(async () => {
  api = await startFakeBotApi();
});
afterEach(() => api.close());

const post = async (method: string, body: unknown, token = api.token) => {
  const res = await fetch(`${api.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('the fake Telegram Bot API', () => {
  it('answers getMe with the bot', async () => {
    const r = await post('getMe', {});
    expect(r).toMatchObject({ status: 200, json: { ok: true, result: { is_bot: true, username: api.bot.username, id: api.bot.id } } });
  });

  it('answers sendMessage like Telegram and records the message', async () => {
    const markup = { inline_keyboard: [[{ text: 'Yes', callback_data: 'y' }]] };
    const r = await post('sendMessage', { chat_id: 4242, text: 'hello', reply_markup: markup });
    expect(r).toMatchObject({ status: 200, json: { ok: true, result: { message_id: 1, chat: { id: 4242, type: 'private' }, text: 'hello' } } });
    expect(typeof (r.json.result as { date: unknown }).date).toBe('number');
    expect(api.sent).toMatchObject([{ message_id: 1, chat_id: 4242, text: 'hello', reply_markup: markup }]);
    expect((await post('sendMessage', { chat_id: 4242, text: 'again' })).json).toMatchObject({ result: { message_id: 2 } });
  });

  it('takes form-encoded parameters too, with JSON-serialised fields', async () => {
    const res = await fetch(`${api.apiRoot}/bot${api.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: '99', text: 'form', reply_markup: '{"inline_keyboard":[]}' }),
    });
    expect(res.status).toBe(200);
    expect(api.sent[0]).toMatchObject({ chat_id: '99', text: 'form', reply_markup: { inline_keyboard: [] } });
  });

  it('refuses a wrong token, an unknown method and an empty text as Telegram does', async () => {
    expect(await post('getMe', {}, '1:nope')).toEqual({ status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } });
    expect((await post('sendSticker', {})).status).toBe(404);
    expect(await post('sendMessage', { chat_id: 1, text: '' })).toMatchObject({
      status: 400,
      json: { ok: false, error_code: 400, description: 'Bad Request: message text is empty' },
    });
    expect(api.sent).toHaveLength(0);
  });

  it('fails the next calls as scripted, then recovers', async () => {
    api.fail({ kind: 'rate_limited', retryAfter: 3 });
    api.fail({ kind: 'server_error' });
    api.fail({ kind: 'blocked' });
    const msg = { chat_id: 1, text: 'hi' };
    expect(await post('sendMessage', msg)).toEqual({
      status: 429,
      json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
    });
    expect((await post('sendMessage', msg)).status).toBe(500);
    expect(await post('sendMessage', msg)).toMatchObject({ status: 403, json: { description: 'Forbidden: bot was blocked by the user' } });
    expect((await post('getMe', {})).status).toBe(200);
    expect((await post('sendMessage', msg)).status).toBe(200);
    expect(api.calls.map((c) => [c.method, c.status])).toEqual([
      ['sendMessage', 429],
      ['sendMessage', 500],
      ['sendMessage', 403],
      ['getMe', 200],
      ['sendMessage', 200],
    ]);
    expect(api.sent).toHaveLength(1);
  });

  it('can fail several calls in a row, or another method', async () => {
    api.fail({ kind: 'server_error', status: 503 }, { times: 2 });
    api.fail({ kind: 'server_error' }, { method: 'getMe' });
    expect((await post('getMe', {})).status).toBe(500);
    expect((await post('sendMessage', { chat_id: 1, text: 'a' })).status).toBe(503);
    expect((await post('sendMessage', { chat_id: 1, text: 'a' })).status).toBe(503);
    expect((await post('sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
  });

  it('holds a hanging call until the client gives up, and still closes', async () => {
    api.fail({ kind: 'hang' });
    const call = fetch(`${api.apiRoot}/bot${api.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: 1, text: 'hi' }),
      signal: AbortSignal.timeout(150),
    });
    await expect(call).rejects.toThrow();
    expect(api.calls).toMatchObject([{ method: 'sendMessage', status: null }]);
    expect(api.sent).toHaveLength(0);
  });
});
