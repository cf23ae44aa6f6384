import { intlLocale } from '../../domain/locale.ts';
import type { Millis } from '../../domain/types.ts';

/** A date and time as the client reads it: their language, their time zone. */
export const formatWhen = (at: Millis, locale: string, timeZone: string): string =>
  new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(at));
