import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from './time.ts';
import { addWorkingMinutes, dateKey, DEFAULT_WORKING_HOURS, localDateOf, parseWorkingHours, workingStretch } from './working-time.ts';

const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);
const nineToFive = { days: [1, 2, 3, 4, 5], start: 9 * 60, end: 17 * 60 };

describe('addWorkingMinutes', () => {
  it('counts within one working day', () => {
    // Monday 2 March 2026, 10:00 in New York (EST) + 2 h → 12:00.
    expect(addWorkingMinutes(at('2026-03-02T15:00:00Z'), 120, nineToFive, NY)).toBe(at('2026-03-02T17:00:00Z'));
  });

  it('lands exactly on the end of the day when that is where the minutes run out', () => {
    expect(addWorkingMinutes(at('2026-03-02T20:00:00Z'), 120, nineToFive, NY)).toBe(at('2026-03-02T22:00:00Z'));
  });

  it('carries the rest into the next working day, over the evening', () => {
    // Tuesday 16:30 + 60 min: 30 min on Tuesday, 30 on Wednesday from 09:00.
    expect(addWorkingMinutes(at('2026-03-03T21:30:00Z'), 60, nineToFive, NY)).toBe(at('2026-03-04T14:30:00Z'));
  });

  it('starts counting when the hours begin for a message sent at night', () => {
    // Wednesday 23:00 EST → Thursday 09:00 + 15 min.
    expect(addWorkingMinutes(at('2026-03-05T04:00:00Z'), 15, nineToFive, NY)).toBe(at('2026-03-05T14:15:00Z'));
  });

  it('skips the weekend', () => {
    // Friday 27 Feb 16:00 EST + 2 h → Monday 2 March 10:00 EST.
    expect(addWorkingMinutes(at('2026-02-27T21:00:00Z'), 120, nineToFive, NY)).toBe(at('2026-03-02T15:00:00Z'));
    // A message on Saturday counts from Monday 09:00.
    expect(addWorkingMinutes(at('2026-02-28T15:00:00Z'), 30, nineToFive, NY)).toBe(at('2026-03-02T14:30:00Z'));
  });

  it('skips a weekend on which the clocks spring forward (8 March 2026)', () => {
    // Friday 6 March 16:00 EST (21:00Z) + 2 h → Monday 9 March 10:00 EDT (14:00Z): the wall clock, not 24 h steps.
    expect(addWorkingMinutes(at('2026-03-06T21:00:00Z'), 120, nineToFive, NY)).toBe(at('2026-03-09T14:00:00Z'));
  });

  it('skips a weekend on which the clocks fall back (1 November 2026)', () => {
    // Friday 30 October 16:00 EDT (20:00Z) + 2 h → Monday 2 November 10:00 EST (15:00Z).
    expect(addWorkingMinutes(at('2026-10-30T20:00:00Z'), 120, nineToFive, NY)).toBe(at('2026-11-02T15:00:00Z'));
  });

  it('counts the real minutes of a working stretch that a clock change shortens or lengthens', () => {
    // Night hours 00:00–04:00 on Sundays. On 8 March they hold 3 real hours (02:00 never happens).
    const sundayNights = { days: [7], start: 0, end: 4 * 60 };
    const spring = at('2026-03-08T05:00:00Z'); // 00:00 EST
    expect(addWorkingMinutes(spring, 3 * 60, sundayNights, NY)).toBe(at('2026-03-08T08:00:00Z')); // 04:00 EDT
    // 200 min do not fit in that night: 20 min are left for the next Sunday (00:20 EDT on 15 March).
    expect(addWorkingMinutes(spring, 200, sundayNights, NY)).toBe(at('2026-03-15T04:20:00Z'));
    // On 1 November they hold 5 real hours (01:00–02:00 happens twice): 270 min end at 03:30 EST.
    expect(addWorkingMinutes(at('2026-11-01T04:00:00Z'), 270, sundayNights, NY)).toBe(at('2026-11-01T08:30:00Z'));
  });

  it('reads the hours on the caseworker’s own clock, east of UTC too', () => {
    // Berlin springs forward on 29 March 2026. Friday 27 March 16:00 CET (15:00Z) + 2 h → Monday 30 March 10:00 CEST (08:00Z).
    expect(addWorkingMinutes(at('2026-03-27T15:00:00Z'), 120, nineToFive, 'Europe/Berlin')).toBe(at('2026-03-30T08:00:00Z'));
  });

  it('goes over several days for a long wait', () => {
    // 5 working days of 8 h from Monday 09:00 end on Friday at 17:00 exactly.
    expect(addWorkingMinutes(at('2026-03-02T14:00:00Z'), 5 * 8 * 60, nineToFive, NY)).toBe(at('2026-03-06T22:00:00Z'));
  });

  it('answers null when the hours hold no time', () => {
    expect(addWorkingMinutes(at('2026-03-02T15:00:00Z'), 60, { days: [], start: 540, end: 1020 }, NY)).toBeNull();
  });

  it('with no minutes to add, is the moment itself inside the hours and the next start outside them', () => {
    expect(addWorkingMinutes(at('2026-03-02T15:00:00Z'), 0, nineToFive, NY)).toBe(at('2026-03-02T15:00:00Z'));
    expect(addWorkingMinutes(at('2026-03-07T15:00:00Z'), 0, nineToFive, NY)).toBe(at('2026-03-09T13:00:00Z'));
  });
});

describe('working hours', () => {
  it('parses the stored JSON and falls back to Monday–Friday 09:00–17:00', () => {
    expect(parseWorkingHours(JSON.stringify({ days: [2, 4], start: 600, end: 900 }))).toEqual({ days: [2, 4], start: 600, end: 900 });
    expect(parseWorkingHours('not json')).toEqual(DEFAULT_WORKING_HOURS);
    expect(parseWorkingHours(JSON.stringify({ days: [], start: 600, end: 900 }))).toEqual(DEFAULT_WORKING_HOURS);
    expect(parseWorkingHours(JSON.stringify({ days: [1], start: 900, end: 600 }))).toEqual(DEFAULT_WORKING_HOURS);
    expect(parseWorkingHours(JSON.stringify({ days: [8], start: 600, end: 900 }))).toEqual(DEFAULT_WORKING_HOURS);
    expect(parseWorkingHours(null)).toEqual(DEFAULT_WORKING_HOURS);
  });

  it('places a day’s stretch on the instants its wall times show, and none on a day off', () => {
    expect(workingStretch({ year: 2026, month: 3, day: 9 }, nineToFive, NY)).toEqual({ start: at('2026-03-09T13:00:00Z'), end: at('2026-03-09T21:00:00Z') });
    expect(workingStretch({ year: 2026, month: 3, day: 7 }, nineToFive, NY)).toBeNull();
    const allDay = workingStretch({ year: 2026, month: 3, day: 8 }, { days: [7], start: 0, end: 24 * 60 }, NY)!;
    expect(allDay.end - allDay.start).toBe(23 * HOUR);
  });

  it('names a local date by its calendar day in the zone', () => {
    // 03:30Z on 3 March is still 2 March in New York.
    expect(dateKey(localDateOf(at('2026-03-03T03:30:00Z'), NY))).toBe('2026-03-02');
    expect(dateKey(localDateOf(at('2026-03-03T03:30:00Z') + 2 * HOUR + MINUTE, NY))).toBe('2026-03-03');
  });
});
