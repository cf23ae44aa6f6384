// How a text travels as SMS: in GSM-7 (the GSM 03.38 alphabet, 7 bits a character) when every
// character is in it, else in UCS-2 (UTF-16). A single message holds 160 septets or 70 code units;
// a longer one is split into concatenated segments that lose room to a header: 153 and 67.
// Splitting never cuts a character in two: an extension character (two septets, ESC + code) or a
// surrogate pair (an emoji, two code units) that does not fit moves whole to the next segment.
// (Combining sequences such as flags or skin tones may still be split between their code points,
// as handsets reassemble concatenated messages before showing them.)

/** Twilio's limit on a message Body, in characters; the sender refuses longer texts. */
export const SMS_MAX_CHARS = 1600;

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** septets for GSM-7 (an extension character counts 2), UTF-16 code units for UCS-2 */
  units: number;
  /** segments a network carries; 0 for an empty text */
  segments: number;
}

/** The GSM 03.38 default alphabet, in table order, without ESC (0x1B). */
export const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table's characters: each is sent as ESC + a code, two septets. */
export const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

const LIMITS = {
  gsm7: { single: 160, concatenated: 153 },
  ucs2: { single: 70, concatenated: 67 },
} as const;

/** Septets a character takes in GSM-7, or null when it is not in the alphabet. */
const septets = (ch: string): 1 | 2 | null => (BASIC.has(ch) ? 1 : EXTENSION.has(ch) ? 2 : null);

export const smsEncoding = (text: string): SmsEncoding => {
  for (const ch of text) if (septets(ch) === null) return 'ucs2';
  return 'gsm7';
};

/** Each character's size in the encoding's units, one entry per code point. */
const sizes = (text: string, encoding: SmsEncoding): number[] =>
  Array.from(text, (ch) => (encoding === 'gsm7' ? septets(ch)! : ch.length));

/** Segments needed when characters of these sizes are packed in order, none split. */
const pack = (charSizes: number[], perSegment: number): number => {
  let segments = 1;
  let used = 0;
  for (const size of charSizes) {
    if (used + size > perSegment) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return segments;
};

export const countSms = (text: string): SmsCount => {
  const encoding = smsEncoding(text);
  const charSizes = sizes(text, encoding);
  const units = charSizes.reduce((a, b) => a + b, 0);
  const limit = LIMITS[encoding];
  const segments = units === 0 ? 0 : units <= limit.single ? 1 : pack(charSizes, limit.concatenated);
  return { encoding, units, segments };
};
