import { describe, expect, it } from 'vitest';
import { dateTime, httpsUrl, language, phone, timeZone, wholeNumber, yesNo } from './cells.ts';

describe('import cells', () => {
  it('normalises phones to E.164 (US by default) and refuses what cannot be dialled', () => {
    expect(phone('(555) 555-0101')).toEqual({ value: '+15555550101' });
    expect(phone('+52 55 1234 5678')).toEqual({ value: '+525512345678' });
    expect(phone('555-0101')).toEqual({ reason: 'bad_phone' });
  });

  it('maps language tags only onto a language we support', () => {
    expect(['es-MX', 'ES', 'zh', 'zh-CN', 'zh-Hans-CN', 'ht_HT', 'ko'].map((t) => language(t))).toEqual(
      ['es', 'es', 'zh-Hans', 'zh-Hans', 'zh-Hans', 'ht', 'ko'].map((value) => ({ value })),
    );
    for (const t of ['fr', 'zh-TW', 'zh-Hant', 'english']) expect(language(t)).toMatchObject({ reason: 'bad_language' });
  });

  it('reads wall times and instants, and refuses impossible dates', () => {
    expect(dateTime('2026-03-09 10:00')).toEqual({
      value: { kind: 'local', date: { year: 2026, month: 3, day: 9 }, minuteOfDay: 600 },
    });
    expect(dateTime('2026-03-09T10:00:00')).toMatchObject({ value: { kind: 'local', minuteOfDay: 600 } });
    expect(dateTime('2026-03-09T10:00:00-05:00')).toEqual({ value: { kind: 'instant', at: Date.parse('2026-03-09T15:00:00Z') } });
    expect(dateTime('2026-03-09 10:00+0100')).toEqual({ value: { kind: 'instant', at: Date.parse('2026-03-09T09:00:00Z') } });
    expect(dateTime('2026-03-09T10:00Z')).toEqual({ value: { kind: 'instant', at: Date.parse('2026-03-09T10:00:00Z') } });
    for (const bad of ['2026-02-29 10:00', '2026-13-01 10:00', '2026-03-09 24:00', '3/9/2026 10:00', '2026-03-09'])
      expect(dateTime(bad)).toEqual({ reason: 'bad_datetime' });
  });

  it('checks time zones, numbers, yes/no and web addresses', () => {
    expect(timeZone('america/new_york')).toEqual({ value: 'America/New_York' });
    expect(timeZone('Mars/Olympus')).toEqual({ reason: 'bad_time_zone' });
    expect([wholeNumber(5, 480)('45'), wholeNumber(5, 480)('481'), wholeNumber(5, 480)('4.5')]).toEqual([
      { value: 45 },
      { reason: 'bad_number', vars: { min: 5, max: 480 } },
      { reason: 'bad_number', vars: { min: 5, max: 480 } },
    ]);
    expect([yesNo('Yes'), yesNo('n'), yesNo('maybe')]).toEqual([{ value: true }, { value: false }, { reason: 'bad_boolean' }]);
    expect(httpsUrl('https://meet.example.org/abc')).toEqual({ value: 'https://meet.example.org/abc' });
    for (const bad of ['http://meet.example.org', 'javascript:alert(1)', 'meet.example.org'])
      expect(httpsUrl(bad)).toEqual({ reason: 'bad_url' });
  });
});
