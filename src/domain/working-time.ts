// A caseworker's working time: the weekly hours they work (staff.workingHours), read on their own
// wall clock. "Two working hours after a message" counts only the minutes inside those hours, so a
// message on Friday evening is due on Monday morning. Daylight-saving safe: each day's stretch is
// placed on the instants its wall times really show, so a day that loses or gains an hour inside
// the hours has that much less or more working time.
import { z } from 'zod';
import { addLocalDays, localParts, MINUTE, weekdayOf, zonedToUtc } from './time.ts';
import type { Millis, WorkingHours } from './types.ts';

type LocalDate = { year: number; month: number; day: number };

const minuteOfDay = z.number().int().min(0).max(24 * 60);

export const workingHoursSchema = z
  .object({
    /** ISO weekdays, 1 = Monday … 7 = Sunday */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: minuteOfDay,
    end: minuteOfDay,
  })
  .refine((h) => h.start < h.end, 'working hours end after they start');

/** Monday to Friday, 09:00–17:00: for a caseworker whose hours are not (validly) set. */
export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: 9 * 60, end: 17 * 60 };

/** The stored JSON of staff.workingHours, or the default hours when it is missing or not valid. */
export const parseWorkingHours = (json: string | null | undefined): WorkingHours => {
  try {
    const parsed = workingHoursSchema.safeParse(JSON.parse(json ?? ''));
    return parsed.success ? parsed.data : DEFAULT_WORKING_HOURS;
  } catch {
    return DEFAULT_WORKING_HOURS;
  }
};

/** The calendar date an instant falls on in a zone. */
export const localDateOf = (at: Millis, zone: string): LocalDate => {
  const p = localParts(at, zone);
  return { year: p.year, month: p.month, day: p.day };
};

/** `2026-03-09`: a local date as a stable key. */
export const dateKey = (d: LocalDate): string =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The working stretch of one local date as instants, or null when the caseworker does not work that day. */
export const workingStretch = (date: LocalDate, hours: WorkingHours, zone: string): { start: Millis; end: Millis } | null => {
  if (!hours.days.includes(weekdayOf(date))) return null;
  const start = zonedToUtc(date, hours.start, zone);
  const end = hours.end >= 24 * 60 ? zonedToUtc(addLocalDays(date, 1), 0, zone) : zonedToUtc(date, hours.end, zone);
  return end > start ? { start, end } : null;
};

/** How far ahead a count of working minutes is looked for (hours with one day a week still fit). */
const MAX_DAYS = 400;

/**
 * The instant at which `minutes` of working time have passed since `from`: time outside the hours
 * (evenings, days off) does not count. A `from` outside the hours starts counting when they next
 * begin. Null only when the hours hold no time at all within a year.
 */
export const addWorkingMinutes = (from: Millis, minutes: number, hours: WorkingHours, zone: string): Millis | null => {
  let left = Math.max(0, minutes) * MINUTE;
  let date = localDateOf(from, zone);
  // A day's stretch lies within that day (start < end), so counting starts on `from`'s own date.
  for (let i = 0; i < MAX_DAYS; i++, date = addLocalDays(date, 1)) {
    const stretch = workingStretch(date, hours, zone);
    if (!stretch) continue;
    const begin = Math.max(stretch.start, from);
    if (begin >= stretch.end) continue;
    if (left === 0 || stretch.end - begin >= left) return begin + left;
    left -= stretch.end - begin;
  }
  return null;
};
