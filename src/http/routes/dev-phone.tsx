// The demo's phone simulator: a person picks a demo client's number and texts as that client.
// Each text takes Twilio's own path in: the server builds the form Twilio would POST, signs it with
// the (demo) auth token over PUBLIC_URL + /webhooks/sms/twilio, and hands it to its own webhook,
// which verifies it like any other. What comes back is what the dev sender "delivered" to the
// number (the dev outbox), so the thread shows exactly what a real phone would have received.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { toE164 } from '../../domain/phone.ts';
import { DEMO_CLIENTS, DEMO_OFFICE_PHONE } from '../../demo/people.ts';
import { INBOUND_PATH, SIGNATURE_HEADER } from '../../../bots/sms/twilio/webhook.ts';
import { twilioSignature } from '../../../bots/sms/twilio/verify.ts';
import type { AppEnv, HttpDeps } from '../deps.ts';
import { PHONE_CSS, PHONE_JS, sampleJpeg } from './dev-phone-assets.ts';
import { ChoosePage, CSS_PATH, JS_PATH, MAX_BODY, PHONE_PATH, SAMPLE_PATH, SEND_PATH, ThreadPage, threadHref, type ThreadItem } from './dev-phone-view.tsx';

/** Hands a request to this very app (its `fetch`), as if it came from outside. */
export type Dispatch = (req: Request) => Response | Promise<Response>;

/** The texts kept per number; older ones are forgotten. */
const KEPT_PER_NUMBER = 200;

