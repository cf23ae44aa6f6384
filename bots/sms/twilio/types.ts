// The few shapes of Twilio's Programmable Messaging wire format that the SMS adapter speaks:
// the form fields of its webhooks (https://www.twilio.com/docs/messaging/guides/webhook-request),
// the Message resource its REST API answers with, and its error body. Webhook fields arrive as
// application/x-www-form-urlencoded strings; Twilio adds fields without notice, so parsers ignore
// the ones they do not know (and the signature covers them all).

/** A form body as it came: every name/value pair in order, a name possibly repeated. */
export type FormFields = readonly (readonly [string, string])[];

/** A message's status, in callbacks (`MessageStatus`) and in the REST resource (`status`). */
export const TWILIO_MESSAGE_STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'read',
  'canceled',
  'receiving',
  'received',
] as const;
export type TwilioMessageStatus = (typeof TWILIO_MESSAGE_STATUSES)[number];

/** Fields of the request to the incoming-message webhook (the ones we use, and a few for reference). */
export interface TwilioInboundFields {
  /** `SM…` for SMS, `MM…` for MMS; 34 characters */
  MessageSid: string;
  /** deprecated copies of MessageSid */
  SmsSid?: string;
  SmsMessageSid?: string;
  AccountSid: string;
  MessagingServiceSid?: string;
  /** the sender, E.164 for phone numbers */
  From: string;
  /** our Twilio number */
  To: string;
  /** the text, up to 1,600 characters; absent or empty for a picture alone */
  Body?: string;
  /** how many media are attached, "0" to "10" */
  NumMedia: string;
  NumSegments?: string;
  /** `MediaUrl0` … `MediaUrl9`: https://api.twilio.com/2010-04-01/Accounts/AC…/Messages/MM…/Media/ME… */
  [mediaUrl: `MediaUrl${number}`]: string;
  /** `MediaContentType0` …: the type Twilio announces (the bytes decide what we accept) */
  [mediaType: `MediaContentType${number}`]: string;
  FromCountry?: string;
  ApiVersion?: string;
}

/** Fields of the request to a message's StatusCallback URL. */
export interface TwilioStatusFields {
  MessageSid: string;
  MessageStatus: TwilioMessageStatus;
  AccountSid: string;
  From?: string;
  To?: string;
  /** set on `failed` / `undelivered`, e.g. "30003" (unreachable handset), "30007" (carrier filtering) */
  ErrorCode?: string;
  ErrorMessage?: string;
  /** deprecated copies */
  SmsSid?: string;
  SmsStatus?: string;
  ApiVersion?: string;
  RawDlrDoneDate?: string;
}

/** The form body of `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` as we send it. */
export interface CreateMessageParams {
  To: string;
  From: string;
  Body: string;
  StatusCallback?: string;
}

/** The Message resource, as the create call answers it (201). Numbers are strings, dates RFC 2822. */
export interface TwilioMessageResource {
  sid: string;
  account_sid: string;
  api_version: string;
  body: string;
  date_created: string;
  date_updated: string;
  date_sent: string | null;
  direction: 'inbound' | 'outbound-api' | 'outbound-call' | 'outbound-reply';
  error_code: number | null;
  error_message: string | null;
  from: string;
  to: string;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string;
  status: TwilioMessageStatus;
  subresource_uris: { media: string };
  uri: string;
}

/** Every REST refusal: Twilio's own error code (https://www.twilio.com/docs/api/errors) and the HTTP status. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

/** The Twilio error codes the adapter tells apart. */
export const TWILIO_ERROR = {
  /** wrong Account SID or auth token (HTTP 401) */
  unauthorized: 20003,
  notFound: 20404,
  /** too many requests, or too many concurrent ones (HTTP 429) */
  tooManyRequests: 20429,
  /** the `To` number is not a valid phone number */
  invalidTo: 21211,
  /** geographic permission for the `To` number's country is not enabled on the account */
  regionNotPermitted: 21408,
  /** neither Body nor media */
  bodyRequired: 21602,
  /** the recipient texted STOP to this sender */
  unsubscribed: 21610,
  /** Twilio cannot route to this number */
  unroutable: 21612,
  /** the `To` number cannot receive SMS (a landline, say) */
  notMobile: 21614,
  /** Body over 1,600 characters */
  bodyTooLong: 21617,
} as const;

/** A Message SID: `SM` (or `MM` for an MMS) and 32 hex digits. */
export const MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;
/** An Account SID: `AC` and 32 hex digits. */
export const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
