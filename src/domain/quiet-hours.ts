// When a message we start (a reminder, a notice, a caseworker's reply) may reach a client: outside
// the agency's quiet hours and, when the client set one, inside their contact window, both read on
// the client's own wall clock. Works across daylight-saving changes because every moment is
// checked on the wall clock it really shows.
import { addLocalDays, localParts, MINUTE, zonedToUtc } from './time.ts';
import type { Millis } from './types.ts';

export interface ContactRules {
  timeZone: string;
  /** minutes of the local day; start === end means no quiet hours */
  quietStart: number;
  quietEnd: number;
  /** the client's contact window, minutes of the local day; null (or start === end) means none */
  windowStart: number | null;
  windowEnd: number | null;
}

/** Whether minute `m` of the day lies in [start, end), a range that may wrap past midnight. */
export const inDayRange = (m: number, start: number, end: number): boolean =>
  start === end ? false : start < end ? m >= start && m < end : m >= start || m < end;

const hasWindow = (r: ContactRules): r is ContactRules & { windowStart: number; windowEnd: number } =>
  r.windowStart !== null && r.windowEnd !== null && r.windowStart !== r.windowEnd;

/** Whether a minute of the client's local day is one we may write in. */
export const allowedMinute = (r: ContactRules, minuteOfDay: number): boolean =>
  !inDayRange(minuteOfDay, r.quietStart, r.quietEnd) && (!hasWindow(r) || inDayRange(minuteOfDay, r.windowStart, r.windowEnd));

const minuteAt = (at: Millis, zone: string) => {
  const p = localParts(at, zone);
  return p.hour * 60 + p.minute;
};

export const isAllowedAt = (r: ContactRules, at: Millis): boolean => allowedMinute(r, minuteAt(at, r.timeZone));

/**
 * The first moment at or after `at` when the client may be written to, or null when their
 * contact window lies wholly inside the quiet hours (there is no such moment).
 */
export const nextAllowedAt = (r: ContactRules, at: Millis): Millis | null => {
  if (isAllowedAt(r, at)) return at;
  // An allowed stretch starts where the quiet hours end or where the window opens.
  const starts = [r.quietEnd, ...(hasWindow(r) ? [r.windowStart] : [])];
  const today = localParts(at, r.timeZone);
  let best: Millis | null = null;
  for (let d = 0; d <= 2; d++) {
    const date = addLocalDays(today, d);
    for (const m of starts) {
      const candidate = zonedToUtc(date, m, r.timeZone);
      if (candidate <= at || (best !== null && candidate >= best)) continue;
      if (isAllowedAt(r, candidate)) best = candidate;
    }
    if (best !== null) return best;
  }
  return best;
};

/** Rounds down to the minute: the scheduler's unit. */
export const floorMinute = (at: Millis): Millis => Math.floor(at / MINUTE) * MINUTE;
