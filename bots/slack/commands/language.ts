// Which language a word at the end of `/casebridge invite … [language]` names: a portal locale's
// code (`es`, `zh-Hans`, `es-MX`), or a language's English name or its own name (`Spanish`,
// `Español`, `Tiếng Việt`). Names of languages the portal does not speak are known too, so that
// "Maria Lopez French" is refused instead of enrolling someone called "Maria Lopez French".
import { resolveLocale } from '../../../src/domain/locale.ts';
import { LOCALES, type Locale } from '../../../src/domain/types.ts';

const SUPPORTED_NAMES: Readonly<Record<Locale, readonly string[]>> = {
  en: ['English'],
  es: ['Spanish', 'Español', 'Castellano'],
  'zh-Hans': ['Chinese', 'Simplified Chinese', 'Mandarin', '中文', '简体中文', '汉语', '普通话'],
  vi: ['Vietnamese', 'Tiếng Việt'],
  ar: ['Arabic', 'العربية', 'عربي'],
  ht: ['Haitian Creole', 'Haitian', 'Creole', 'Kreyòl', 'Kreyòl ayisyen'],
  ru: ['Russian', 'Русский'],
  ko: ['Korean', '한국어', '한국말'],
};

/** Languages clients ask for that the portal has no translation for (yet). */
const UNSUPPORTED_NAMES = [
  'French', 'Français', 'Portuguese', 'Português', 'Somali', 'Tagalog', 'Filipino', 'Amharic', 'Tigrinya',
  'Swahili', 'Farsi', 'Persian', 'Dari', 'Pashto', 'Urdu', 'Hindi', 'Bengali', 'Punjabi', 'Nepali', 'Burmese',
  'Karen', 'Hmong', 'Khmer', 'Lao', 'Thai', 'Japanese', 'Cantonese', 'Traditional Chinese', '繁體中文', 'Polish',
  'Ukrainian', 'Italian', 'German', 'Turkish', 'Kurdish', 'Hebrew', 'Greek', 'Armenian', 'Romanian', 'Albanian',
  'Serbian', 'Croatian', 'Bosnian', 'Yoruba', 'Igbo', 'Hausa', 'Oromo', 'Kinyarwanda', 'Quechua', 'Navajo',
];
/** ISO 639-1 codes of those languages; like the supported codes, they count only in lower case. */
const UNSUPPORTED_CODES = [
  'fr', 'pt', 'so', 'tl', 'am', 'ti', 'sw', 'fa', 'ps', 'ur', 'hi', 'bn', 'pa', 'ne', 'my', 'km', 'lo', 'th', 'ja',
  'pl', 'uk', 'it', 'de', 'tr', 'ku', 'he', 'el', 'hy', 'ro', 'sq', 'sr', 'hr', 'bs', 'yo', 'ig', 'ha', 'om', 'rw',
];
const TRADITIONAL_CHINESE = /^zh-(hant|tw|hk|mo)\b/i;
/** A language tag as people write it: lower-case language, then any subtags (`es-MX`, `zh-Hans`). */
const TAG = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/** Lower case, without accents (Tiếng Việt → tieng viet), other scripts untouched. */
const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

const byName = new Map<string, Locale | 'unsupported'>();
for (const locale of LOCALES) for (const name of SUPPORTED_NAMES[locale]) byName.set(fold(name), locale);
for (const name of UNSUPPORTED_NAMES) byName.set(fold(name), 'unsupported');

const supportedBases = new Set(LOCALES.map((l) => l.split('-')[0]));

export type LanguageWord = { kind: 'locale'; locale: Locale } | { kind: 'unsupported' };

/**
 * What a word (or two, as in "Haitian Creole") means as a language, or null when it is no
 * language at all. `strictCase`: a code counts only in lower case (`ko`, `zh-hans`, `es-MX`), so
 * that a name like "Grace Ko" keeps its "Ko"; a language's name counts in any case.
 */
export const languageOf = (words: string, strictCase: boolean): LanguageWord | null => {
  const named = byName.get(fold(words));
  if (named) return named === 'unsupported' ? { kind: 'unsupported' } : { kind: 'locale', locale: named };
  const tag = words.trim();
  if (!(strictCase ? TAG.test(tag) : TAG.test(tag.toLowerCase()))) return null;
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  if (TRADITIONAL_CHINESE.test(tag)) return { kind: 'unsupported' };
  if (supportedBases.has(base)) return { kind: 'locale', locale: resolveLocale(tag.replace('_', '-')) };
  return UNSUPPORTED_CODES.includes(base) ? { kind: 'unsupported' } : null;
};

/** The supported codes, for a refusal's "use one of these". */
export const SUPPORTED_LANGUAGE_CODES = LOCALES.join(', ');
