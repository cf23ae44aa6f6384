// A fake Twilio REST API on 127.0.0.1, speaking the real wire format: Basic auth with the Account
// SID and auth token, form-encoded `POST /2010-04-01/Accounts/{AC}/Messages.json` answered with a
// Message resource (201) or Twilio's error JSON `{code, message, more_info, status}`, and message
// media under `/2010-04-01/Accounts/{AC}/Messages/{MM}/Media/{ME}` (GET with auth, optionally
// through a 307 to a short-lived CDN path as Twilio does; DELETE). Code under test only sees
// TWILIO_API_BASE pointing here. It records every call and can be told to fail the next sends.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countSms, SMS_MAX_CHARS } from '../../src/domain/sms-segments.ts';

export interface FakeTwilioCall {
  method: string;
  path: string;
  params: Record<string, string>;
  /** the HTTP status answered; null while held by a `hang` */
  status: number | null;
}

export interface FakeSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | undefined;
  params: Record<string, string>;
}

export type FakeTwilioFailure =
  /** 429, code 20429, with a Retry-After header when `retryAfter` (seconds) is given */
  | { kind: 'rate_limited'; retryAfter?: number }
  | { kind: 'server_error'; status?: number }
  /** 400, code 21610: the recipient texted STOP */
  | { kind: 'opted_out' }
  /** 400, code 21211 */
  | { kind: 'invalid_number' }
  /** any other refusal */
  | { kind: 'error'; status: number; code: number; message?: string }
  /** holds the request without answering until the server closes (the client times out) */
  | { kind: 'hang' };

export interface FakeMediaOptions {
  /** answer with a 307: to a CDN path of this server (`same_server`), or to this absolute URL */
  redirect?: 'same_server' | string;
  /** stream the bytes without a Content-Length */
  chunked?: boolean;
}

export interface FakeMediaRequest {
  path: string;
  /** the Authorization header as received, or null */
  authorization: string | null;
  status: number;
}

export interface FakeTwilio {
  /** the TWILIO_API_BASE to use */
  apiBase: string;
  accountSid: string;
  authToken: string;
  /** every Messages.json call, in order (refusals included) */
  calls: FakeTwilioCall[];
  /** the messages accepted */
  sent: FakeSms[];
  /** the next `times` sends answer with this failure */
  fail(failure: FakeTwilioFailure, opts?: { times?: number }): void;
  /** media a client "sent": returns its MediaUrl */
  addMedia(bytes: Uint8Array, contentType: string, opts?: FakeMediaOptions): string;
  /** bytes served without auth at an unguessable path (a short-lived CDN URL): returns its URL */
  cdnFile(bytes: Uint8Array, contentType: string, opts?: { chunked?: boolean }): string;
  /** every GET of a media or CDN path */
  mediaRequests: FakeMediaRequest[];
  /** the MediaUrls deleted, in order */
  mediaDeleted: string[];
  close(): Promise<void>;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  return status;
};

const refuse = (res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) =>
  json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);

const serveBytes = (res: ServerResponse, file: { bytes: Uint8Array; contentType: string; chunked?: boolean | undefined }) => {
  const buf = Buffer.from(file.bytes);
  if (!file.chunked) {
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(buf.length) });
    return res.end(buf);
  }
  res.writeHead(200, { 'content-type': file.contentType });
  res.write(buf.subarray(0, buf.length >> 1));
  res.end(buf.subarray(buf.length >> 1));
};

const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');

