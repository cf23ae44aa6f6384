// Offered reschedule slots: a caseworker's weekly availability, in their own time zone, cut into
// slots of the appointment's length, after the minimum notice, minus what is already booked.
import { addLocalDays, localParts, MINUTE, weekdayOf, zonedToUtc } from './time.ts';
import type { AvailabilityRule, Millis } from './types.ts';

export interface BusyInterval {
  start: Millis;
  end: Millis;
}

export interface SlotQuery {
  rules: AvailabilityRule[];
  staffTimeZone: string;
  durationMinutes: number;
  /** slots start at or after this instant (now + minimum notice) */
  earliest: Millis;
  /** slots start before this instant */
  latest: Millis;
  busy: BusyInterval[];
  max: number;
}

const overlaps = (a: BusyInterval, b: BusyInterval) => a.start < b.end && b.start < a.end;

export const offerSlots = (q: SlotQuery): Millis[] => {
  if (q.rules.length === 0 || q.durationMinutes <= 0) return [];
  const out: Millis[] = [];
  const first = localParts(q.earliest, q.staffTimeZone);
  let date = { year: first.year, month: first.month, day: first.day };
  for (let i = 0; i < 400 && out.length < q.max; i++, date = addLocalDays(date, 1)) {
    const dayStart = zonedToUtc(date, 0, q.staffTimeZone);
    if (dayStart >= q.latest) break;
    const weekday = weekdayOf(date);
    const rules = q.rules.filter((r) => r.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
    for (const rule of rules) {
      for (let m = rule.startMinute; m + q.durationMinutes <= rule.endMinute; m += q.durationMinutes) {
        const start = zonedToUtc(date, m, q.staffTimeZone);
        // A wall time skipped by a clock change is not a real slot.
        const shown = localParts(start, q.staffTimeZone);
        if (shown.hour * 60 + shown.minute !== m) continue;
        if (start < q.earliest || start >= q.latest) continue;
        const slot = { start, end: start + q.durationMinutes * MINUTE };
        if (q.busy.some((b) => overlaps(b, slot))) continue;
        if (out.includes(start)) continue;
        out.push(start);
        if (out.length >= q.max) break;
      }
      if (out.length >= q.max) break;
    }
  }
  return out;
};
