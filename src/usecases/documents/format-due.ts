import { intlLocale } from '../../domain/locale.ts';
import type { Millis } from '../../domain/types.ts';

/**
 * A due date as the client reads it: the calendar day of `at` in their time zone, in their
 * language (a due date is a day, so no time of day).
 */
export const formatDue = (at: Millis, locale: string, timeZone: string): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(at));
