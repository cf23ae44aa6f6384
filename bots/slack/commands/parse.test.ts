import { describe, expect, it } from 'vitest';
import { COMMAND_REFUSALS, parseCommand, type ParsedCommand } from './parse.ts';

/** Thursday 5 March 2026, 10:00 in New York (EST, UTC−5); daylight saving starts on Sunday the 8th. */
const NOW = Date.parse('2026-03-05T15:00:00Z');
const NY = { timeZone: 'America/New_York', now: NOW };
const iso = (ms: number) => new Date(ms).toISOString();
const parse = (text: string, opts = NY) => parseCommand(text, opts);
/** A parsed command with its instants as ISO strings, to compare with tables. */
const readable = (r: ParsedCommand) => {
  if (!r.ok) return r;
  const c: Record<string, unknown> = { ...r.command };
  for (const k of ['startsAt', 'sendAt', 'dueAt']) if (typeof c[k] === 'number') c[k] = iso(c[k] as number);
  return c;
};
const refusal = (code: string, detail: Record<string, string | number>) => ({ ok: false, code, detail });
const seen = new Set<string>();
const refused = (text: string, opts = NY) => {
  const r = parse(text, opts);
  if (!r.ok) seen.add(r.code);
  return r;
};

describe('help and unknown commands', () => {
  it.each(['', '   ', 'help', 'HELP', '?', 'help nonsense'])('%j asks for help', (text) => {
    expect(parse(text)).toEqual({ ok: true, command: { kind: 'help' } });
  });

  it('gives help on one command', () => {
    expect(parse('help request-doc')).toEqual({ ok: true, command: { kind: 'help', topic: 'request-doc' } });
    expect(parse('help Appointment')).toEqual({ ok: true, command: { kind: 'help', topic: 'appointment' } });
  });

  it('refuses a command it does not know, naming it (cut to 40 characters)', () => {
    expect(refused('frobnicate DEMO-0101')).toEqual(refusal('unknown_command', { command: 'frobnicate' }));
    expect(refused('"client" Maria')).toEqual(refusal('unknown_command', { command: 'client' }));
    expect(refused(`x${'y'.repeat(60)}`)).toEqual(refusal('unknown_command', { command: `x${'y'.repeat(39)}` }));
  });
});

describe('client <name or phone>', () => {
  it.each([
    ['client Maria Lopez', 'Maria Lopez', null],
    ['CLIENT   Maria\u00a0 Lopez ', 'Maria Lopez', null],
    ['client "Maria  Lopez"', 'Maria Lopez', null],
    ['client “María López”', 'María López', null],
    ['client DEMO-0101', 'DEMO-0101', null],
    ['client +1 (555) 555-0101', '+1 (555) 555-0101', '+15555550101'],
    ['client 555.555.0101', '555.555.0101', '+15555550101'],
    ['client Smith &amp; Jones', 'Smith & Jones', null],
  ])('%j', (text, query, phone) => {
    expect(parse(text)).toEqual({ ok: true, command: { kind: 'client', query, phone } });
  });

  it('refuses nothing to look for, an open quote and a query too long', () => {
    expect(refused('client')).toEqual(refusal('missing_argument', { command: 'client', argument: 'query' }));
    expect(refused('client ""')).toEqual(refusal('missing_argument', { command: 'client', argument: 'query' }));
    expect(refused('client "Maria Lopez')).toEqual(refusal('unclosed_quote', { command: 'client' }));
    expect(refused(`client ${'a'.repeat(121)}`)).toEqual(refusal('too_long', { command: 'client', argument: 'query', max: 120 }));
    expect(parse(`client ${'a'.repeat(120)}`).ok).toBe(true);
  });
});

