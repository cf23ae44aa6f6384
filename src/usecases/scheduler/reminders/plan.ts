// When one reminder leaves, or why it does not: pure, from the moment it was meant for, the event
// it is about, the scheduler's now and the client's contact rules (quiet hours, contact window).
import { nextAllowedAt, type ContactRules } from '../../../domain/quiet-hours.ts';
import { addLocalDays, localParts, MINUTE, zonedToUtc } from '../../../domain/time.ts';
import type { Millis } from '../../../domain/types.ts';

const DAY_MINUTES = 24 * 60;

/**
 * The moment "`offsetMinutes` before `eventAt`" is meant for.
 *
 * Whole days are counted on the client's wall clock: "24 h before" a 10:00 appointment is 10:00
 * the day before, also across a daylight-saving change (23 or 25 real hours then). A reminder a
 * day ahead is read by the clock ("tomorrow at 10:00"): sent at 09:00 or 11:00 it would look like a
 * mistake, and the agency that set "24 h" meant "the day before". A wall time that does not exist
 * that day (spring forward) is pushed past the gap (02:30 → 03:30); one that happens twice (fall
 * back) is its first occurrence: it is one instant, so it is sent once, at the earlier one.
 *
 * Other offsets are real elapsed time: "in 2 hours" must stay true whatever the clocks do.
 */
export const nominalBefore = (eventAt: Millis, offsetMinutes: number, timeZone: string): Millis => {
  if (offsetMinutes % DAY_MINUTES !== 0) return eventAt - offsetMinutes * MINUTE;
  const p = localParts(eventAt, timeZone);
  return zonedToUtc(addLocalDays(p, -offsetMinutes / DAY_MINUTES), p.hour * 60 + p.minute, timeZone);
};

export type SkipReason = 'late' | 'quiet_hours';

export type ReminderPlan =
  /** not yet: its moment (or the first allowed minute after it) is still ahead */
  | { status: 'wait' }
  | { status: 'due'; sendAt: Millis }
  /** never: recorded with the reason, so it is not looked at again */
  | { status: 'skip'; reason: SkipReason; sendAt: Millis };

export interface PlanInput {
  /** the moment it is meant for (event − offset) */
  nominal: Millis;
  /** what it reminds of; a reminder that cannot leave before it is pointless */
  eventAt: Millis;
  now: Millis;
  /** after downtime, a reminder this much later than its moment is skipped, not sent */
  graceMinutes: number;
  rules: ContactRules;
}

/**
 * - A moment in the quiet hours or outside the client's contact window moves to the next allowed
 *   minute if that is still before the event; else the reminder is skipped (`quiet_hours`).
 * - It is due once that minute has come; one that should have left more than the grace ago (the
 *   scheduler was down) is skipped (`late`): a flood of stale reminders helps nobody.
 */
export const planReminder = (r: PlanInput): ReminderPlan => {
  if (r.nominal > r.now) return { status: 'wait' };
  const sendAt = nextAllowedAt(r.rules, r.nominal);
  if (sendAt === null || sendAt >= r.eventAt) return { status: 'skip', reason: 'quiet_hours', sendAt: r.nominal };
  if (sendAt > r.now) return { status: 'wait' };
  if (r.now >= r.eventAt || r.now - sendAt > r.graceMinutes * MINUTE) return { status: 'skip', reason: 'late', sendAt };
  return { status: 'due', sendAt };
};
