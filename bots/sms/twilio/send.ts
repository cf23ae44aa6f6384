// The outbound Twilio sender: one outbox row becomes one `POST …/Messages.json`, at most once per
// idempotency key (Twilio does not deduplicate, so the delivery log is asked first). Texts over
// Twilio's 1,600-character limit are refused here, not cut. Refusals become stable codes: Twilio's
// own messages are never passed on (they can quote the phone number), nor is the auth token.
import { toE164 } from '../../../src/domain/phone.ts';
import { SMS_MAX_CHARS } from '../../../src/domain/sms-segments.ts';
import type { ChannelSender, OutboundMessage, SendResult } from '../../../src/ports/channel-sender.ts';
import type { Clock } from '../../../src/ports/clock.ts';
import type { DeliveryLogRepo } from '../../../src/ports/delivery-log.ts';
import { MESSAGE_SID, TWILIO_ERROR, type CreateMessageParams, type TwilioErrorBody, type TwilioMessageResource } from './types.ts';

/** Paces sends per key (here: our From number). The Telegram throttle fits, built with `smsPacing`. */
export interface Pacer {
  wait(key: string): Promise<void>;
}

/** Options for `keyedThrottle` that let `ratePerSecond` messages a second leave one sender number. */
export const smsPacing = (ratePerSecond = 1): { perKeyMs: number; perSecond: number } => {
  if (!(ratePerSecond > 0)) throw new Error('smsPacing: the rate must be above 0');
  return { perKeyMs: 1000 / ratePerSecond, perSecond: ratePerSecond };
};

export interface TwilioSenderDeps {
  accountSid: string;
  authToken: string;
  /** our Twilio number, E.164 */
  from: string;
  /** https://api.twilio.com; tests point it at the fake */
  apiBase: string;
  /** where Twilio posts delivery statuses; none when null or absent */
  statusCallbackUrl?: string | null;
  deliveries: DeliveryLogRepo;
  clock: Clock;
  /** the sending rate of our number: entry points build `keyedThrottle({ clock, ...smsPacing(rate) })` */
  throttle: Pacer;
  fetch?: typeof fetch;
  /** how long one call may take before it counts as a (retryable) time-out */
  timeoutMs?: number;
}

type Refusal = { retryable: boolean; error: string; gone?: 'opted_out' | 'unreachable' };

/** What Twilio's refusal means for us, from the HTTP status and Twilio's error code (null when it gave none). */
export const classifyRefusal = (status: number, code: number | null): Refusal => {
  if (status === 429 || code === TWILIO_ERROR.tooManyRequests) return { retryable: true, error: 'sms_rate_limited' };
  if (status >= 500) return { retryable: true, error: `sms_unavailable_${status}` };
  switch (code) {
    case TWILIO_ERROR.unsubscribed:
      return { retryable: false, error: 'sms_opted_out', gone: 'opted_out' };
    case TWILIO_ERROR.invalidTo:
      return { retryable: false, error: 'sms_invalid_number', gone: 'unreachable' };
    case TWILIO_ERROR.notMobile:
      return { retryable: false, error: 'sms_not_mobile', gone: 'unreachable' };
    case TWILIO_ERROR.unroutable:
      return { retryable: false, error: 'sms_unroutable', gone: 'unreachable' };
    // The account lacks the geographic permission: ours to fix, so the client's number is kept.
    case TWILIO_ERROR.regionNotPermitted:
      return { retryable: false, error: 'sms_region_not_permitted' };
    case TWILIO_ERROR.unauthorized:
      return { retryable: false, error: 'sms_unauthorized' };
  }
  if (status === 401) return { retryable: false, error: 'sms_unauthorized' };
  return { retryable: false, error: code === null ? `sms_rejected_http_${status}` : `sms_rejected_${code}` };
};

/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export const retryAfterMs = (header: string | null, now: number): number | undefined => {
  if (!header) return undefined;
  const h = header.trim();
  if (/^\d+$/.test(h)) return Number(h) * 1000;
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

const basicAuth = (user: string, pass: string) => `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${pass}`)))}`;
const isTimeout = (e: unknown) => e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
const isE164 = (to: string) => /^\+[1-9]\d{1,14}$/.test(to) && toE164(to) === to;

export const twilioSender = (deps: TwilioSenderDeps): ChannelSender => {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const endpoint = `${deps.apiBase.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(deps.accountSid)}/Messages.json`;
  const authorization = basicAuth(deps.accountSid, deps.authToken);

  const call = async (params: CreateMessageParams): Promise<SendResult> => {
    let res: Response;
    /** a Message resource on success, Twilio's error body on a refusal; either way only these fields are read */
    let answer: { sid?: TwilioMessageResource['sid']; code?: TwilioErrorBody['code'] } | null;
    try {
      res = await doFetch(endpoint, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ ...params }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      answer = (await res.json().catch(() => null)) as typeof answer;
    } catch (e) {
      return { ok: false, retryable: true, error: isTimeout(e) ? 'sms_timeout' : 'sms_network_error' };
    }
    if (res.ok) {
      const sid = answer?.sid;
      return typeof sid === 'string' && MESSAGE_SID.test(sid) ? { ok: true, externalId: sid } : { ok: false, retryable: true, error: 'sms_bad_response' };
    }
    const code = typeof answer?.code === 'number' ? answer.code : null;
    const refusal = classifyRefusal(res.status, code);
    const wait = refusal.error === 'sms_rate_limited' ? retryAfterMs(res.headers.get('retry-after'), deps.clock.now()) : undefined;
    return { ok: false, ...refusal, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  };

  return {
    name: 'twilio',
    async send(message: OutboundMessage): Promise<SendResult> {
      // Accepted before (we crashed before the outbox row was marked): the client has it already.
      const done = await deps.deliveries.find(message.idempotencyKey);
      if (done) return { ok: true, externalId: done.externalId };
      if (message.text.length > SMS_MAX_CHARS) return { ok: false, retryable: false, error: 'sms_too_long' };
      if (!isE164(message.to)) return { ok: false, retryable: false, error: 'sms_bad_address' };
      await deps.throttle.wait(deps.from);
      const result = await call({
        To: message.to,
        From: deps.from,
        Body: message.text,
        ...(deps.statusCallbackUrl ? { StatusCallback: deps.statusCallbackUrl } : {}),
      });
      if (result.ok) {
        try {
          await deps.deliveries.record({ idempotencyKey: message.idempotencyKey, channel: 'sms', externalId: result.externalId, sentAt: deps.clock.now() });
        } catch {
          // Twilio has the message: report it sent, so the outbox row is marked and not resent.
        }
      }
      return result;
    },
  };
};