describe('invite <phone> <name> [language]', () => {
  it.each([
    ['invite +15555550101 Maria Lopez', 'Maria Lopez', undefined],
    ['invite +1 555 555 0101 Maria Lopez es', 'Maria Lopez', 'es'],
    ['invite (555) 555-0101 María López Spanish', 'María López', 'es'],
    ['invite "+1 555 555 0101" María López español', 'María López', 'es'],
    ['invite 555-555-0101 Lan Nguyen Tiếng Việt', 'Lan Nguyen', 'vi'],
    ['invite 5555550101 Lan Nguyen tieng viet', 'Lan Nguyen', 'vi'],
    ['invite 5555550101 Jean Pierre Haitian Creole', 'Jean Pierre', 'ht'],
    ['invite 5555550101 Jean Pierre kreyol', 'Jean Pierre', 'ht'],
    ['invite 5555550101 Wei Zhang zh-Hans', 'Wei Zhang', 'zh-Hans'],
    ['invite 5555550101 Wei Zhang zh', 'Wei Zhang', 'zh-Hans'],
    ['invite 5555550101 Wei Zhang 中文', 'Wei Zhang', 'zh-Hans'],
    ['invite 5555550101 Ana Ruiz es-MX', 'Ana Ruiz', 'es'],
    ['invite 5555550101 Layla Haddad العربية', 'Layla Haddad', 'ar'],
    ['invite 5555550101 Oleg Petrov русский', 'Oleg Petrov', 'ru'],
    ['invite 5555550101 Min-jun Kim 한국어', 'Min-jun Kim', 'ko'],
    // a code counts only in lower case: "Ko" and "VI" stay in the name
    ['invite 5555550101 Grace Ko', 'Grace Ko', undefined],
    ['invite 5555550101 Henry VI', 'Henry VI', undefined],
    ['invite 5555550101 Grace Ko ko', 'Grace Ko', 'ko'],
    ['invite 5555550101 "Grace Ko" KO', 'Grace Ko', 'ko'],
    ['invite 5555550101 “Marie French” es', 'Marie French', 'es'],
    ['invite 5555550101 Ko', 'Ko', undefined],
  ])('%j', (text, name, language) => {
    const r = parse(text);
    expect(r).toEqual({ ok: true, command: { kind: 'invite', phone: '+15555550101', name, ...(language ? { language } : {}) } });
  });

  it('refuses a last word that names a language clients cannot use, rather than guess it is a name', () => {
    expect(refused('invite 5555550101 Marie French')).toEqual(refusal('bad_language', { command: 'invite', value: 'French' }));
    expect(refused('invite 5555550101 Marie Dubois fr')).toEqual(refusal('bad_language', { command: 'invite', value: 'fr' }));
    expect(refused('invite 5555550101 Wei Zhang zh-Hant')).toEqual(refusal('bad_language', { command: 'invite', value: 'zh-Hant' }));
    expect(refused('invite 5555550101 Wei Zhang Traditional Chinese')).toEqual(refusal('bad_language', { command: 'invite', value: 'Traditional Chinese' }));
    expect(refused('invite 5555550101 "Maria" Lopez')).toEqual(refusal('bad_language', { command: 'invite', value: 'Lopez' }));
  });

  it('refuses a missing or unusable phone, a missing name, an open quote, a name too long', () => {
    expect(refused('invite')).toEqual(refusal('missing_argument', { command: 'invite', argument: 'phone' }));
    expect(refused('invite 5555550101')).toEqual(refusal('missing_argument', { command: 'invite', argument: 'name' }));
    expect(refused('invite 5555550101 es')).toEqual(refusal('missing_argument', { command: 'invite', argument: 'name' }));
    expect(refused('invite 5555550101 "" es')).toEqual(refusal('missing_argument', { command: 'invite', argument: 'name' }));
    expect(refused('invite Maria 5555550101')).toEqual(refusal('bad_phone', { command: 'invite', value: 'Maria' }));
    expect(refused('invite 12345 Maria')).toEqual(refusal('bad_phone', { command: 'invite', value: '12345' }));
    expect(refused('invite 555 0101 Maria')).toEqual(refusal('bad_phone', { command: 'invite', value: '555 0101' }));
    expect(refused('invite "+1 555 Maria')).toEqual(refusal('unclosed_quote', { command: 'invite' }));
    expect(refused('invite 5555550101 “Maria Lopez es')).toEqual(refusal('unclosed_quote', { command: 'invite' }));
    expect(refused(`invite 5555550101 ${'a'.repeat(121)} es`)).toEqual(refusal('too_long', { command: 'invite', argument: 'name', max: 120 }));
  });
});

