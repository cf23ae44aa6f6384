// Words for Slack: from locales/ (keys under `slack.`), escaped for mrkdwn, cut to Slack's limits.
//
// Slack's mrkdwn gives `&`, `<` and `>` meaning: `<!channel>` pings a whole channel, `<url|text>`
// disguises a link. Every piece of text a client or a caseworker wrote (names, bodies, reasons,
// kinds) and every translated string goes through escapeMrkdwn before it is put into mrkdwn, so
// what someone typed is shown as typed. plain_text is never parsed, so it is left as it is.
import { intlLocale, isLocale, resolveLocale } from '../../../src/domain/locale.ts';
import type { ClientChannelKind } from '../../../src/domain/types.ts';
import type { Translate } from '../../../src/ports/translator.ts';

/** Staff read English for now (the staff notices are written in 'en'). */
export const STAFF_LOCALE = 'en';

/** Slack's limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  sectionText: 3000,
  fieldText: 2000,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  privateMetadata: 3000,
  reasonMax: 500,
  messageBlocks: 50,
  viewBlocks: 100,
  /** the notification text: Slack takes more, but nobody reads more */
  fallbackText: 3000,
} as const;

export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The longest cut ≤ at that splits neither a surrogate pair nor an escaped entity (`&amp;`). */
const safeCut = (s: string, at: number): number => {
  let cut = Math.max(0, Math.min(at, s.length));
  if (cut > 0 && cut < s.length && isHighSurrogate(s.charCodeAt(cut - 1))) cut -= 1;
  const amp = s.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp >= cut - 4) {
    const semi = s.indexOf(';', amp);
    if (semi === -1 || semi >= cut) cut = amp;
  }
  return cut;
};

/** At most max characters: cut with "…" when longer. */
export const clip = (text: string, max: number): string => {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1)).trimEnd()}…`;
};

/**
 * Long escaped text in pieces of at most max characters, broken at a line or a space where one is
 * near; at most maxParts pieces, the last one cut with "…" when the text is longer still (`cut`).
 */
export const splitMrkdwn = (text: string, max: number, maxParts: number): { parts: string[]; cut: boolean } => {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max && parts.length < maxParts - 1) {
    let cut = safeCut(rest, max);
    const window = rest.slice(Math.max(0, cut - 200), cut);
    const br = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    if (br > 0) cut = safeCut(rest, cut - window.length + br + 1);
    if (cut <= 0) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(clip(rest, max));
  return { parts, cut: rest.length > max };
};

/** The texts of one view, in one language. */
export interface Texts {
  locale: string;
  /** a `slack.` key, rendered as is: for plain_text */
  plain: (key: string, vars?: Record<string, string | number>) => string;
  /** a `slack.` key, rendered and escaped: for mrkdwn */
  md: (key: string, vars?: Record<string, string | number>) => string;
  /** any key, rendered as is */
  raw: (key: string, vars?: Record<string, string | number>) => string;
}

export const texts = (t: Translate, locale: string): Texts => ({
  locale,
  plain: (key, vars) => t(locale, `slack.${key}`, vars),
  md: (key, vars) => escapeMrkdwn(t(locale, `slack.${key}`, vars)),
  raw: (key, vars) => t(locale, key, vars),
});

/** A language's own name ("Español") for a locale code; an unknown code is shown as it is. */
export const languageName = (tx: Texts, code: string): string => {
  const tag = code.trim();
  const loc = resolveLocale(tag);
  const known = isLocale(tag) || loc !== 'en' || /^en([-_]|$)/i.test(tag);
  return known ? tx.raw(`portal.languages.${loc}`) : tag;
};

/** "SMS", "Telegram", "Portal" */
export const channelName = (tx: Texts, channel: ClientChannelKind): string => tx.plain(`channels.${channel}`);

/** "SMS, Telegram and Portal", the way the locale lists things. */
export const listOf = (locale: string, items: string[]): string =>
  new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
