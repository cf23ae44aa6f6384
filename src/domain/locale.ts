import { LOCALES, type Locale } from './types.ts';

/** The supported locale closest to a tag (es-MX → es, zh-CN/zh → zh-Hans), else English. */
export const resolveLocale = (tag: string | null | undefined): Locale => {
  if (!tag) return 'en';
  const t = tag.trim().toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  if (t.startsWith('zh')) return 'zh-Hans';
  const base = t.split(/[-_]/)[0];
  return LOCALES.find((l) => l === base) ?? 'en';
};

export const isLocale = (tag: string): tag is Locale => (LOCALES as readonly string[]).includes(tag);

/**
 * The tag to give Intl for a locale's dates and numbers. Haitian Creole has no CLDR date data
 * (Intl would answer in English), so it reads dates the Haitian French way.
 */
export const intlLocale = (lng: string): string => (resolveLocale(lng) === 'ht' ? 'fr-HT' : resolveLocale(lng));
