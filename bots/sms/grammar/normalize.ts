// How a client's text is read before it is matched. The vocabulary goes through the same
// functions as the messages, so a word is written once, in its own script, and matches however a
// phone sends it: full-width, decomposed accents, invisible direction marks, Arabic-Indic digits.

/**
 * Characters nobody sees: soft hyphen, zero-width and direction marks (Arabic phones add them),
 * word joiners, variation selectors, the byte-order mark, and the keycap mark of "2️⃣".
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u20E3\uFE00-\uFE0F\uFEFF]|\uDB40[\uDD00-\uDDEF]/g;

/** Arabic-Indic (٠–٩) and Extended Arabic-Indic / Persian (۰–۹) digits. */
const EASTERN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Whatever at either end is neither a letter nor a digit: punctuation, quotes, emoji, spaces. */
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Eastern Arabic and Persian digits as ASCII digits (full-width ones are NFKC's job). */
export const toAsciiDigits = (s: string): string =>
  s.replace(EASTERN_DIGIT, (d) => {
    const cp = d.codePointAt(0)!;
    return String(cp >= 0x06f0 ? cp - 0x06f0 : cp - 0x0660);
  });

/** Drops what surrounds the words: "¡Alto!" → "Alto", "“STOP” 🛑" → "STOP", "(2)" → "2". */
export const trimEdges = (s: string): string => s.replace(EDGES, '');

/**
 * A message as it is matched, accents kept: NFKC (full-width letters and digits, ligatures,
 * circled digits), invisible characters removed, ASCII digits, upper case (toUpperCase, which
 * knows no locale: "i" is always "I"), surrounding punctuation and emoji dropped, inner
 * whitespace collapsed to one space. Empty when nothing but those was sent.
 */
export const normalizeReply = (text: string): string =>
  trimEdges(toAsciiDigits(text.normalize('NFKC').replace(INVISIBLE, '')).toUpperCase()).replace(/\s+/g, ' ');

/**
 * The same text without what phones often leave out: accents and tone marks (Latin, Vietnamese,
 * Cyrillic Ё), Đ typed as D, Arabic short vowels, hamza seats, tatweel, ة typed as ه and ى as ي
 * (and the Persian-keyboard ی and ک). Hangul is unchanged (its jamo are letters, not marks).
 */
export const foldForMatch = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0110\u00D0]/g, 'D')
    .replace(/\u0640/g, '')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0649\u06CC]/g, '\u064A')
    .replace(/\u06A9/g, '\u0643')
    .normalize('NFC');

/** Spaces, dashes and underscores removed: "OPT-OUT", "opt out" and "OPTOUT" are one key. */
export const compactKey = (s: string): string => s.replace(/[\s\p{Pd}_]+/gu, '');