describe('request-doc <client> <kind> [due]', () => {
  it.each([
    ['request-doc DEMO-0101 Pay stub', { by: 'reference', reference: 'DEMO-0101' }, 'Pay stub', undefined],
    ['request_doc DEMO-0101 ID', { by: 'reference', reference: 'DEMO-0101' }, 'ID', undefined],
    // the end of the day in New York: EDT from 8 March, so 20 March ends at 04:00Z on the 21st
    ['request-doc +15555550101 Pay stub 2026-03-20', { by: 'phone', phone: '+15555550101', text: '+15555550101' }, 'Pay stub', '2026-03-21T03:59:59.999Z'],
    ['request-doc "Maria Lopez" "Proof of address" tomorrow', { by: 'name', name: 'Maria Lopez' }, 'Proof of address', '2026-03-07T04:59:59.999Z'],
    ['request-doc DEMO-0101 Lease today', { by: 'reference', reference: 'DEMO-0101' }, 'Lease', '2026-03-06T04:59:59.999Z'],
    ['request-doc DEMO-0101 Lease 2026-03-08', { by: 'reference', reference: 'DEMO-0101' }, 'Lease', '2026-03-09T03:59:59.999Z'],
    ['request-doc DEMO-0101 Lease 2026-11-01', { by: 'reference', reference: 'DEMO-0101' }, 'Lease', '2026-11-02T04:59:59.999Z'],
  ])('%j', (text, client, documentKind, dueAt) => {
    expect(readable(parse(text))).toEqual({ kind: 'request_doc', client, documentKind, ...(dueAt ? { dueAt } : {}) });
  });

  it('refuses a missing kind, a due date that is not a day, past or impossible, an open quote, a kind too long', () => {
    const c = { command: 'request-doc' };
    expect(refused('request-doc')).toEqual(refusal('missing_argument', { ...c, argument: 'client' }));
    expect(refused('request-doc DEMO-0101')).toEqual(refusal('missing_argument', { ...c, argument: 'kind' }));
    expect(refused('request-doc DEMO-0101 tomorrow')).toEqual(refusal('missing_argument', { ...c, argument: 'kind' }));
    expect(refused('request-doc DEMO-0101 Lease 2026-03-04')).toEqual(refusal('in_the_past', { ...c, value: '2026-03-04', timeZone: 'America/New_York' }));
    expect(refused('request-doc DEMO-0101 Lease 2026-02-30')).toEqual(refusal('bad_date', { ...c, value: '2026-02-30', why: 'no_such_day' }));
    expect(refused('request-doc DEMO-0101 Lease 2026-03-20 17:00')).toEqual(refusal('bad_date', { ...c, value: '2026-03-20 17:00', why: 'day_only' }));
    expect(refused('request-doc DEMO-0101 "Lease" next week')).toEqual(refusal('bad_date', { ...c, value: 'next week', why: 'format' }));
    expect(refused('request-doc DEMO-0101 "Lease')).toEqual(refusal('unclosed_quote', c));
    expect(refused(`request-doc DEMO-0101 ${'k'.repeat(81)}`)).toEqual(refusal('too_long', { ...c, argument: 'kind', max: 80 }));
  });
});

describe('schedule <client> <date time> <text>', () => {
  const at = (text: string) => readable(parse(`schedule DEMO-0101 tomorrow 9:00 ${text}`));
  it('keeps the message as typed: quotes around all of it come off, line breaks and lone quotes stay', () => {
    const base = { kind: 'schedule', client: { by: 'reference', reference: 'DEMO-0101' }, sendAt: '2026-03-06T14:00:00.000Z' };
    expect(at('Remember to bring your ID.')).toEqual({ ...base, text: 'Remember to bring your ID.' });
    expect(at('“See you at 10”')).toEqual({ ...base, text: 'See you at 10' });
    expect(at('Line one\n  Line two')).toEqual({ ...base, text: 'Line one\n  Line two' });
    expect(at('"Bring the "blue" form" please')).toEqual({ ...base, text: '"Bring the "blue" form" please' });
    expect(at('"Hi there')).toEqual({ ...base, text: '"Hi there' });
    expect(at('Rent &lt; $500 &amp; utilities')).toEqual({ ...base, text: 'Rent < $500 & utilities' });
    expect(at('😀'.repeat(1000))).toEqual({ ...base, text: '😀'.repeat(1000) });
  });

  it('refuses no text, a text over 1000 characters, a time in the past', () => {
    const c = { command: 'schedule' };
    expect(refused('schedule DEMO-0101 tomorrow 9:00')).toEqual(refusal('missing_argument', { ...c, argument: 'text' }));
    expect(refused('schedule DEMO-0101 tomorrow 9:00 ""')).toEqual(refusal('missing_argument', { ...c, argument: 'text' }));
    expect(refused(`schedule DEMO-0101 tomorrow 9:00 ${'x'.repeat(1001)}`)).toEqual(refusal('too_long', { ...c, argument: 'text', max: 1000 }));
    expect(refused('schedule DEMO-0101 today 9:00 Hello')).toEqual(refusal('in_the_past', { ...c, value: 'today 9:00', timeZone: 'America/New_York' }));
    expect(refused('schedule DEMO-0101 2026-03-08 2:15am Hello')).toEqual(
      refusal('bad_date', { ...c, value: '2026-03-08 2:15am', why: 'skipped', timeZone: 'America/New_York' }),
    );
  });
});

