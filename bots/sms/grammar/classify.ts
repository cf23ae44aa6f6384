// What a client's text message means, before anything else is known about the conversation.
// A keyword counts only when it is the whole message (CTIA practice): "Stop." and " STOP " stop,
// "stop by tomorrow?" is text. Precedence: empty, keyword, number, check-in code, text. The
// caller decides what each means now (an opt-out beats any pending question; a number picks from
// the last menu sent; a code is tried only while a session is open, and is text otherwise).
import { normalizeCode } from '../../../src/domain/checkin.ts';
import { KEYWORD_KINDS, KEYWORDS, ONLY_AS_WRITTEN, type KeywordKind } from './keywords.ts';
import { compactKey, foldForMatch, normalizeReply, trimEdges } from './normalize.ts';

export type Reply =
  | { kind: KeywordKind }
  | { kind: 'number'; n: number }
  | { kind: 'code'; code: string }
  | { kind: 'text' }
  | { kind: 'empty' };

/**
 * The shape of a session's check-in code as src/demo/seed.ts makes them: 5 of these 25 letters
 * and digits, which leave out the look-alikes 0/O, 1/I/L, 2/Z, 5/S and 8/B. A typed code is
 * compared the way normalizeCode reads it (case, spaces and dashes do not matter).
 */
export const CHECKIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CHECKIN_CODE_LENGTH = 5;
const CODE_SHAPE = new RegExp(`^[${CHECKIN_CODE_ALPHABET}]{${CHECKIN_CODE_LENGTH}}$`);

/** Cyrillic capitals drawn like Latin ones: a code copied from a board on a Russian keyboard. */
const LATIN_TWIN: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
};

/** No keyword, repeated or not, is longer than this once normalized. */
const LONGEST_KEYWORD_MESSAGE = 64;

interface KeywordIndex {
  /** by the word as written (accents kept), spaces and dashes removed */
  asWritten: Map<string, KeywordKind>;
  /** by the word without accents; 'ambiguous' when that spelling means two things or none */
  folded: Map<string, KeywordKind | 'ambiguous'>;
}

const buildIndex = (): KeywordIndex => {
  const asWritten = new Map<string, KeywordKind>();
  const folded = new Map<string, KeywordKind | 'ambiguous'>();
  const onlyAsWritten = new Set(ONLY_AS_WRITTEN.map(normalizeReply));
  for (const kind of KEYWORD_KINDS) {
    for (const words of Object.values(KEYWORDS[kind])) {
      for (const word of words) {
        const written = normalizeReply(word);
        const key = compactKey(written);
        const before = asWritten.get(key);
        if (before && before !== kind) throw new Error(`keyword ${word} is both ${before} and ${kind}`);
        asWritten.set(key, kind);
        const bare = compactKey(foldForMatch(written));
        const seen = folded.get(bare);
        folded.set(bare, onlyAsWritten.has(written) || (seen !== undefined && seen !== kind) ? 'ambiguous' : kind);
      }
    }
  }
  return { asWritten, folded };
};

const INDEX = buildIndex();

/** The keyword a normalized message is, as written or without its accents; null if none. */
const lookUp = (normalized: string): KeywordKind | null => {
  const written = INDEX.asWritten.get(compactKey(normalized));
  if (written) return written;
  const bare = INDEX.folded.get(compactKey(foldForMatch(normalized)));
  return bare && bare !== 'ambiguous' ? bare : null;
};

/** One keyword said again and again: "no, no", "STOP STOP STOP", "sí sí". */
const repeated = (normalized: string): KeywordKind | null => {
  const words = normalized.split(' ').map(trimEdges).filter((w) => w.length > 0);
  const first = words[0];
  if (words.length < 2 || first === undefined) return null;
  const bare = compactKey(foldForMatch(first));
  if (!words.every((w) => compactKey(foldForMatch(w)) === bare)) return null;
  return lookUp(first);
};

const keywordIn = (normalized: string): KeywordKind | null =>
  normalized && normalized.length <= LONGEST_KEYWORD_MESSAGE ? (lookUp(normalized) ?? repeated(normalized)) : null;

/** The keyword a whole message is, or null (for checking a word a client picks, e.g. a pause word). */
export const keywordOf = (text: string): KeywordKind | null => keywordIn(normalizeReply(text));

/** "2", "#2", "2.", "(2)", "２", "٢", "۲", "2️⃣": a choice from 1 to 99. */
const numberOf = (normalized: string): number | null => {
  if (!/^[0-9]{1,2}$/.test(normalized)) return null;
  const n = Number(normalized);
  return n >= 1 ? n : null;
};

/** The message as a check-in code, normalized, if it has exactly the shape codes are made in. */
const codeOf = (normalized: string): string | null => {
  const latin = [...compactKey(normalized)].map((ch) => LATIN_TWIN[ch] ?? ch).join('');
  const code = normalizeCode(latin);
  return CODE_SHAPE.test(code) ? code : null;
};

/**
 * What a whole text message is. A `code` is only shaped like one: plain words of the code letters
 * ("THERE", "HAPPY") are too, so the caller tries it while a session is open and treats it as text
 * when it does not check in.
 */
export const classifyReply = (text: string): Reply => {
  const normalized = normalizeReply(text);
  if (!normalized) return { kind: 'empty' };
  const keyword = keywordIn(normalized);
  if (keyword) return { kind: keyword };
  const n = numberOf(normalized);
  if (n !== null) return { kind: 'number', n };
  const code = codeOf(normalized);
  if (code) return { kind: 'code', code };
  return { kind: 'text' };
};
