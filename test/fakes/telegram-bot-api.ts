// A fake Telegram Bot API server on 127.0.0.1, speaking the real wire format
// (`POST /bot<token>/<method>`, JSON or form bodies, `{ok, result}` / `{ok:false, error_code,
// description, parameters}` answers). Code under test only sees TELEGRAM_API_ROOT pointing here.
// It records every call and can be told to fail the next calls of a method.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  method: string;
  params: Record<string, unknown>;
  /** the HTTP status answered; null while held by a `hang` */
  status: number | null;
}

export interface FakeSentMessage {
  message_id: number;
  chat_id: string | number;
  text: string;
  reply_markup: unknown;
  params: Record<string, unknown>;
}

export type FakeFailure =
  | { kind: 'rate_limited'; retryAfter: number }
  | { kind: 'server_error'; status?: number }
  | { kind: 'blocked' }
  | { kind: 'deactivated' }
  | { kind: 'chat_not_found' }
  /** holds the request without answering until the server closes (the client times out) */
  | { kind: 'hang' };

export interface FakeBotApi {
  /** the TELEGRAM_API_ROOT to use */
  apiRoot: string;
  token: string;
  bot: { id: number; username: string; first_name: string };
  /** every call that reached a known method, in order (failures included) */
  calls: FakeCall[];
  /** the messages "delivered" by sendMessage */
  sent: FakeSentMessage[];
  /** the next `times` calls of `method` (default sendMessage) answer with this failure */
  fail(failure: FakeFailure, opts?: { times?: number; method?: string }): void;
  /** an update for getUpdates to hand out (polling mode) */
  queueUpdate(update: { update_id: number }): void;
  /** how many times deleteWebhook was called */
  readonly webhookDeleted: number;
  /** a file the "user" sent: getFile describes it and `/file/bot<token>/<path>` serves its bytes */
  addFile(fileId: string, bytes: Uint8Array): void;
  /** the file paths downloaded through `/file/bot<token>/<path>`, in order */
  downloads: string[];
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Form and query values arrive as strings; Telegram decodes JSON-looking ones (reply_markup). */
const decodeValue = (v: string): unknown => {
  if (/^[[{]/.test(v)) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
};

const paramsOf = async (req: IncomingMessage, url: URL): Promise<Record<string, unknown> | null> => {
  const params: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) params[k] = decodeValue(v);
  const body = await readBody(req);
  if (!body) return params;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const json: unknown = JSON.parse(body);
      return json && typeof json === 'object' ? { ...params, ...(json as Record<string, unknown>) } : null;
    } catch {
      return null;
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body)) params[k] = decodeValue(v);
    return params;
  }
  return null;
};

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const refuse = (res: ServerResponse, status: number, description: string, parameters?: object) =>
  send(res, status, { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) });