export const startFakeTwilio = async (opts: { accountSid?: string; authToken?: string } = {}): Promise<FakeTwilio> => {
  const accountSid = opts.accountSid ?? `AC${'0123456789abcdef'.repeat(2)}`;
  const authToken = opts.authToken ?? 'fake-twilio-auth-token-0123456789';
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const calls: FakeTwilioCall[] = [];
  const sent: FakeSms[] = [];
  const failures: FakeTwilioFailure[] = [];
  const media = new Map<string, { bytes: Uint8Array; contentType: string } & FakeMediaOptions>();
  const cdn = new Map<string, { bytes: Uint8Array; contentType: string; chunked?: boolean | undefined }>();
  const mediaRequests: FakeMediaRequest[] = [];
  const mediaDeleted: string[] = [];
  let apiBase = '';
  const base = `/2010-04-01/Accounts/${accountSid}`;

  const answerFailure = (res: ServerResponse, f: FakeTwilioFailure): number | null => {
    switch (f.kind) {
      case 'rate_limited':
        return refuse(res, 429, 20429, 'Too Many Requests', f.retryAfter === undefined ? {} : { 'retry-after': String(f.retryAfter) });
      case 'server_error':
        return refuse(res, f.status ?? 500, 20500, 'Internal Server Error');
      case 'opted_out':
        return refuse(res, 400, 21610, 'Attempt to send to unsubscribed recipient');
      case 'invalid_number':
        return refuse(res, 400, 21211, "Invalid 'To' Phone Number");
      case 'error':
        return refuse(res, f.status, f.code, f.message ?? 'Refused');
      case 'hang':
        return null;
    }
  };

  const createMessage = (res: ServerResponse, p: Record<string, string>): number => {
    if (!p.To) return refuse(res, 400, 21604, "A 'To' phone number is required.");
    if (!p.From) return refuse(res, 400, 21603, "A 'From' phone number is required.");
    if (!p.Body && !p.MediaUrl) return refuse(res, 400, 21602, 'Message body is required.');
    if ((p.Body ?? '').length > SMS_MAX_CHARS) return refuse(res, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (!/^\+[1-9]\d{6,14}$/.test(p.To)) return refuse(res, 400, 21211, `Invalid 'To' Phone Number: ${p.To}`);
    const sid = `SM${hex(16)}`;
    const now = rfc2822(new Date());
    sent.push({ sid, to: p.To, from: p.From, body: p.Body ?? '', statusCallback: p.StatusCallback, params: p });
    return json(res, 201, {
      account_sid: accountSid, api_version: '2010-04-01', body: p.Body ?? '', date_created: now, date_sent: null, date_updated: now,
      direction: 'outbound-api', error_code: null, error_message: null, from: p.From, messaging_service_sid: null,
      num_media: p.MediaUrl ? '1' : '0', num_segments: String(countSms(p.Body ?? '').segments), price: null, price_unit: 'USD',
      sid, status: 'queued', subresource_uris: { media: `${base}/Messages/${sid}/Media.json` }, to: p.To, uri: `${base}/Messages/${sid}.json`,
    });
  };

  const handleMedia = (req: IncomingMessage, res: ServerResponse, path: string, key: string) => {
    const file = media.get(key);
    const record = (status: number) => mediaRequests.push({ path, authorization: req.headers.authorization ?? null, status });
    if (req.method === 'DELETE') {
      if (!file) return refuse(res, 404, 20404, `The requested resource ${path} was not found`);
      media.delete(key);
      mediaDeleted.push(`${apiBase}${base}/Messages/${key}`);
      res.writeHead(204).end();
      return;
    }
    if (!file) return record(404), refuse(res, 404, 20404, `The requested resource ${path} was not found`);
    if (!file.redirect) return record(200), serveBytes(res, file);
    const to = file.redirect === 'same_server' ? api.cdnFile(file.bytes, file.contentType, { chunked: file.chunked }) : file.redirect;
    record(307);
    res.writeHead(307, { location: to }).end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const c = path.match(/^\/cdn\/([0-9a-f]{32})$/);
    if (c && req.method === 'GET') {
      const file = cdn.get(c[1]!);
      mediaRequests.push({ path, authorization: req.headers.authorization ?? null, status: file ? 200 : 404 });
      return file ? serveBytes(res, file) : refuse(res, 404, 20404, 'Not Found');
    }
    if (!path.startsWith('/2010-04-01/Accounts/')) return refuse(res, 404, 20404, `The requested resource ${path} was not found`);
    if (req.headers.authorization !== expectedAuth || !path.startsWith(`${base}/`)) {
      if (path.includes('/Media/')) mediaRequests.push({ path, authorization: req.headers.authorization ?? null, status: 401 });
      return refuse(res, 401, 20003, 'Authenticate');
    }
    const m = path.slice(base.length).match(/^\/Messages\/(MM[0-9a-f]{32}\/Media\/ME[0-9a-f]{32})(\.json)?$/);
    if (m && (req.method === 'GET' || req.method === 'DELETE')) return handleMedia(req, res, path, m[1]!);
    if (path !== `${base}/Messages.json` || req.method !== 'POST') return refuse(res, 404, 20404, `The requested resource ${path} was not found`);
    const params = Object.fromEntries(new URLSearchParams(await readBody(req)));
    const call: FakeTwilioCall = { method: req.method, path, params, status: null };
    calls.push(call);
    const failure = failures.shift();
    call.status = failure ? answerFailure(res, failure) : createMessage(res, params);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => refuse(res, 500, 20500, 'Internal Server Error'));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const api: FakeTwilio = {
    apiBase,
    accountSid,
    authToken,
    calls,
    sent,
    mediaRequests,
    mediaDeleted,
    fail(failure, o = {}) {
      for (let n = 0; n < (o.times ?? 1); n++) failures.push(failure);
    },
    addMedia(bytes, contentType, o = {}) {
      const key = `MM${hex(16)}/Media/ME${hex(16)}`;
      media.set(key, { bytes, contentType, ...o });
      return `${apiBase}${base}/Messages/${key}`;
    },
    cdnFile(bytes, contentType, o = {}) {
      const token = hex(16);
      cdn.set(token, { bytes, contentType, chunked: o.chunked });
      return `${apiBase}/cdn/${token}`;
    },
    close: () =>
      new Promise<void>((ok, ko) => {
        server.closeAllConnections();
        server.close((e) => (e ? ko(e) : ok()));
      }),
  };
  return api;
};
