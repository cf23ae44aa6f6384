import { intlLocale } from '../../domain/locale.ts';
import type { Millis } from '../../domain/types.ts';

// Building an Intl.DateTimeFormat costs far more than using one (about half a millisecond here):
// the scheduler formats thousands of times a tick, so each (locale, zone) pair is built once.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 500;

const formatterFor = (locale: string, timeZone: string): Intl.DateTimeFormat => {
  const key = `${locale}\u0000${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, f);
  }
  return f;
};

/** A date and time as the client reads it: their language, their time zone. */
export const formatWhen = (at: Millis, locale: string, timeZone: string): string => formatterFor(locale, timeZone).format(new Date(at));
