import { describe, expect, it } from 'vitest';
import { formatClockTime, parseClockTime } from './contact-window.ts';

describe('clock times of the contact window', () => {
  it('reads HH:MM (seconds ignored) as minutes of the day, and empty as none', () => {
    expect(parseClockTime('09:30')).toBe(570);
    expect(parseClockTime('9:05')).toBe(545);
    expect(parseClockTime(' 23:59:00 ')).toBe(1439);
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('')).toBeNull();
    expect(parseClockTime('  ')).toBeNull();
  });

  it('refuses anything else', () => {
    for (const bad of ['24:00', '12:60', '9', '9am', '12:5', '-1:00', '12-30', '１２:００']) expect(parseClockTime(bad)).toBe('bad');
  });

  it('writes minutes back as a time input value', () => {
    expect(formatClockTime(0)).toBe('00:00');
    expect(formatClockTime(545)).toBe('09:05');
    expect(formatClockTime(1439)).toBe('23:59');
  });
});
