// A fake Slack Web API on 127.0.0.1, speaking the real wire format: `POST /api/<method>` with the
// token as `Authorization: Bearer` (or a `token` form field), JSON or form bodies, answered
// `{ok: true, ...}` or `{ok: false, error}` (HTTP 200), 429 + Retry-After when rate limited, 404
// `unknown_method`. Like Slack, the older read methods (users.info) ignore a JSON body. Code under
// test only sees SLACK_API_URL pointing here. It records every call, keeps what was posted, and can
// be told to fail the next calls of a method. Also: `signedSlackRequest`, to build the requests
// Slack sends to the app (events, interactivity, slash commands), signed as Slack signs them.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackSignature } from '../../bots/slack/verify.ts';
import { FORM_ONLY_METHODS } from '../../bots/slack/web-api.ts';
import { slackMethods, type FakeSlackState, type FakeSlackUser } from './slack-methods.ts';

export type { FakeSlackCall, FakeSlackEphemeral, FakeSlackMessage, FakeSlackReaction, FakeSlackUser, FakeSlackView } from './slack-methods.ts';

export type FakeSlackFailure =
  /** HTTP 429, `ratelimited`, with Retry-After (seconds, default 1) */
  | { kind: 'ratelimited'; retryAfter?: number }
  /** a 5xx (default 500) with a plain-text body, as a load balancer gives */
  | { kind: 'server_error'; status?: number }
  /** HTTP 200 `{ok: false, error}`: not_in_channel, channel_not_found, invalid_auth, expired_trigger_id… */
  | { kind: 'error'; error: string }
  /** holds the request without answering until the server closes (the client times out) */
  | { kind: 'hang' };

export interface FakeSlack extends FakeSlackState {
  /** the SLACK_API_URL to use, ending in `/api/` */
  apiUrl: string;
  token: string;
  /** what Slack posted to the response_urls handed out by `responseUrl()` */
  responses: { url: string; body: unknown }[];
  /** the next `times` calls of `method` (default chat.postMessage) answer with this failure */
  fail(failure: FakeSlackFailure, opts?: { method?: string; times?: number }): void;
  /** a workspace member users.info will describe */
  addUser(user: FakeSlackUser): void;
  /** a message a person wrote in Slack (not through the API): returns it, with the ts Slack gave it */
  userMessage(m: { channel: string; user: string; text: string; thread_ts?: string }): { ts: string; channel: string };
  /** a fresh trigger_id, as an interaction carries one, that views.open accepts once */
  triggerId(): string;
  /** a response_url on this server, as slash commands and interactions carry one */
  responseUrl(): string;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
  return status;
};

/** Form values are strings; Slack decodes the JSON-valued fields (blocks, view). */
const decodeValue = (v: string): unknown => {
  if (!/^[[{]/.test(v)) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/** The request's params and token as Slack reads them, or the error Slack answers with. */
const parseRequest = (method: string, type: string, raw: string, url: URL): { params: Record<string, unknown>; token: string | null } | { error: string } => {
  const params: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) params[k] = decodeValue(v);
  if (!raw) return { params, token: null };
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { error: 'invalid_json' };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'invalid_json' };
    // A JSON body is read only by methods that support one; the token must come as a header.
    return { params: FORM_ONLY_METHODS.has(method) ? params : { ...params, ...(body as Record<string, unknown>) }, token: null };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(raw);
    for (const [k, v] of form) if (k !== 'token') params[k] = decodeValue(v);
    return { params, token: form.get('token') };
  }
  return { error: 'invalid_post_type' };
};

