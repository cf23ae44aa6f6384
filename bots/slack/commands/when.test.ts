import { describe, expect, it } from 'vitest';
import { endOfDay, readDate, readDuration, readTime, wallClockInstant } from './when.ts';

const iso = (ms: number | 'skipped') => (ms === 'skipped' ? ms : new Date(ms).toISOString());
const at = (y: number, m: number, d: number, hh: number, mm: number, tz: string) => iso(wallClockInstant({ year: y, month: m, day: d }, hh * 60 + mm, tz));

describe('wall-clock times around changes of offset', () => {
  it('New York, spring forward: 02:00–02:59 is skipped, every time after it is EDT', () => {
    expect(at(2026, 3, 8, 1, 59, 'America/New_York')).toBe('2026-03-08T06:59:00.000Z');
    expect(at(2026, 3, 8, 2, 0, 'America/New_York')).toBe('skipped');
    expect(at(2026, 3, 8, 2, 59, 'America/New_York')).toBe('skipped');
    for (const [hour, utc] of [[3, 7], [4, 8], [6, 10], [7, 11], [23, 3]] as const) {
      const day = hour === 23 ? 9 : 8;
      expect(at(2026, 3, 8, hour, 0, 'America/New_York'), `${hour}:00`).toBe(`2026-03-0${day}T${String(utc).padStart(2, '0')}:00:00.000Z`);
    }
  });

  it('New York, fall back: 01:00–01:59 happens twice and is read as its first occurrence (EDT)', () => {
    expect(at(2026, 11, 1, 0, 59, 'America/New_York')).toBe('2026-11-01T04:59:00.000Z');
    expect(at(2026, 11, 1, 1, 0, 'America/New_York')).toBe('2026-11-01T05:00:00.000Z');
    expect(at(2026, 11, 1, 1, 59, 'America/New_York')).toBe('2026-11-01T05:59:00.000Z');
    expect(at(2026, 11, 1, 2, 0, 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
  });

  it('east of UTC, and where the clocks skip midnight', () => {
    expect(at(2026, 3, 29, 2, 30, 'Europe/Paris')).toBe('skipped');
    expect(at(2026, 3, 29, 3, 0, 'Europe/Paris')).toBe('2026-03-29T01:00:00.000Z');
    expect(at(2026, 10, 25, 2, 30, 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
    expect(at(2026, 3, 29, 0, 0, 'Asia/Beirut')).toBe('skipped');
    expect(at(2026, 3, 29, 1, 0, 'Asia/Beirut')).toBe('2026-03-28T22:00:00.000Z');
  });

  it('ends a day just before the next one begins, even when that one has no midnight', () => {
    expect(iso(endOfDay({ year: 2026, month: 3, day: 7 }, 'America/New_York'))).toBe('2026-03-08T04:59:59.999Z');
    expect(iso(endOfDay({ year: 2026, month: 3, day: 8 }, 'America/New_York'))).toBe('2026-03-09T03:59:59.999Z');
    expect(iso(endOfDay({ year: 2026, month: 3, day: 28 }, 'Asia/Beirut'))).toBe('2026-03-28T21:59:59.999Z');
    expect(iso(endOfDay({ year: 2026, month: 12, day: 31 }, 'Asia/Ho_Chi_Minh'))).toBe('2026-12-31T16:59:59.999Z');
  });
});

describe('the words', () => {
  const today = { year: 2026, month: 2, day: 28 };
  it('reads dates, refusing those the calendar lacks', () => {
    expect(readDate('today', today)).toEqual(today);
    expect(readDate('Tomorrow', today)).toEqual({ year: 2026, month: 3, day: 1 });
    expect(readDate('2028-02-29', today)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(readDate('2026-3-5', today)).toEqual({ year: 2026, month: 3, day: 5 });
    for (const bad of ['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00']) expect(readDate(bad, today), bad).toBeNull();
  });

  it('reads 24-hour and am/pm times', () => {
    const cases: [string, string | undefined, number | null][] = [
      ['00:00', undefined, 0], ['9:05', undefined, 545], ['23:59', undefined, 1439], ['24:00', undefined, null], ['12:60', undefined, null],
      ['12am', undefined, 0], ['12:30AM', undefined, 30], ['12pm', undefined, 720], ['1pm', undefined, 780], ['11:59p.m.', undefined, 1439],
      ['0am', undefined, null], ['13pm', undefined, null], ['2:30', 'pm', 870], ['2:30', 'a.m.', 150], ['14:30', 'pm', null],
    ];
    for (const [word, meridiem, minute] of cases) expect(readTime(word, meridiem), `${word} ${meridiem ?? ''}`).toBe(minute);
  });

  it('reads lengths', () => {
    const cases: [string, string | undefined, number | null][] = [
      ['45m', undefined, 45], ['45min', undefined, 45], ['1h', undefined, 60], ['2hrs', undefined, 120], ['1h30m', undefined, 90],
      ['1h30', undefined, 90], ['90', undefined, 90], ['90', 'minutes', 90], ['2', 'hours', 120], ['2', 'H', 120], ['1.5h', undefined, null],
    ];
    for (const [word, unit, minutes] of cases) expect(readDuration(word, unit), `${word} ${unit ?? ''}`).toBe(minutes);
  });
});
