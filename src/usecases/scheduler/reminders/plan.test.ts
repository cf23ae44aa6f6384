import { describe, expect, it } from 'vitest';
import type { ContactRules } from '../../../domain/quiet-hours.ts';
import { HOUR, MINUTE } from '../../../domain/time.ts';
import { nominalBefore, planReminder, type PlanInput } from './plan.ts';

const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/** The agency's default quiet hours (21:00–08:00), no contact window. */
const rules = (over: Partial<ContactRules> = {}): ContactRules => ({
  timeZone: NY,
  quietStart: 21 * 60,
  quietEnd: 8 * 60,
  windowStart: null,
  windowEnd: null,
  ...over,
});
const NO_QUIET = rules({ quietStart: 0, quietEnd: 0 });

const plan = (over: Partial<PlanInput> & Pick<PlanInput, 'nominal' | 'eventAt' | 'now'>) =>
  planReminder({ graceMinutes: 30, rules: rules(), ...over });

describe('"24 h before" is the same wall-clock time the day before', () => {
  it('spring forward (8 March 2026): the day before a 10:00 appointment is 10:00, 23 or 24 real hours earlier', () => {
    // On the day of the change: Saturday 10:00 EST to Sunday 10:00 EDT is 23 hours.
    const sunday = at('2026-03-08T14:00:00Z');
    expect(iso(nominalBefore(sunday, 1440, NY))).toBe('2026-03-07T15:00:00.000Z');
    // The day after the change: Sunday 10:00 EDT to Monday 10:00 EDT, 24 hours.
    const monday = at('2026-03-09T14:00:00Z');
    expect(iso(nominalBefore(monday, 1440, NY))).toBe('2026-03-08T14:00:00.000Z');
  });

  it('fall back (1 November 2026): 25 real hours across the change, 24 the day after', () => {
    const sunday = at('2026-11-01T15:00:00Z'); // 10:00 EST
    expect(iso(nominalBefore(sunday, 1440, NY))).toBe('2026-10-31T14:00:00.000Z'); // 10:00 EDT
    const monday = at('2026-11-02T15:00:00Z');
    expect(iso(nominalBefore(monday, 1440, NY))).toBe('2026-11-01T15:00:00.000Z');
  });

  it('counts several days on the wall clock too', () => {
    expect(iso(nominalBefore(at('2026-03-09T14:00:00Z'), 3 * 1440, NY))).toBe('2026-03-06T15:00:00.000Z');
  });

  it('takes the first of an hour that happens twice, and moves one that never happens past the gap', () => {
    // 01:30 on Monday 2 November (EST) → 01:30 on Sunday, which is first 05:30Z (EDT), then 06:30Z.
    expect(iso(nominalBefore(at('2026-11-02T06:30:00Z'), 1440, NY))).toBe('2026-11-01T05:30:00.000Z');
    // 02:30 on Monday 9 March → 02:30 on Sunday does not exist: 03:30 EDT, 23 hours before.
    expect(iso(nominalBefore(at('2026-03-09T06:30:00Z'), 1440, NY))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('counts offsets that are not whole days in real time', () => {
    // 03:30 EST on 1 November, two real hours earlier is 01:30 EST (the second 01:30).
    expect(iso(nominalBefore(at('2026-11-01T08:30:00Z'), 120, NY))).toBe('2026-11-01T06:30:00.000Z');
    // 04:00 EDT on 8 March, two real hours earlier is 01:00 EST (the clock shows three hours less).
    expect(iso(nominalBefore(at('2026-03-08T08:00:00Z'), 120, NY))).toBe('2026-03-08T06:00:00.000Z');
  });
});

describe('planReminder', () => {
  const event = at('2026-03-03T15:00:00Z'); // Tuesday 10:00 EST
  const nominal = at('2026-03-02T15:00:00Z');

  it('waits for its moment, then is due at it', () => {
    expect(plan({ nominal, eventAt: event, now: nominal - MINUTE })).toEqual({ status: 'wait' });
    expect(plan({ nominal, eventAt: event, now: nominal })).toEqual({ status: 'due', sendAt: nominal });
  });

  it('is still due within the grace, and skipped as late after it', () => {
    expect(plan({ nominal, eventAt: event, now: nominal + 30 * MINUTE })).toEqual({ status: 'due', sendAt: nominal });
    expect(plan({ nominal, eventAt: event, now: nominal + 31 * MINUTE })).toEqual({ status: 'skip', reason: 'late', sendAt: nominal });
  });

  it('is late once the event has begun, whatever the grace', () => {
    const soon = { nominal: event - 10 * MINUTE, eventAt: event };
    expect(plan({ ...soon, now: event, graceMinutes: 60 })).toEqual({ status: 'skip', reason: 'late', sendAt: soon.nominal });
  });

  it('moves a moment in the quiet hours to 08:00 when that is before the event (a 2 h reminder of a 09:00 appointment)', () => {
    const nine = at('2026-03-09T13:00:00Z'); // Monday 09:00 EDT, the day after spring forward
    const seven = nominalBefore(nine, 120, NY);
    expect(iso(seven)).toBe('2026-03-09T11:00:00.000Z');
    expect(plan({ nominal: seven, eventAt: nine, now: seven })).toEqual({ status: 'wait' });
    const eight = at('2026-03-09T12:00:00Z');
    expect(plan({ nominal: seven, eventAt: nine, now: eight - MINUTE })).toEqual({ status: 'wait' });
    expect(plan({ nominal: seven, eventAt: nine, now: eight })).toEqual({ status: 'due', sendAt: eight });
    // The grace counts from the moment it could leave, not from 07:00.
    expect(plan({ nominal: seven, eventAt: nine, now: eight + 20 * MINUTE })).toEqual({ status: 'due', sendAt: eight });
  });

  it('skips a moment in the quiet hours when the next allowed minute is not before the event', () => {
    const half7 = at('2026-03-03T12:30:00Z'); // 07:30 EST
    const n = nominalBefore(half7, 120, NY);
    expect(plan({ nominal: n, eventAt: half7, now: n })).toEqual({ status: 'skip', reason: 'quiet_hours', sendAt: n });
  });

  it("keeps to the client's contact window", () => {
    const window = rules({ windowStart: 12 * 60, windowEnd: 14 * 60 });
    const noon = at('2026-03-02T17:00:00Z');
    // 10:00 the day before is outside 12:00–14:00: the reminder leaves at noon that day.
    expect(planReminder({ nominal, eventAt: at('2026-03-03T20:00:00Z'), now: noon, graceMinutes: 30, rules: window })).toEqual({
      status: 'due',
      sendAt: noon,
    });
    // A window wholly inside the quiet hours leaves no moment at all.
    const night = rules({ windowStart: 22 * 60, windowEnd: 23 * 60 });
    expect(planReminder({ nominal, eventAt: event, now: nominal, graceMinutes: 30, rules: night })).toMatchObject({
      status: 'skip',
      reason: 'quiet_hours',
    });
  });

  it('the 01:30 that happens twice: due at the first, late (not due again) at the second', () => {
    const event2 = at('2026-11-02T06:30:00Z');
    const first = nominalBefore(event2, 1440, NY);
    const r = { nominal: first, eventAt: event2, rules: NO_QUIET };
    expect(plan({ ...r, now: first })).toEqual({ status: 'due', sendAt: first });
    // An hour later the wall clock shows 01:30 again: it is the same moment, long passed.
    expect(plan({ ...r, now: first + HOUR })).toEqual({ status: 'skip', reason: 'late', sendAt: first });
    // With the quiet hours on, 01:30 moves to 08:00 EST that morning.
    expect(plan({ nominal: first, eventAt: event2, now: at('2026-11-01T13:00:00Z') })).toEqual({
      status: 'due',
      sendAt: at('2026-11-01T13:00:00Z'),
    });
  });
});
