// Drives the SMS bot the way Twilio does: form posts signed with X-Twilio-Signature over
// PUBLIC_URL + path, to the real HTTP app, with the bot talking to a fake Twilio REST API on
// 127.0.0.1 (sends, media downloads and deletes). After each text the harness runs what the
// server runs in the background: the inbox worker (the conversation handles the text) and the
// delivery worker (the answers reach the fake), so a test reads the phone as the client would.
import { expect } from 'vitest';
import { smsInboxHandlers } from '../../bots/sms/inbox.ts';
import type { SmsEnv } from '../../bots/sms/conversation/turn.ts';
import { deleteTwilioMedia, fetchTwilioMedia } from '../../bots/sms/twilio/media.ts';
import { twilioSender } from '../../bots/sms/twilio/send.ts';
import type { FormFields } from '../../bots/sms/twilio/types.ts';
import { twilioSignature } from '../../bots/sms/twilio/verify.ts';
import { INBOUND_PATH, SIGNATURE_HEADER, STATUS_PATH } from '../../bots/sms/twilio/webhook.ts';
import { createApp } from '../../src/http/app.ts';
import { devSender } from '../../src/senders/dev-sender.ts';
import { handleInbox } from '../../src/usecases/inbox/handle-inbox.ts';
import { channelGone } from '../../src/usecases/outbox/channel-gone.ts';
import { deliverDue } from '../../src/usecases/outbox/deliver-outbox.ts';
import { startFakeTwilio } from '../fakes/twilio-api.ts';
import type { TestCore } from './core.ts';
import type { World } from './fixtures.ts';

/** What Twilio was given as the webhook's address (PUBLIC_URL), whatever this server sees. */
export const PUBLIC_URL = 'https://casebridge.example.org';
/** Our Twilio number. */
export const TWILIO_NUMBER = '+15005550006';

export type Media = { url: string; contentType: string };

export interface TextOptions {
  media?: Media[];
  /** the MessageSid; a fresh one when absent (give the same one twice to replay a text) */
  sid?: string;
}

export interface PostOptions {
  /** the URL to sign over; PUBLIC_URL + path by default */
  signedUrl?: string;
  /** the address the request arrives at (a proxy's upstream); the path alone by default */
  requestUrl?: string;
  /** the signature to send; null sends none; computed by default */
  signature?: string | null;
  /** the body actually posted, when it differs from what was signed */
  body?: FormFields;
}

