import type { Locale } from '../../types.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { ht } from './ht.ts';
import { ko } from './ko.ts';
import { ru } from './ru.ts';
import type { PhraseSet } from './types.ts';
import { vi } from './vi.ts';
import { zhHans } from './zh-Hans.ts';

/** The crisis phrases of every supported language. */
export const PHRASES: Readonly<Record<Locale, PhraseSet>> = { en, es, 'zh-Hans': zhHans, vi, ar, ht, ru, ko };
