import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.ts';

describe('backoff', () => {
  it('doubles its ceiling with each attempt, up to an hour', () => {
    const top = () => 0.999999;
    expect(backoffMs(1, top)).toBe(14_999);
    expect(backoffMs(2, top)).toBe(29_999);
    expect(backoffMs(5, top)).toBe(239_999);
    expect(backoffMs(20, top)).toBe(3_599_996);
  });

  it('jitters over the whole range, but waits at least a second', () => {
    expect(backoffMs(3, () => 0.5)).toBe(30_000);
    expect(backoffMs(3, () => 0)).toBe(1000);
  });

  it('never comes back sooner than the provider asked', () => {
    expect(backoffMs(1, () => 0.5, 120_000)).toBe(120_000);
    expect(backoffMs(8, () => 0.9, 5_000)).toBeGreaterThan(5_000);
  });
});
