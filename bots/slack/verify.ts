// Slack signs every request it sends (events, interactivity, slash commands) with the app's signing
// secret (https://api.slack.com/authentication/verifying-requests-from-slack): the base string
// `v0:<X-Slack-Request-Timestamp>:<raw body>`, HMAC-SHA256 keyed with the secret, lowercase hex,
// sent as `X-Slack-Signature: v0=<hex>`. The body is the bytes as they came, before any parsing.
// A request whose timestamp is more than five minutes away from now (either way) is refused, so a
// captured request cannot be replayed later. WebCrypto only, so it runs on Node and Workers.
import { constantTimeEqual } from '../../src/domain/secrets.ts';

const encoder = new TextEncoder();

/** How far a request's timestamp may be from now, in seconds, either way. */
export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

export const SLACK_TIMESTAMP_HEADER = 'x-slack-request-timestamp';
export const SLACK_SIGNATURE_HEADER = 'x-slack-signature';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** `v0:<timestamp>:` then the body's bytes as they are (a string is taken as UTF-8). */
const baseBytes = (timestamp: string, rawBody: string | Uint8Array): Uint8Array<ArrayBuffer> => {
  const head = encoder.encode(`v0:${timestamp}:`);
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody;
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
};

/** The X-Slack-Signature Slack would send for this timestamp and raw body. The secret must not be empty. */
export const slackSignature = async (signingSecret: string, timestamp: string | number, rawBody: string | Uint8Array): Promise<string> => {
  if (!signingSecret) throw new Error('slackSignature: an empty signing secret signs nothing');
  const key = await crypto.subtle.importKey('raw', encoder.encode(signingSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, baseBytes(String(timestamp), rawBody));
  return `v0=${hex(new Uint8Array(mac))}`;
};

export interface SlackRequestToVerify {
  signingSecret: string;
  /** the body exactly as received, before any JSON or form parsing */
  rawBody: string | Uint8Array;
  /** X-Slack-Request-Timestamp (Unix seconds); null or undefined when missing */
  timestampHeader: string | null | undefined;
  /** X-Slack-Signature; null or undefined when missing */
  signatureHeader: string | null | undefined;
  /** the current time, epoch milliseconds */
  now: number;
}

/**
 * Why a request is refused: a header is `missing`; its timestamp is more than five minutes old
 * (`stale`) or ahead (`future`); or the signature is not the secret's over this body and timestamp
 * (`bad_signature`, also for a timestamp that is not a whole number of seconds, and when no secret
 * is configured).
 */
export type SlackVerifyRefusal = 'missing' | 'stale' | 'future' | 'bad_signature';
export type SlackVerifyResult = { ok: true } | { ok: false; reason: SlackVerifyRefusal };

const refuse = (reason: SlackVerifyRefusal): SlackVerifyResult => ({ ok: false, reason });

/** Checks a request the way Slack's SDKs do; cheap refusals first, the signature compared in constant time. */
export const verifySlackRequest = async (req: SlackRequestToVerify): Promise<SlackVerifyResult> => {
  const timestamp = req.timestampHeader?.trim();
  const signature = req.signatureHeader?.trim();
  if (!timestamp || !signature) return refuse('missing');
  if (!/^\d{1,15}$/.test(timestamp)) return refuse('bad_signature');
  const skew = Number(timestamp) - Math.floor(req.now / 1000);
  if (skew < -SLACK_MAX_SKEW_SECONDS) return refuse('stale');
  if (skew > SLACK_MAX_SKEW_SECONDS) return refuse('future');
  if (!req.signingSecret || !signature.startsWith('v0=')) return refuse('bad_signature');
  const expected = await slackSignature(req.signingSecret, timestamp, req.rawBody);
  return constantTimeEqual(expected, signature) ? { ok: true } : refuse('bad_signature');
};
