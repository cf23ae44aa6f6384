import i18next, { type i18n } from 'i18next';
import { resolveLocale } from '../domain/locale.ts';
import { LOCALES } from '../domain/types.ts';
import type { Translate } from '../ports/translator.ts';
import { resources } from './resources.ts';

/** Builds an i18next instance over the bundled locales; synchronous, no globals. */
export const createI18n = (): i18n => {
  const inst = i18next.createInstance();
  void inst.init({
    resources,
    supportedLngs: [...LOCALES],
    fallbackLng: 'en',
    initAsync: false,
    // Our texts are plain text for SMS and chat; HTML escaping happens where HTML is made.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return inst;
};

export const createTranslator = (inst: i18n = createI18n()): Translate => {
  const fixed = new Map<string, ReturnType<i18n['getFixedT']>>();
  return (locale, key, vars) => {
    const lng = resolveLocale(locale);
    let t = fixed.get(lng);
    if (!t) {
      t = inst.getFixedT(lng);
      fixed.set(lng, t);
    }
    return t(key, vars ?? {}) as string;
  };
};
