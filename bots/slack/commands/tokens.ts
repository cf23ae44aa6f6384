// The words of a slash command's text, read one at a time so that the rest of the line (a place,
// a message) can still be taken as it was typed. A "double-quoted" run — or a “curly-quoted” one,
// as Slack on phones types it — is one word.

/** Quotes that open a quoted word, and those that close one (phones mix “ and ” freely). */
const OPENING = new Set(['"', '“', '”', '„']);
const CLOSING = new Set(['"', '”', '“']);
const SPACE = /\s/;

export interface Word {
  /** the word, without its quotes; inside quotes, runs of spaces become one */
  text: string;
  quoted: boolean;
  /** a quote was opened and never closed: `text` is everything after it */
  unclosed: boolean;
}

export interface Words {
  /** The next word, consumed; null at the end of the text. */
  next(): Word | null;
  /** The next word, left in place. */
  peek(): Word | null;
  /** Everything not yet read, as typed, trimmed. */
  rest(): string;
  /** Where the reader is, to come back to with `restore`. */
  save(): number;
  restore(at: number): void;
}

/**
 * Slack sends a command's text with `&`, `<` and `>` escaped as HTML entities (whether or not the
 * command escapes mentions and links); undo that first, `&amp;` last.
 */
export const unescapeSlack = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Collapses every run of white space (non-breaking spaces and line breaks included) to one space. */
export const squash = (text: string): string => text.trim().replace(/\s+/g, ' ');

export const startsQuoted = (text: string): boolean => text.length > 0 && OPENING.has(text[0] ?? '');

export const readWords = (text: string): Words => {
  let at = 0;
  const read = (): (Word & { end: number }) | null => {
    let start = at;
    while (start < text.length && SPACE.test(text[start] ?? '')) start++;
    if (start >= text.length) return null;
    if (OPENING.has(text[start] ?? '')) {
      let close = start + 1;
      while (close < text.length && !CLOSING.has(text[close] ?? '')) close++;
      const unclosed = close >= text.length;
      return { text: squash(text.slice(start + 1, close)), quoted: true, unclosed, end: unclosed ? text.length : close + 1 };
    }
    let end = start;
    while (end < text.length && !SPACE.test(text[end] ?? '')) end++;
    return { text: text.slice(start, end), quoted: false, unclosed: false, end };
  };
  const strip = (w: (Word & { end: number }) | null): Word | null => (w ? { text: w.text, quoted: w.quoted, unclosed: w.unclosed } : null);
  return {
    next: () => {
      const w = read();
      if (w) at = w.end;
      return strip(w);
    },
    peek: () => strip(read()),
    rest: () => text.slice(at).trim(),
    save: () => at,
    restore: (to) => {
      at = to;
    },
  };
};

/**
 * A text that is one quoted run from end to end loses its quotes ("Room 4" → Room 4; what is
 * inside is kept as typed, line breaks too); any other text is kept whole. `unclosed` when the
 * text opens a quote it never closes (the text is then returned as it was).
 */
export const unquoteWhole = (raw: string): { text: string; unclosed: boolean } => {
  const text = raw.trim();
  if (!startsQuoted(text)) return { text, unclosed: false };
  const words = readWords(text);
  const first = words.next();
  if (!first || first.unclosed) return { text, unclosed: true };
  return words.rest() === '' ? { text: text.slice(1, -1).trim(), unclosed: false } : { text, unclosed: false };
};