export const startSms = async (core: TestCore, w: World, opts: { publicUrl?: string } = {}) => {
  const api = await startFakeTwilio();
  const publicUrl = opts.publicUrl ?? PUBLIC_URL;
  const { accountSid, authToken } = api;
  const app = createApp({ core, demo: false, publicUrl, sms: { accountSid, authToken } });
  // Pacing is the throttle's own test; here every answer may go at once.
  const sms = twilioSender({
    accountSid,
    authToken,
    from: TWILIO_NUMBER,
    apiBase: api.apiBase,
    statusCallbackUrl: `${publicUrl}${STATUS_PATH}`,
    deliveries: core.store.deliveries,
    clock: core.clock,
    throttle: { wait: async () => {} },
  });
  const other = devSender(core);
  /** The hosts media may come from: the fake's, as Twilio's are in production. */
  const allowedHosts = [new URL(api.apiBase).host];
  const media = (url: string) => ({ url, accountSid, authToken, allowedHosts });
  const env: SmsEnv = {
    core,
    agencyId: async () => w.agency.id,
    publicUrl,
    fetchMedia: (url, maxBytes) => fetchTwilioMedia({ ...media(url), maxBytes }),
    deleteMedia: (url) => deleteTwilioMedia(media(url)),
  };
  /** What the conversation threw while handling texts (a test expects none unless it says so). */
  const failures: unknown[] = [];
  /** The background work: handle what the webhook stored, then deliver what got queued. */
  const work = async () => {
    const handlers = smsInboxHandlers(env);
    while ((await handleInbox({ store: core.store, handlers, maxAttempts: 3, onFailure: (_i, e) => failures.push(e) }, core.clock.now())).done > 0);
    const deliver = () =>
      deliverDue(
        { store: core.store, t: core.t, senderFor: (ch) => (ch === 'sms' ? sms : other), maxAttempts: 5, onGone: (row, gone) => channelGone(core, row, gone) },
        core.clock.now(),
      );
    while ((await deliver()).sent > 0);
  };

  let nextSid = 1;
  const newSid = (prefix: 'SM' | 'MM' = 'SM') => `${prefix}${(nextSid++).toString(16).padStart(32, '0')}`;

  /** The fields Twilio posts for an inbound text (the ones we read, and a few we do not). */
  const textFields = (from: string, body: string, o: TextOptions = {}): FormFields => {
    const list = o.media ?? [];
    const sid = o.sid ?? newSid(list.length > 0 ? 'MM' : 'SM');
    return [
      ['ToCountry', 'US'],
      ['SmsMessageSid', sid],
      ['NumMedia', String(list.length)],
      ...list.flatMap((m, i): [string, string][] => [
        [`MediaContentType${i}`, m.contentType],
        [`MediaUrl${i}`, m.url],
      ]),
      ['SmsSid', sid],
      ['SmsStatus', 'received'],
      ['Body', body],
      ['To', TWILIO_NUMBER],
      ['NumSegments', '1'],
      ['MessageSid', sid],
      ['AccountSid', accountSid],
      ['From', from],
      ['ApiVersion', '2010-04-01'],
    ];
  };

  /** Posts form fields to `path` as Twilio would (signed over PUBLIC_URL + path), or as told otherwise. */
  const post = async (path: string, fields: FormFields, o: PostOptions = {}) => {
    const signature = o.signature === undefined ? await twilioSignature(authToken, o.signedUrl ?? `${publicUrl}${path}`, fields) : o.signature;
    return app.request(o.requestUrl ?? path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature === null ? {} : { [SIGNATURE_HEADER]: signature }),
      },
      body: new URLSearchParams((o.body ?? fields).map(([k, v]) => [k, v])).toString(),
    });
  };

  /** Texts `body` from `from` as Twilio delivers it, expects it accepted, and lets the server work. */
  const text = async (from: string, body: string, o: TextOptions = {}) => {
    const fields = textFields(from, body, o);
    const res = await post(INBOUND_PATH, fields);
    expect(res.status).toBe(200);
    await work();
    expect(failures).toEqual([]);
    return { res, sid: fields.find(([k]) => k === 'MessageSid')![1] };
  };

  /** Twilio's delivery status callback for a message we sent. */
  const status = (messageSid: string, messageStatus: string, errorCode?: string) =>
    post(STATUS_PATH, [
      ['MessageSid', messageSid],
      ['SmsSid', messageSid],
      ['MessageStatus', messageStatus],
      ['SmsStatus', messageStatus],
      ['AccountSid', accountSid],
      ['From', TWILIO_NUMBER],
      ['ApiVersion', '2010-04-01'],
      ...(errorCode ? ([['ErrorCode', errorCode]] as [string, string][]) : []),
    ]);

  /** A picture the client "sent": held by the fake as Twilio holds MMS media. */
  const photo = (bytes: Uint8Array, contentType = 'image/jpeg'): Media => ({ url: api.addMedia(bytes, contentType), contentType });

  /** Every text the phone `to` received, in order. */
  const received = (to: string) => api.sent.filter((m) => m.to === to).map((m) => m.body);
  const lastTo = (to: string) => received(to).at(-1);

  return { api, app, env, sender: sms, publicUrl, work, failures, newSid, textFields, post, text, status, photo, received, lastTo };
};

export type SmsHarness = Awaited<ReturnType<typeof startSms>>;