export const startFakeSlack = async (opts: { token?: string } = {}): Promise<FakeSlack> => {
  const token = opts.token ?? 'xoxb-fake-casebridge-bot-token';
  const state: FakeSlackState = {
    botUserId: 'U0CASEBOT', botId: 'B0CASEBOT', teamId: 'T0CASEBRG', appId: 'A0CASEBRG',
    calls: [], messages: [], ephemerals: [], reactions: [], views: [],
  };
  const methods = slackMethods(state);
  const failures: { failure: FakeSlackFailure; method: string }[] = [];
  const responseUrls = new Set<string>();
  const responses: { url: string; body: unknown }[] = [];
  let base = '';

  const answerFailure = (res: ServerResponse, f: FakeSlackFailure): number | null => {
    switch (f.kind) {
      case 'ratelimited':
        return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(f.retryAfter ?? 1) });
      case 'server_error':
        res.writeHead(f.status ?? 500, { 'content-type': 'text/plain' }).end('Internal Server Error');
        return f.status ?? 500;
      case 'error':
        return json(res, 200, { ok: false, error: f.error });
      case 'hang':
        return null;
    }
  };

  const handleResponseUrl = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (req.method !== 'POST' || !responseUrls.has(path)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
    const raw = await readBody(req);
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // kept as text, as received
    }
    responses.push({ url: `${base}${path}`, body });
    res.writeHead(200, { 'content-type': 'text/html' }).end('ok');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/response/')) return handleResponseUrl(req, res, url.pathname);
    const m = url.pathname.match(/^\/api\/([A-Za-z.]+)$/);
    const raw = await readBody(req);
    if (!m || !Object.hasOwn(methods.handlers, m[1]!)) return json(res, 404, { ok: false, error: 'unknown_method', req_method: m?.[1] ?? url.pathname });
    const method = m[1]!;
    const type = req.headers['content-type'] ?? '';
    const parsed = parseRequest(method, type, raw, url);
    const call = { method, params: 'params' in parsed ? parsed.params : {}, contentType: type || null, status: null as number | null, error: null as string | null };
    state.calls.push(call);
    // Slack takes the token from the Authorization header, or from a `token` form field.
    const given = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1] ?? ('token' in parsed ? parsed.token : null);
    const refused = 'error' in parsed ? parsed.error : !given ? 'not_authed' : given !== token ? 'invalid_auth' : null;
    if (refused) {
      call.error = refused;
      call.status = json(res, 200, { ok: false, error: refused });
      return;
    }
    const i = failures.findIndex((f) => f.method === method);
    if (i >= 0) {
      const failure = failures.splice(i, 1)[0]!.failure;
      call.error = failure.kind === 'error' ? failure.error : failure.kind;
      call.status = answerFailure(res, failure);
      return;
    }
    const result = methods.handlers[method]!(call.params);
    const charset = type.startsWith('application/json') && !/charset=/i.test(type) ? { warning: 'missing_charset', response_metadata: { warnings: ['missing_charset'] } } : {};
    if ('error' in result) call.error = result.error;
    call.status = json(res, 200, 'error' in result ? { ok: false, error: result.error, ...charset } : { ok: true, ...result.body, ...charset });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => json(res, 500, { ok: false, error: 'internal_error' }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return Object.assign(state, {
    apiUrl: `${base}/api/`,
    token,
    responses,
    fail(failure: FakeSlackFailure, o: { method?: string; times?: number } = {}) {
      for (let n = 0; n < (o.times ?? 1); n++) failures.push({ failure, method: o.method ?? 'chat.postMessage' });
    },
    addUser: methods.addUser,
    userMessage: methods.userMessage,
    triggerId: () => `${randomBytes(5).readUIntBE(0, 5)}.${randomBytes(5).readUIntBE(0, 5)}.${randomBytes(16).toString('hex')}`,
    responseUrl() {
      const path = `/response/${randomBytes(12).toString('hex')}`;
      responseUrls.add(path);
      return `${base}${path}`;
    },
    close: () =>
      new Promise<void>((ok, ko) => {
        server.closeAllConnections();
        server.close((e) => (e ? ko(e) : ok()));
      }),
  });
};

export interface SignedSlackRequestInput {
  signingSecret: string;
  /**
   * `json`: an Events API body (an object is JSON-encoded); `payload`: interactivity, the object
   * sent as the form field `payload=<json>`; `form`: a slash command's fields. A string is sent as is.
   */
  contentType: 'json' | 'payload' | 'form';
  body: unknown;
  /** Unix seconds; default now */
  timestamp?: number;
  /** Slack's retry of an event it thinks was not acknowledged: X-Slack-Retry-Num / -Reason */
  retryNum?: number;
}

/** A request as Slack sends it to the app: its headers (signature included) and raw body. */
export const signedSlackRequest = async (input: SignedSlackRequestInput): Promise<{ headers: Record<string, string>; body: string }> => {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const asForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const body =
    typeof input.body === 'string'
      ? input.body
      : input.contentType === 'json'
        ? JSON.stringify(input.body)
        : input.contentType === 'payload'
          ? asForm({ payload: JSON.stringify(input.body) })
          : asForm(input.body as Record<string, string>);
  const headers: Record<string, string> = {
    'content-type': input.contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': await slackSignature(input.signingSecret, timestamp, body),
  };
  if (input.retryNum !== undefined) Object.assign(headers, { 'x-slack-retry-num': String(input.retryNum), 'x-slack-retry-reason': 'http_timeout' });
  return { headers, body };
};
