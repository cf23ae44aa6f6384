// Dates, times and lengths as a caseworker types them after /casebridge, read in their own time
// zone: `2026-03-20`, `today`, `tomorrow`; `14:30`, `9:05`, `2:30pm`, `2pm`, `2:30 pm`; `45m`,
// `1h`, `1h30m`, `90`, `90 min`.
import { addLocalDays, DAY, localParts, MINUTE, zoneOffset } from '../../../src/domain/time.ts';
import type { Millis } from '../../../src/domain/types.ts';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A length outside this range is refused (the same bounds as an appointments import). */
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 480;

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const RELATIVE_DATE = /^(today|tomorrow)$/i;
const CLOCK = /^(\d{1,2}):(\d{2})(am|pm|a\.m\.|p\.m\.)?$/i;
const HOUR_ONLY = /^(\d{1,2})(am|pm|a\.m\.|p\.m\.)$/i;
const MERIDIEM = /^(am|pm|a\.m\.|p\.m\.)$/i;
const BARE_MINUTES = /^\d{1,6}$/;
const UNIT_MINUTES = /^(\d{1,6})(?:m|min|mins|minutes?)$/i;
const UNIT_HOURS = /^(\d{1,3})(?:h|hr|hrs|hours?)$/i;
const HOURS_MINUTES = /^(\d{1,2})h(\d{1,2})(?:m|min)?$/i;
/** A unit written as its own word after a bare number: `90 min`, `2 hours`. */
export const DURATION_UNIT = /^(m|min|mins|minutes?|h|hr|hrs|hours?)$/i;

export const looksLikeDate = (word: string): boolean => ISO_DATE.test(word) || RELATIVE_DATE.test(word);
export const looksLikeTime = (word: string): boolean => CLOCK.test(word) || HOUR_ONLY.test(word);
export const isMeridiem = (word: string): boolean => MERIDIEM.test(word);
export const isBareNumber = (word: string): boolean => BARE_MINUTES.test(word);
export const looksLikeDuration = (word: string): boolean =>
  BARE_MINUTES.test(word) || UNIT_MINUTES.test(word) || UNIT_HOURS.test(word) || HOURS_MINUTES.test(word);

/** Today's calendar date on the wall clocks of a time zone. */
export const todayIn = (now: Millis, timeZone: string): LocalDate => {
  const p = localParts(now, timeZone);
  return { year: p.year, month: p.month, day: p.day };
};

const isCalendarDate = ({ year, month, day }: LocalDate): boolean => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
};

/** The date a word names, or null when it names none (2026-02-30, 2026-13-01). Shape checked by looksLikeDate. */
export const readDate = (word: string, today: LocalDate): LocalDate | null => {
  const rel = RELATIVE_DATE.exec(word);
  if (rel) return rel[1]?.toLowerCase() === 'today' ? today : addLocalDays(today, 1);
  const m = ISO_DATE.exec(word);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isCalendarDate(date) ? date : null;
};

/**
 * The minute of the day a time names, or null when it names none (25:00, 9:75, 13pm, 0am).
 * `meridiem` is an am/pm written as its own word after the time.
 */
export const readTime = (word: string, meridiem?: string): number | null => {
  const clock = CLOCK.exec(word);
  const hourOnly = clock ? null : HOUR_ONLY.exec(word);
  if (!clock && !hourOnly) return null;
  const hour = Number((clock ?? hourOnly)?.[1]);
  const minute = clock ? Number(clock[2]) : 0;
  const suffix = (clock ? clock[3] : hourOnly?.[2]) ?? meridiem;
  if (minute > 59) return null;
  if (!suffix) return hour <= 23 ? hour * 60 + minute : null;
  if (hour < 1 || hour > 12) return null;
  const pm = suffix.toLowerCase().startsWith('p');
  return ((hour % 12) + (pm ? 12 : 0)) * 60 + minute;
};

/** A length in minutes, or null when the word is not one. Range checked by the caller. */
export const readDuration = (word: string, unit?: string): number | null => {
  if (unit !== undefined) {
    if (!BARE_MINUTES.test(word) || !DURATION_UNIT.test(unit)) return null;
    return unit.toLowerCase().startsWith('h') ? Number(word) * 60 : Number(word);
  }
  const hm = HOURS_MINUTES.exec(word);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
  const h = UNIT_HOURS.exec(word);
  if (h) return Number(h[1]) * 60;
  const m = UNIT_MINUTES.exec(word) ?? (BARE_MINUTES.test(word) ? [word, word] : null);
  return m ? Number(m[1]) : null;
};

/**
 * Every instant that could show this date and minute on the zone's wall clock: the wall time read
 * with each offset in force within a day of it (at most one change of offset a day is assumed),
 * earliest first. src/domain/time.ts zonedToUtc is not used here: it answers an hour late for
 * wall times just after a spring-forward gap (03:00–06:59 on 2026-03-08 in New York).
 */
const candidates = (date: LocalDate, minuteOfDay: number, timeZone: string): Millis[] => {
  const naive = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  const offsets = new Set([zoneOffset(naive - DAY, timeZone), zoneOffset(naive, timeZone), zoneOffset(naive + DAY, timeZone)]);
  return [...offsets].map((o) => naive - o).sort((a, b) => a - b);
};

const shows = (at: Millis, date: LocalDate, minuteOfDay: number, timeZone: string): boolean => {
  const p = localParts(at, timeZone);
  return p.year === date.year && p.month === date.month && p.day === date.day && p.hour * 60 + p.minute === minuteOfDay;
};

/**
 * The instant the wall clock of `timeZone` shows this date and minute, or 'skipped' when the
 * clocks jump over it (spring forward). A time that happens twice (fall back) is its first
 * occurrence: 01:30 on 2026-11-01 in New York is 01:30 EDT (05:30Z), not 01:30 EST (06:30Z).
 */
export const wallClockInstant = (date: LocalDate, minuteOfDay: number, timeZone: string): Millis | 'skipped' =>
  candidates(date, minuteOfDay, timeZone).find((at) => shows(at, date, minuteOfDay, timeZone)) ?? 'skipped';

/**
 * The last millisecond of a calendar day in a time zone: just before the next day's first
 * instant (its midnight, or the end of the gap where the clocks skip midnight).
 */
export const endOfDay = (date: LocalDate, timeZone: string): Millis => {
  const next = addLocalDays(date, 1);
  const start = wallClockInstant(next, 0, timeZone);
  return (start === 'skipped' ? Math.max(...candidates(next, 0, timeZone)) : start) - 1;
};
