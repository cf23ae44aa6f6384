// Twilio's webhook form bodies, parsed into the adapter's own values. Run after the signature is
// verified. Anything malformed is null, never an exception: a field we read given twice, a SID of
// the wrong shape, more than 10 media, a media URL that is not http(s). Fields we do not read are
// ignored (Twilio adds new ones without notice).
import { z } from 'zod';
import { ACCOUNT_SID, MESSAGE_SID, TWILIO_MESSAGE_STATUSES, type FormFields, type TwilioMessageStatus } from './types.ts';

/** Twilio's limit on media in one message. */
export const MAX_MEDIA = 10;

export interface InboundMedia {
  url: string;
  /** the type Twilio announces, lower case, without parameters; the bytes decide what we accept */
  contentType: string;
}

export interface InboundSms {
  messageSid: string;
  accountSid: string;
  /** as Twilio gave it (E.164 for a phone); the caller normalises it */
  from: string;
  to: string;
  /** '' when the message had no text (a picture alone) */
  body: string;
  media: InboundMedia[];
}

export interface SmsStatusUpdate {
  messageSid: string;
  status: TwilioMessageStatus;
  /** Twilio's error code on `failed` / `undelivered` (e.g. "30003"), else null */
  errorCode: string | null;
}

/** The pairs as an object; a repeated name becomes an array, which no schema below accepts. */
const fieldsOf = (fields: FormFields): Record<string, string | string[]> => {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of fields) {
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
};

const address = z.string().min(1).max(64).refine((s) => s.trim() === s, 'surrounding spaces');
const mediaUrl = z.url({ protocol: /^https?$/ }).max(2048);
const mediaType = z
  .string()
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*\s*(;.*)?$/i)
  .transform((t) => t.split(';')[0]!.trim().toLowerCase());

const inboundSchema = z.object({
  MessageSid: z.string().regex(MESSAGE_SID),
  AccountSid: z.string().regex(ACCOUNT_SID),
  From: address,
  To: address,
  Body: z.string().optional(),
  /** "0" to "10"; anything else (11, -1, 1.5, "") is refused */
  NumMedia: z.string().regex(/^(?:[0-9]|10)$/).optional(),
});

export const parseInboundSms = (fields: FormFields): InboundSms | null => {
  const raw = fieldsOf(fields);
  const parsed = inboundSchema.safeParse(raw);
  if (!parsed.success) return null;
  const count = Number(parsed.data.NumMedia ?? '0');
  const media: InboundMedia[] = [];
  for (let i = 0; i < count; i++) {
    const url = mediaUrl.safeParse(raw[`MediaUrl${i}`]);
    const type = mediaType.safeParse(raw[`MediaContentType${i}`]);
    if (!url.success || !type.success) return null;
    media.push({ url: url.data, contentType: type.data });
  }
  return {
    messageSid: parsed.data.MessageSid,
    accountSid: parsed.data.AccountSid,
    from: parsed.data.From,
    to: parsed.data.To,
    body: parsed.data.Body ?? '',
    media,
  };
};

const statusSchema = z.object({
  MessageSid: z.string().regex(MESSAGE_SID),
  MessageStatus: z.enum(TWILIO_MESSAGE_STATUSES),
  AccountSid: z.string().regex(ACCOUNT_SID).optional(),
  /** numeric when set; Twilio may send it empty */
  ErrorCode: z.string().regex(/^\d{0,6}$/).optional(),
});

export const parseStatusUpdate = (fields: FormFields): SmsStatusUpdate | null => {
  const parsed = statusSchema.safeParse(fieldsOf(fields));
  if (!parsed.success) return null;
  return {
    messageSid: parsed.data.MessageSid,
    status: parsed.data.MessageStatus,
    errorCode: parsed.data.ErrorCode ? parsed.data.ErrorCode : null,
  };
};
