// Time-zone arithmetic with Intl only (runs the same in Node and workerd).
import type { Millis } from './types.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export const isValidTimeZone = (tz: string): boolean => {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
};

/** Wall-clock parts of an instant in a time zone. */
export const localParts = (at: Millis, timeZone: string): LocalParts => {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
};

/** Offset of the zone from UTC at an instant, in milliseconds (east positive). */
export const zoneOffset = (at: Millis, timeZone: string): number => {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(at / MINUTE) * MINUTE;
};

/**
 * The instant at which the wall clock in `timeZone` shows the given date and minute of day.
 * A wall time skipped by a spring-forward change maps to the instant just after the gap; an
 * ambiguous one (fall back) maps to its first occurrence.
 */
export const zonedToUtc = (
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timeZone: string,
): Millis => {
  const naive = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  // The wall time read with each offset in force around it (a day before, at, a day after): the
  // ones that really show that wall time are its instants; the earliest is the first occurrence.
  const shows = (at: Millis) => {
    const p = localParts(at, timeZone);
    return p.year === date.year && p.month === date.month && p.day === date.day && p.hour * 60 + p.minute === minuteOfDay;
  };
  const offsets = new Set([naive - DAY, naive, naive + DAY].map((at) => zoneOffset(at, timeZone)));
  const instants = [...offsets].map((o) => naive - o).filter(shows);
  if (instants.length > 0) return Math.min(...instants);
  // In a gap no instant shows the wall time: take the one just after the gap.
  const first = naive - zoneOffset(naive, timeZone);
  const second = naive - zoneOffset(first, timeZone);
  return Math.max(first, second);
};

/** Calendar date (in the zone) of an instant, plus n days. */
export const addLocalDays = (
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number } => {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** ISO weekday of a calendar date. */
export const weekdayOf = (date: { year: number; month: number; day: number }): number => {
  const wd = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return wd === 0 ? 7 : wd;
};