const hex = (bytes: number) => [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

export interface SimulatedText {
  accountSid: string;
  authToken: string;
  /** PUBLIC_URL: what Twilio signs, whatever address the server sees */
  publicUrl: string;
  /** the origin the person's browser uses (127.0.0.1 or localhost), where the sample photo is served */
  origin: string;
  from: string;
  body: string;
  photo: boolean;
}

/**
 * The request Twilio would send for this text: its form fields (a new MessageSid, `MM…` for a
 * message with media as Twilio does), form-encoded, with X-Twilio-Signature.
 */
export const signedInboundRequest = async (text: SimulatedText): Promise<Request> => {
  const sid = `${text.photo ? 'MM' : 'SM'}${hex(16)}`;
  const fields: [string, string][] = [
    ['ApiVersion', '2010-04-01'],
    ['MessageSid', sid],
    ['SmsMessageSid', sid],
    ['SmsSid', sid],
    ['SmsStatus', 'received'],
    ['AccountSid', text.accountSid],
    ['From', text.from],
    ['To', toE164(DEMO_OFFICE_PHONE)!],
    ['Body', text.body],
    ['NumSegments', '1'],
    ['NumMedia', text.photo ? '1' : '0'],
  ];
  if (text.photo) fields.push(['MediaContentType0', 'image/jpeg'], ['MediaUrl0', `${text.origin}${SAMPLE_PATH}`]);
  const signature = await twilioSignature(text.authToken, `${text.publicUrl.replace(/\/+$/, '')}${INBOUND_PATH}`, fields);
  return new Request(new URL(INBOUND_PATH, text.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', [SIGNATURE_HEADER]: signature },
    body: new URLSearchParams(fields).toString(),
  });
};

/** The demo client with this number (any spelling of it), or null. */
const demoPhone = (raw: string | undefined) => {
  const e164 = raw ? toE164(raw) : null;
  return DEMO_CLIENTS.find((p) => p.phone === e164) ?? null;
};

/**
 * A form post from one of our own pages: no Origin (not a browser), this server's origin as the
 * browser sees it or as PUBLIC_URL says, or the `null` a no-referrer page sends same-origin. The
 * portal's CSRF check does not reach /dev/*: this page has no session to take a token from.
 */
const fromOurPage = (c: Context, publicUrl: string) => {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  if (origin === new URL(c.req.url).origin || origin === new URL(publicUrl).origin) return true;
  return origin === 'null' && c.req.header('sec-fetch-site') === 'same-origin';
};

const sendForm = z.object({
  number: z.string().max(64),
  body: z.string().max(MAX_BODY).default(''),
  photo: z.literal('1').optional(),
});

export const devPhoneRoutes = (deps: HttpDeps, dispatch: Dispatch) => {
  const app = new Hono<AppEnv>();
  const sms = deps.sms?.simulated ? deps.sms : undefined;
  // Without the demo's own SMS account there is no webhook to text (with a real Twilio account,
  // replies would go to real phones): the paths are plain 404s (and never fall through to the
  // portal's form checks).
  if (!sms) return app.all(PHONE_PATH, (c) => c.notFound()).all(`${PHONE_PATH}/*`, (c) => c.notFound());

  // What the person texted, per number. Kept in this process's memory — enough for the demo, and
  // the store keeps no copy to read back: the inbox clears a text once handled, and only texts
  // for the caseworker become messages. Forgotten on restart; the replies (dev outbox) are not.
  const sent = new Map<string, ThreadItem[]>();
  const remember = (phone: string, item: ThreadItem) => sent.set(phone, [...(sent.get(phone) ?? []), item].slice(-KEPT_PER_NUMBER));

  const thread = async (phone: string): Promise<ThreadItem[]> => {
    const received: ThreadItem[] = (await deps.core.store.devOutbox.list())
      .filter((m) => m.channel === 'sms' && m.to === phone)
      .reverse()
      .map((m) => ({ kind: 'received', at: m.createdAt, text: m.text, photo: false }));
    // Oldest first; at the same instant a text comes before what it caused (the sort is stable).
    return [...(sent.get(phone) ?? []), ...received].sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'sent' ? -1 : 1));
  };

  const asset = (type: string, body: string | Uint8Array) => (c: Context) => {
    c.header('Content-Type', type);
    c.header('Cache-Control', 'no-cache');
    return c.body(typeof body === 'string' ? body : new Uint8Array(body));
  };

  return app
    .get(CSS_PATH, asset('text/css; charset=utf-8', PHONE_CSS))
    .get(JS_PATH, asset('text/javascript; charset=utf-8', PHONE_JS))
    .get(SAMPLE_PATH, asset('image/jpeg', sampleJpeg()))
    .get(PHONE_PATH, async (c) => {
      const lng = c.get('locale');
      const t = (k: string, vars?: Record<string, string | number>) => deps.core.t(lng, k, vars);
      c.header('Cache-Control', 'no-store');
      const number = c.req.query('number');
      if (number === undefined) return c.html(<ChoosePage t={t} lng={lng} phones={DEMO_CLIENTS} />);
      const person = demoPhone(number);
      if (!person) return c.text(t('dev.phone.not_demo_number'), 400);
      return c.html(<ThreadPage t={t} lng={lng} person={person} items={await thread(person.phone)} />);
    })
    .post(SEND_PATH, bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text(deps.core.t(c.get('locale'), 'http.payload_too_large'), 413) }), async (c) => {
      const t = (k: string) => deps.core.t(c.get('locale'), k);
      if (!fromOurPage(c, deps.publicUrl)) return c.text(t('portal.errors.bad_origin'), 403);
      const form = sendForm.safeParse(await c.req.parseBody());
      if (!form.success) return c.text(t('http.bad_request'), 400);
      const person = demoPhone(form.data.number);
      if (!person) return c.text(t('dev.phone.not_demo_number'), 400);
      const body = form.data.body.replace(/\r\n/g, '\n');
      const photo = form.data.photo === '1';
      // A phone sends nothing when there is nothing to send.
      if (body.trim() || photo) {
        const at = deps.core.clock.now();
        const origin = new URL(c.req.url).origin;
        const req = await signedInboundRequest({ ...sms, publicUrl: deps.publicUrl, origin, from: person.phone, body, photo });
        const res = await dispatch(req);
        await res.body?.cancel();
        if (res.status !== 200) throw new Error(`dev phone: the SMS webhook answered ${res.status}`);
        remember(person.phone, { kind: 'sent', at, text: body, photo });
      }
      return c.redirect(`${threadHref(person.phone)}#compose`, 303);
    });
};
