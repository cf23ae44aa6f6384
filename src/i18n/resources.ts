// Every locale, bundled at build time: no file system at run time (Workers has none).
import ar from '../../locales/ar/translation.json' with { type: 'json' };
import en from '../../locales/en/translation.json' with { type: 'json' };
import es from '../../locales/es/translation.json' with { type: 'json' };
import ht from '../../locales/ht/translation.json' with { type: 'json' };
import ko from '../../locales/ko/translation.json' with { type: 'json' };
import ru from '../../locales/ru/translation.json' with { type: 'json' };
import vi from '../../locales/vi/translation.json' with { type: 'json' };
import zhHans from '../../locales/zh-Hans/translation.json' with { type: 'json' };
import type { Resource as I18nResource } from 'i18next';
import type { Locale } from '../domain/types.ts';

/** Key parity between locales is checked by locales.test.ts, which names what is missing. */
export const resources: Record<Locale, { translation: Record<string, unknown> }> & I18nResource = {
  en: { translation: en },
  es: { translation: es },
  'zh-Hans': { translation: zhHans },
  vi: { translation: vi },
  ar: { translation: ar },
  ht: { translation: ht },
  ru: { translation: ru },
  ko: { translation: ko },
};
