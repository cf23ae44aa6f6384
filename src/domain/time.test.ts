import { describe, expect, it } from 'vitest';
import { addLocalDays, isValidTimeZone, localParts, weekdayOf, zonedToUtc } from './time.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedToUtc', () => {
  it('maps wall-clock times to instants on both sides of the spring-forward change', () => {
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 7 }, 9 * 60, 'America/New_York'))).toBe('2026-03-07T14:00:00.000Z');
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 9 }, 9 * 60, 'America/New_York'))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('maps a time skipped by spring-forward to just after the gap', () => {
    // 02:30 does not exist in New York on 8 March 2026.
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 8 }, 2 * 60 + 30, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('maps an ambiguous fall-back time to its first occurrence', () => {
    // 01:30 happens twice in New York on 1 November 2026: first in EDT (05:30Z), then in EST.
    expect(iso(zonedToUtc({ year: 2026, month: 11, day: 1 }, 90, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedToUtc({ year: 2026, month: 11, day: 2 }, 9 * 60, 'America/New_York'))).toBe('2026-11-02T14:00:00.000Z');
  });

  it('works for zones east of UTC and without daylight saving', () => {
    expect(iso(zonedToUtc({ year: 2026, month: 6, day: 1 }, 0, 'Asia/Ho_Chi_Minh'))).toBe('2026-05-31T17:00:00.000Z');
    expect(iso(zonedToUtc({ year: 2026, month: 10, day: 25 }, 12 * 60, 'Europe/Paris'))).toBe('2026-10-25T11:00:00.000Z');
  });
});

describe('local parts and calendar helpers', () => {
  it('reads the wall clock and the ISO weekday in a zone', () => {
    const p = localParts(Date.parse('2026-03-02T04:30:00Z'), 'America/Los_Angeles');
    expect(p).toEqual({ year: 2026, month: 3, day: 1, hour: 20, minute: 30, weekday: 7 });
  });

  it('adds days across month ends and knows weekdays', () => {
    expect(addLocalDays({ year: 2026, month: 2, day: 27 }, 3)).toEqual({ year: 2026, month: 3, day: 2 });
    expect(weekdayOf({ year: 2026, month: 3, day: 2 })).toBe(1);
    expect(weekdayOf({ year: 2026, month: 3, day: 8 })).toBe(7);
  });

  it('tells real time zones from made-up ones', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('zonedToUtc around daylight-saving changes (America/New_York)', () => {
  const ny = 'America/New_York';
  it('reads the hours after a spring-forward gap with the new offset', () => {
    const day = { year: 2026, month: 3, day: 8 };
    expect(new Date(zonedToUtc(day, 3 * 60, ny)).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(zonedToUtc(day, 6 * 60, ny)).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(new Date(zonedToUtc(day, 7 * 60, ny)).toISOString()).toBe('2026-03-08T11:00:00.000Z');
    expect(new Date(zonedToUtc(day, 60, ny)).toISOString()).toBe('2026-03-08T06:00:00.000Z');
  });

  it('takes the first of a time that happens twice, and the standard offset after it', () => {
    const day = { year: 2026, month: 11, day: 1 };
    expect(new Date(zonedToUtc(day, 90, ny)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(zonedToUtc(day, 3 * 60, ny)).toISOString()).toBe('2026-11-01T08:00:00.000Z');
    expect(new Date(zonedToUtc(day, 0, ny)).toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });
});