describe('appointment <client> <date time> [duration] [place]', () => {
  const ref = { by: 'reference', reference: 'DEMO-0101' };
  const appt = (startsAt: string, durationMinutes = 60, place?: string, client: unknown = ref) => ({
    kind: 'appointment',
    client,
    startsAt,
    durationMinutes,
    ...(place ? { place } : {}),
  });

  it.each([
    ['DEMO-0101 2026-03-10 14:30', appt('2026-03-10T18:30:00.000Z')],
    ['DEMO-0101 2026-03-06 2:30pm 45m Room 4', appt('2026-03-06T19:30:00.000Z', 45, 'Room 4')],
    ['+15555550101 tomorrow 9am 1h30m', appt('2026-03-06T14:00:00.000Z', 90, undefined, { by: 'phone', phone: '+15555550101', text: '+15555550101' })],
    ['555-555-0101 TODAY 16:00 90', appt('2026-03-05T21:00:00.000Z', 90, undefined, { by: 'phone', phone: '+15555550101', text: '555-555-0101' })],
    ['"Maria Lopez" tomorrow 10:00 am 1h "Family Court, 2nd floor"', appt('2026-03-06T15:00:00.000Z', 60, 'Family Court, 2nd floor', { by: 'name', name: 'Maria Lopez' })],
    ['“Maria Lopez” tomorrow 10:00 p.m.', appt('2026-03-07T03:00:00.000Z', 60, undefined, { by: 'name', name: 'Maria Lopez' })],
    ['DEMO-0101 tomorrow 10:00 90 min Clinic on 5th', appt('2026-03-06T15:00:00.000Z', 90, 'Clinic on 5th')],
    ['DEMO-0101 tomorrow 10:00 2 hours', appt('2026-03-06T15:00:00.000Z', 120)],
    ['DEMO-0101 tomorrow 10:00 "123 Main St"', appt('2026-03-06T15:00:00.000Z', 60, '123 Main St')],
    ['DEMO-0101 tomorrow 10:00 90m 123 Main St', appt('2026-03-06T15:00:00.000Z', 90, '123 Main St')],
    ['DEMO-0101 tomorrow 10:00 Court &amp; Probation', appt('2026-03-06T15:00:00.000Z', 60, 'Court & Probation')],
    ['DEMO-0101 tomorrow 5m', null],
    ['DEMO-0101 tomorrow 12am 5m', appt('2026-03-06T05:00:00.000Z', 5)],
    ['DEMO-0101 tomorrow 12pm 8h', appt('2026-03-06T17:00:00.000Z', 480)],
    ['DEMO-0101 today 10:01', appt('2026-03-05T15:01:00.000Z')],
  ])('appointment %s', (args, expected) => {
    const r = readable(parse(`appointment ${args}`));
    if (expected) expect(r).toEqual(expected);
    else expect(r).toEqual(refusal('missing_argument', { command: 'appointment', argument: 'time' }));
  });

  it('reads the date and time on the caseworker’s own wall clock', () => {
    // 20:00Z on 5 March is already 03:00 on 6 March in Ho Chi Minh City: "today" is the 6th there.
    const saigon = { timeZone: 'Asia/Ho_Chi_Minh', now: Date.parse('2026-03-05T20:00:00Z') };
    expect(readable(parse('appointment DEMO-0101 today 09:00', saigon))).toEqual(appt('2026-03-06T02:00:00.000Z'));
    expect(readable(parse('appointment DEMO-0101 tomorrow 09:00', saigon))).toEqual(appt('2026-03-07T02:00:00.000Z'));
  });

  it('around daylight saving in New York: the skipped hour is refused, the repeated hour is its first occurrence', () => {
    const c = { command: 'appointment' };
    expect(refused('appointment DEMO-0101 2026-03-08 02:30')).toEqual(refusal('bad_date', { ...c, value: '2026-03-08 02:30', why: 'skipped', timeZone: 'America/New_York' }));
    expect(refused('appointment DEMO-0101 2026-03-08 2:00 am')).toEqual(refusal('bad_date', { ...c, value: '2026-03-08 2:00 am', why: 'skipped', timeZone: 'America/New_York' }));
    expect(readable(parse('appointment DEMO-0101 2026-03-08 01:59'))).toEqual(appt('2026-03-08T06:59:00.000Z'));
    expect(readable(parse('appointment DEMO-0101 2026-03-08 03:00'))).toEqual(appt('2026-03-08T07:00:00.000Z'));
    // 01:30 happens twice on 1 November 2026: first in EDT (05:30Z), an hour later in EST (06:30Z).
    expect(readable(parse('appointment DEMO-0101 2026-11-01 01:30'))).toEqual(appt('2026-11-01T05:30:00.000Z'));
    expect(readable(parse('appointment DEMO-0101 2026-11-01 1:30am'))).toEqual(appt('2026-11-01T05:30:00.000Z'));
    expect(readable(parse('appointment DEMO-0101 2026-11-01 02:30'))).toEqual(appt('2026-11-01T07:30:00.000Z'));
  });

  it.each([
    ['', 'missing_argument', { argument: 'client' }],
    ['DEMO-0101', 'missing_argument', { argument: 'date' }],
    ['DEMO-0101 14:00', 'missing_argument', { argument: 'date' }],
    ['DEMO-0101 2026-03-10', 'missing_argument', { argument: 'time' }],
    ['DEMO-0101 2026-03-10 Room 4', 'missing_argument', { argument: 'time' }],
    ['Maria Lopez tomorrow 10:00', 'bad_date', { value: 'Lopez', why: 'format' }],
    ['DEMO-0101 next tuesday 10:00', 'bad_date', { value: 'next', why: 'format' }],
    ['DEMO-0101 2026-02-30 10:00', 'bad_date', { value: '2026-02-30', why: 'no_such_day' }],
    ['DEMO-0101 2026-13-01 10:00', 'bad_date', { value: '2026-13-01', why: 'no_such_day' }],
    ['DEMO-0101 2026-03-10 25:00', 'bad_date', { value: '2026-03-10 25:00', why: 'format' }],
    ['DEMO-0101 2026-03-10 9:75', 'bad_date', { value: '2026-03-10 9:75', why: 'format' }],
    ['DEMO-0101 2026-03-10 13pm', 'bad_date', { value: '2026-03-10 13pm', why: 'format' }],
    ['DEMO-0101 2026-03-10 14:00 pm', 'bad_date', { value: '2026-03-10 14:00 pm', why: 'format' }],
    ['DEMO-0101 2026-03-04 10:00', 'in_the_past', { value: '2026-03-04 10:00', timeZone: 'America/New_York' }],
    ['DEMO-0101 today 10:00', 'in_the_past', { value: 'today 10:00', timeZone: 'America/New_York' }],
    ['DEMO-0101 today 9:59am', 'in_the_past', { value: 'today 9:59am', timeZone: 'America/New_York' }],
    ['DEMO-0101 tomorrow 10:00 123 Main St', 'bad_duration', { value: '123', why: 'ambiguous' }],
    ['DEMO-0101 tomorrow 10:00 1.5h', 'bad_duration', { value: '1.5h', why: 'format' }],
    ['DEMO-0101 tomorrow 10:00 4m', 'bad_duration', { value: '4m', why: 'range' }],
    ['DEMO-0101 tomorrow 10:00 481', 'bad_duration', { value: '481', why: 'range' }],
    ['DEMO-0101 tomorrow 10:00 9h Room 4', 'bad_duration', { value: '9h', why: 'range' }],
    ['DEMO-0101 tomorrow 10:00 0 min', 'bad_duration', { value: '0 min', why: 'range' }],
    ['"Maria tomorrow 10:00', 'unclosed_quote', {}],
    ['DEMO-0101 tomorrow 10:00 "Room 4', 'unclosed_quote', {}],
    [`DEMO-0101 tomorrow 10:00 ${'p'.repeat(201)}`, 'too_long', { argument: 'place', max: 200 }],
    [`"${'n'.repeat(121)}" tomorrow 10:00`, 'too_long', { argument: 'client', max: 120 }],
  ])('appointment %s → %s', (args, code, detail) => {
    expect(refused(`appointment ${args}`)).toEqual(refusal(code, { command: 'appointment', ...detail }));
  });

  it('clips the user’s words it echoes to 80 characters', () => {
    const r = refused(`appointment DEMO-0101 ${'z'.repeat(200)} 10:00`);
    expect(r.ok ? null : r.detail?.value).toBe(`${'z'.repeat(79)}…`);
  });
});

describe('refusal codes', () => {
  it('every one is reachable from some text above', () => {
    expect([...seen].sort()).toEqual([...COMMAND_REFUSALS].sort());
  });

  it('are exactly the stable list', () => {
    expect([...COMMAND_REFUSALS].sort()).toEqual(
      ['bad_date', 'bad_duration', 'bad_language', 'bad_phone', 'in_the_past', 'missing_argument', 'too_long', 'unclosed_quote', 'unknown_command'].sort(),
    );
  });
});
