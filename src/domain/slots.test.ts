import { describe, expect, it } from 'vitest';
import { offerSlots, type SlotQuery } from './slots.ts';
import type { AvailabilityRule } from './types.ts';

const rule = (weekday: number, start: number, end: number): AvailabilityRule => ({
  id: `r${weekday}${start}`,
  agencyId: 'a',
  staffId: 's',
  weekday,
  startMinute: start,
  endMinute: end,
  location: null,
});

const base: SlotQuery = {
  rules: [rule(1, 9 * 60, 11 * 60)],
  staffTimeZone: 'America/New_York',
  durationMinutes: 60,
  earliest: Date.parse('2026-10-26T00:00:00Z'),
  latest: Date.parse('2026-11-10T00:00:00Z'),
  busy: [],
  max: 10,
};

const iso = (xs: number[]) => xs.map((x) => new Date(x).toISOString());

describe('offerSlots', () => {
  it('keeps 9:00 local across the fall-back change', () => {
    expect(iso(offerSlots(base))).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-10-26T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
      '2026-11-02T15:00:00.000Z',
      '2026-11-09T14:00:00.000Z',
      '2026-11-09T15:00:00.000Z',
    ]);
  });

  it('skips busy times (any overlap), respects earliest and the maximum', () => {
    const busy = [{ start: Date.parse('2026-10-26T13:30:00Z'), end: Date.parse('2026-10-26T14:15:00Z') }];
    expect(iso(offerSlots({ ...base, busy, max: 2 }))).toEqual(['2026-11-02T14:00:00.000Z', '2026-11-02T15:00:00.000Z']);
    expect(iso(offerSlots({ ...base, earliest: Date.parse('2026-10-26T13:00:01Z'), max: 1 }))).toEqual(['2026-10-26T14:00:00.000Z']);
  });

  it('never offers a wall time that a clock change skips', () => {
    const night = { ...base, rules: [rule(7, 2 * 60, 3 * 60)], durationMinutes: 30, earliest: Date.parse('2026-03-07T00:00:00Z'), latest: Date.parse('2026-03-09T00:00:00Z') };
    expect(offerSlots(night)).toEqual([]);
  });

  it('offers nothing without availability or with a slot longer than the window', () => {
    expect(offerSlots({ ...base, rules: [] })).toEqual([]);
    expect(offerSlots({ ...base, durationMinutes: 180 })).toEqual([]);
  });
});
