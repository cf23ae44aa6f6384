import { describe, expect, it } from 'vitest';
import { inDayRange, isAllowedAt, nextAllowedAt, type ContactRules } from './quiet-hours.ts';

const NY = 'America/New_York';
const rules = (over: Partial<ContactRules> = {}): ContactRules => ({
  timeZone: NY,
  quietStart: 21 * 60,
  quietEnd: 8 * 60,
  windowStart: null,
  windowEnd: null,
  ...over,
});
const at = (iso: string) => Date.parse(iso);

describe('day ranges', () => {
  it('wraps past midnight, and an empty range holds nothing', () => {
    expect(inDayRange(22 * 60, 21 * 60, 8 * 60)).toBe(true);
    expect(inDayRange(7 * 60 + 59, 21 * 60, 8 * 60)).toBe(true);
    expect(inDayRange(8 * 60, 21 * 60, 8 * 60)).toBe(false);
    expect(inDayRange(12 * 60, 9 * 60, 17 * 60)).toBe(true);
    expect(inDayRange(12 * 60, 600, 600)).toBe(false);
  });
});

describe('quiet hours on the client’s wall clock', () => {
  it('allows the day and holds the night', () => {
    expect(isAllowedAt(rules(), at('2026-03-02T15:00:00Z'))).toBe(true); // 10:00 in New York
    expect(isAllowedAt(rules(), at('2026-03-03T02:30:00Z'))).toBe(false); // 21:30
    expect(isAllowedAt(rules(), at('2026-03-02T12:59:00Z'))).toBe(false); // 07:59
    expect(isAllowedAt(rules(), at('2026-03-02T13:00:00Z'))).toBe(true); // 08:00
  });

  it('moves a night moment to 08:00 the next morning', () => {
    expect(nextAllowedAt(rules(), at('2026-03-03T02:30:00Z'))).toBe(at('2026-03-03T13:00:00Z'));
    // already allowed: unchanged
    expect(nextAllowedAt(rules(), at('2026-03-02T15:00:00Z'))).toBe(at('2026-03-02T15:00:00Z'));
  });

  it('reads the morning on the new offset after spring forward (8 March 2026)', () => {
    // 23:00 EST on 7 March → 08:00 EDT on 8 March, which is 12:00 UTC, not 13:00
    expect(nextAllowedAt(rules(), at('2026-03-08T04:00:00Z'))).toBe(at('2026-03-08T12:00:00Z'));
  });

  it('reads the morning on the old offset after fall back (1 November 2026)', () => {
    // 01:30 EDT, then the clock goes back: 08:00 EST is 13:00 UTC
    expect(nextAllowedAt(rules(), at('2026-11-01T05:30:00Z'))).toBe(at('2026-11-01T13:00:00Z'));
    // the second 01:30 (EST) is quiet too
    expect(isAllowedAt(rules(), at('2026-11-01T06:30:00Z'))).toBe(false);
  });
});

describe('the client’s contact window narrows it further', () => {
  const lunch = rules({ windowStart: 12 * 60, windowEnd: 13 * 60 });

  it('waits for the window inside the allowed day', () => {
    expect(isAllowedAt(lunch, at('2026-03-02T15:00:00Z'))).toBe(false); // 10:00
    expect(nextAllowedAt(lunch, at('2026-03-02T15:00:00Z'))).toBe(at('2026-03-02T17:00:00Z')); // 12:00
    expect(nextAllowedAt(lunch, at('2026-03-02T18:30:00Z'))).toBe(at('2026-03-03T17:00:00Z')); // after 13:00 → tomorrow noon
  });

  it('takes the overlap of a window that starts in the quiet hours', () => {
    const early = rules({ windowStart: 6 * 60, windowEnd: 9 * 60 });
    expect(nextAllowedAt(early, at('2026-03-02T11:00:00Z'))).toBe(at('2026-03-02T13:00:00Z')); // 06:00 → 08:00
  });

  it('has no moment at all when the window lies wholly inside the quiet hours', () => {
    const night = rules({ windowStart: 22 * 60, windowEnd: 23 * 60 });
    expect(nextAllowedAt(night, at('2026-03-02T15:00:00Z'))).toBeNull();
  });

  it('handles a window that wraps past midnight', () => {
    const wrap = rules({ quietStart: 0, quietEnd: 0, windowStart: 22 * 60, windowEnd: 2 * 60 });
    expect(isAllowedAt(wrap, at('2026-03-03T04:00:00Z'))).toBe(true); // 23:00
    expect(nextAllowedAt(wrap, at('2026-03-02T15:00:00Z'))).toBe(at('2026-03-03T03:00:00Z')); // 22:00
  });
});
