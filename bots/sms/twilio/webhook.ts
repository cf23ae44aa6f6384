// Twilio's webhooks. Inbound texts: POST /webhooks/sms/twilio. Delivery status: POST
// /webhooks/sms/twilio/status. Both are verified before anything is stored: X-Twilio-Signature
// over PUBLIC_URL + path + query and the form fields (the URL Twilio was given, which behind a
// proxy is not the one this server sees). An inbound text is kept in the inbox once per
// MessageSid and answered at once with an empty TwiML response; the inbox worker handles it
// (conversation/handle.ts) and every answer leaves through the outbox.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { toE164 } from '../../../src/domain/phone.ts';
import type { CoreDeps } from '../../../src/usecases/shared/deps.ts';
import type { InboundText } from '../conversation/turn.ts';
import { parseInboundSms, parseStatusUpdate } from './parse.ts';
import { advanceStatus } from './status.ts';
import { TWILIO_MESSAGE_STATUSES, type FormFields } from './types.ts';
import { verifyTwilioSignature } from './verify.ts';

export const SMS_SOURCE = 'twilio_sms';
export const SIGNATURE_HEADER = 'X-Twilio-Signature';
export const INBOUND_PATH = '/webhooks/sms/twilio';
export const STATUS_PATH = '/webhooks/sms/twilio/status';

export interface TwilioWebhookDeps {
  core: Pick<CoreDeps, 'store' | 'clock' | 'ids' | 'onInbox'>;
  agencyId: () => Promise<string | null>;
  accountSid: string;
  authToken: string;
  /** PUBLIC_URL: what Twilio signs, whatever address this server sees */
  publicUrl: string;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** The form fields, in order, repeated names kept; null when the signature does not match. */
const verified = async (c: Context, deps: TwilioWebhookDeps): Promise<FormFields | null> => {
  const raw = await c.req.text();
  const fields: FormFields = [...new URLSearchParams(raw)];
  const url = `${deps.publicUrl.replace(/\/+$/, '')}${c.req.path}${new URL(c.req.url).search}`;
  const signature = c.req.header(SIGNATURE_HEADER) ?? '';
  return (await verifyTwilioSignature({ authToken: deps.authToken, url, params: fields, signature })) ? fields : null;
};

export const twilioWebhookRoutes = (deps: TwilioWebhookDeps) => {
  const app = new Hono();
  // A text with ten media links is a few KB; nothing Twilio sends is near 64 KB.
  const limit = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('payload too large', 413) });

  app.post(INBOUND_PATH, limit, async (c) => {
    const fields = await verified(c, deps);
    if (!fields) return c.text('invalid signature', 403);
    const sms = parseInboundSms(fields);
    if (!sms) return c.text('not a Twilio message', 400);
    if (sms.accountSid !== deps.accountSid) return c.text('wrong account', 403);
    const agencyId = await deps.agencyId();
    if (!agencyId) return c.text('not ready', 503);
    const from = toE164(sms.from);
    // A sender id or short code cannot be answered or matched to anyone.
    if (!from) return c.body(EMPTY_TWIML, 200, { 'content-type': 'text/xml' });
    const { store, clock, ids } = deps.core;
    const text: InboundText = { messageId: sms.messageSid, from, body: sms.body, media: sms.media, receivedAt: clock.now() };
    const outcome = await store.commit([
      store.inbox.insert({ id: ids.newId('inb'), agencyId, source: SMS_SOURCE, externalId: sms.messageSid, payload: JSON.stringify(text), receivedAt: clock.now() }),
    ]);
    // 'duplicate': a replayed MessageSid — stored (and handled) once already.
    if (outcome === 'ok') deps.core.onInbox?.();
    return c.body(EMPTY_TWIML, 200, { 'content-type': 'text/xml' });
  });

  app.post(STATUS_PATH, limit, async (c) => {
    const fields = await verified(c, deps);
    if (!fields) return c.text('invalid signature', 403);
    const update = parseStatusUpdate(fields);
    if (!update) return c.text('not a Twilio status callback', 400);
    // Only forward: a late "sent" never overwrites "delivered".
    const replaces = TWILIO_MESSAGE_STATUSES.filter((s) => s !== update.status && advanceStatus(s, update.status) === update.status);
    await deps.core.store.deliveries.setProviderStatus('sms', update.messageSid, {
      status: update.status,
      error: update.errorCode,
      at: deps.core.clock.now(),
      replaces,
    });
    return c.body(null, 204);
  });
  return app;
};
