import { fail, ok, type Result } from '../../domain/result.ts';

export const MAX_MESSAGE_CHARS = 4000;

// C0 controls but tab and newline (a CR of CRLF goes too), DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export type BodyRefusal = 'empty_message' | 'message_too_long';

/**
 * A message body as it is stored and shown: control characters other than newline and tab
 * stripped, trimmed, 1 to 4000 characters (counted as code points, so an emoji is one).
 */
export const cleanBody = (raw: string): Result<string, BodyRefusal> => {
  const body = raw.replace(CONTROL, '').trim();
  if (body.length === 0) return fail('empty_message');
  if (Array.from(body).length > MAX_MESSAGE_CHARS) return fail('message_too_long', { max: MAX_MESSAGE_CHARS });
  return ok(body);
};

/** A body too long to keep whole, cut to the limit (with an ellipsis): for words that must never be refused. */
export const cutBody = (raw: string): string => {
  const chars = Array.from(raw.replace(CONTROL, '').trim());
  return chars.length > MAX_MESSAGE_CHARS ? `${chars.slice(0, MAX_MESSAGE_CHARS - 1).join('')}…` : chars.join('');
};
