import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/types.ts';
import { resources } from './resources.ts';
import { createTranslator } from './translator.ts';

type Tree = { [k: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
};

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const en = flatten(resources.en.translation as Tree);

describe('locales', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every key, none empty, with the same placeholders', (lng) => {
    const other = flatten(resources[lng].translation as Tree);
    expect([...en.keys()].filter((k) => !other.has(k))).toEqual([]);
    expect([...other.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...other].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    const mismatched = [...en].filter(([k, v]) => placeholders(v).join() !== placeholders(other.get(k) ?? '').join());
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s is a translation, not an English copy', (lng) => {
    const other = flatten(resources[lng].translation as Tree);
    // Strings that are only placeholders and punctuation, names (the product, a brand, each
    // language's own name for itself) may be the same in every language.
    const words = [...en].filter(
      ([k, v]) =>
        !k.startsWith('portal.languages.') &&
        !/^(Casebridge|Telegram|SMS|Slack|PDF|JPEG|PNG|HEIC|WebP)$/.test(v) &&
        /[A-Za-z]{3,}/.test(v.replace(/\{\{\s*\w+\s*\}\}/g, '')),
    );
    const copied = words.filter(([k, v]) => other.get(k) === v).map(([k]) => k);
    expect(copied).toEqual([]);
  });

  it('names every language in that language, the same in every locale', () => {
    for (const lng of LOCALES) {
      expect(flatten(resources[lng].translation as Tree).get(`portal.languages.${lng}`)).toBe(en.get(`portal.languages.${lng}`));
    }
  });

  it('renders keys with variables, and falls back to English for an unknown language', () => {
    const t = createTranslator();
    expect(t('en', 'errors.too_large', { maxMb: 20 })).toContain('20');
    expect(t('de-DE', 'errors.not_found')).toBe(t('en', 'errors.not_found'));
    expect(t('es-MX', 'errors.not_found')).toBe(t('es', 'errors.not_found'));
  });
});
