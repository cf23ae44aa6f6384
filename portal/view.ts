import type { Context } from 'hono';
import { intlLocale } from '../src/domain/locale.ts';
import type { Millis } from '../src/domain/types.ts';
import type { PortalDeps, PortalEnv } from './deps.ts';

const RTL = new Set(['ar']);

/** Everything a page needs to speak to the person in front of it. */
export interface View {
  lng: string;
  dir: 'ltr' | 'rtl';
  t: (key: string, vars?: Record<string, string | number>) => string;
  csrf: string;
  signedIn: boolean;
  clientName: string | null;
  timeZone: string;
  path: string;
  quickExitUrl: string;
  /** a weekday, date and time in the client's zone and language */
  when: (at: Millis) => string;
  /** a date alone */
  date: (at: Millis) => string;
  /** a time alone */
  time: (at: Millis) => string;
  /** a number of bytes as a person reads it */
  size: (bytes: number) => string;
}

export const DEFAULT_QUICK_EXIT = 'https://www.google.com/search?q=weather';

export const viewOf = (c: Context<PortalEnv>, deps: PortalDeps): View => {
  const lng = c.get('locale');
  const client = c.get('client');
  const timeZone = client?.timeZone ?? 'UTC';
  const dt = (opts: Intl.DateTimeFormatOptions) => {
    const f = new Intl.DateTimeFormat(intlLocale(lng), { timeZone, ...opts });
    return (at: Millis) => f.format(new Date(at));
  };
  const nf = new Intl.NumberFormat(intlLocale(lng), { maximumFractionDigits: 1 });
  return {
    lng,
    dir: RTL.has(lng) ? 'rtl' : 'ltr',
    t: (key, vars) => deps.core.t(lng, key, vars),
    csrf: c.get('csrf'),
    signedIn: client !== null,
    clientName: client?.displayName ?? null,
    timeZone,
    path: new URL(c.req.url).pathname,
    quickExitUrl: deps.quickExitUrl ?? DEFAULT_QUICK_EXIT,
    when: dt({ weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }),
    date: dt({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    time: dt({ hour: 'numeric', minute: '2-digit' }),
    size: (bytes) =>
      bytes >= 1024 * 1024
        ? `${nf.format(bytes / (1024 * 1024))} MB`
        : `${nf.format(Math.max(1, Math.round(bytes / 1024)))} KB`,
  };
};