export const startFakeBotApi = async (opts: { token?: string } = {}): Promise<FakeBotApi> => {
  const token = opts.token ?? '123456:TEST-fake-token_abcdefghijklmnop';
  const bot = { id: Number(token.split(':')[0]) || 123456, username: 'casebridge_test_bot', first_name: 'Casebridge' };
  const calls: FakeCall[] = [];
  const sent: FakeSentMessage[] = [];
  const failures: { failure: FakeFailure; method: string }[] = [];
  let nextMessageId = 1;
  const files = new Map<string, { path: string; bytes: Uint8Array }>();
  const downloads: string[] = [];
  /** updates waiting for getUpdates (polling), as Telegram keeps them until confirmed by offset */
  let updates: { update_id: number }[] = [];
  let webhookDeleted = 0;

  // Downloads are plain GETs of the file's bytes, outside the JSON method API.
  const serveFile = (res: ServerResponse, path: string) => {
    const file = [...files.values()].find((f) => f.path === path);
    if (!file) return refuse(res, 404, 'Not Found');
    downloads.push(path);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.length) });
    res.end(Buffer.from(file.bytes));
  };

  const answerFailure = (res: ServerResponse, f: FakeFailure): number | null => {
    switch (f.kind) {
      case 'rate_limited':
        refuse(res, 429, `Too Many Requests: retry after ${f.retryAfter}`, { retry_after: f.retryAfter });
        return 429;
      case 'server_error':
        refuse(res, f.status ?? 500, 'Internal Server Error');
        return f.status ?? 500;
      case 'blocked':
        refuse(res, 403, 'Forbidden: bot was blocked by the user');
        return 403;
      case 'deactivated':
        refuse(res, 403, 'Forbidden: user is deactivated');
        return 403;
      case 'chat_not_found':
        refuse(res, 400, 'Bad Request: chat not found');
        return 400;
      case 'hang':
        return null;
    }
  };

  const sendMessage = (res: ServerResponse, params: Record<string, unknown>): number => {
    const chatId = params.chat_id;
    if (chatId === undefined || chatId === '') return refuse(res, 400, 'Bad Request: chat_id is empty'), 400;
    const text = typeof params.text === 'string' ? params.text : '';
    if (!text.trim()) return refuse(res, 400, 'Bad Request: message text is empty'), 400;
    if (text.length > 4096) return refuse(res, 400, 'Bad Request: message is too long'), 400;
    const message_id = nextMessageId++;
    sent.push({ message_id, chat_id: chatId as string | number, text, reply_markup: params.reply_markup, params });
    const result = {
      message_id,
      from: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username },
      chat: { id: Number(chatId), type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text,
      ...(params.reply_markup ? { reply_markup: params.reply_markup } : {}),
    };
    send(res, 200, { ok: true, result });
    return 200;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const f = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/);
    if (f) return f[1] === token ? serveFile(res, f[2]!) : refuse(res, 401, 'Unauthorized');
    const m = url.pathname.match(/^\/bot([^/]+)\/([A-Za-z]+)$/);
    if (!m) return refuse(res, 404, 'Not Found');
    if (m[1] !== token) return refuse(res, 401, 'Unauthorized');
    const method = m[2]!;
    const params = await paramsOf(req, url);
    if (!params) return refuse(res, 400, 'Bad Request: invalid request body');
    if (!['getMe', 'sendMessage', 'answerCallbackQuery', 'getFile', 'getUpdates', 'deleteWebhook'].includes(method)) return refuse(res, 404, 'Not Found: method not found');
    const call: FakeCall = { method, params, status: null };
    calls.push(call);
    const i = failures.findIndex((f) => f.method === method);
    if (i >= 0) {
      call.status = answerFailure(res, failures.splice(i, 1)[0]!.failure);
      return;
    }
    if (method === 'getMe') {
      call.status = 200;
      return send(res, 200, { ok: true, result: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } });
    }
    if (method === 'getFile') {
      const file = files.get(String(params.file_id ?? ''));
      if (!file) return (call.status = 400), refuse(res, 400, 'Bad Request: invalid file_id');
      call.status = 200;
      const fileId = String(params.file_id);
      return send(res, 200, { ok: true, result: { file_id: fileId, file_unique_id: `u${fileId}`, file_size: file.bytes.length, file_path: file.path } });
    }
    if (method === 'deleteWebhook') {
      webhookDeleted += 1;
      call.status = 200;
      return send(res, 200, { ok: true, result: true });
    }
    if (method === 'getUpdates') {
      // An offset confirms every update before it; a long poll waits (here at most 200 ms) for news.
      const offset = Number(params.offset ?? 0);
      updates = updates.filter((u) => u.update_id >= offset);
      if (updates.length === 0 && Number(params.timeout ?? 0) > 0) await new Promise((ok) => setTimeout(ok, 200));
      call.status = 200;
      return send(res, 200, { ok: true, result: updates.slice(0, Number(params.limit ?? 100)) });
    }
    if (method === 'answerCallbackQuery') {
      if (!params.callback_query_id) return (call.status = 400), refuse(res, 400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      call.status = 200;
      return send(res, 200, { ok: true, result: true });
    }
    call.status = sendMessage(res, params);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => refuse(res, 500, 'Internal Server Error'));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    sent,
    downloads,
    queueUpdate(update) {
      updates.push(update);
    },
    get webhookDeleted() {
      return webhookDeleted;
    },
    addFile(fileId, bytes) {
      files.set(fileId, { path: `documents/file_${files.size}`, bytes });
    },
    fail(failure, o = {}) {
      for (let n = 0; n < (o.times ?? 1); n++) failures.push({ failure, method: o.method ?? 'sendMessage' });
    },
    close: () =>
      new Promise<void>((ok, ko) => {
        server.closeAllConnections();
        server.close((e) => (e ? ko(e) : ok()));
      }),
  };
};
