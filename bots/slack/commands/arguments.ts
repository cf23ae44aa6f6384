// Readers for the parts commands share: who (a client), when (a date and a time), how long.
// Each consumes words from the reader and answers a value or a refusal naming the command.
import { toE164 } from '../../../src/domain/phone.ts';
import { fail, ok, type Result } from '../../../src/domain/result.ts';
import type { Millis } from '../../../src/domain/types.ts';
import type { Words } from './tokens.ts';
import { ARGUMENT_LIMITS, type ClientRef, type CommandArgument, type CommandFail, type CommandName, type CommandRefusal, type ParseOptions } from './types.ts';
import {
  DURATION_UNIT,
  isBareNumber,
  isMeridiem,
  looksLikeDate,
  looksLikeDuration,
  looksLikeTime,
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
  readDate,
  readDuration,
  readTime,
  todayIn,
  wallClockInstant,
} from './when.ts';

export type Step<T> = Result<T, CommandRefusal>;

export interface Reading {
  words: Words;
  opts: ParseOptions;
  command: CommandName;
}

/** Refusal details echo the user's words; no more of them than a message needs. */
const clip = (s: string, max = 80): string => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);

export const refuse = (r: Reading, code: CommandRefusal, detail: Record<string, string | number> = {}): CommandFail =>
  fail(code, { command: r.command, ...Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, typeof v === 'string' ? clip(v) : v])) });

export const missing = (r: Reading, argument: CommandArgument): CommandFail => refuse(r, 'missing_argument', { argument });

export const length = (s: string): number => [...s].length;

/** The text if it fits its part's limit, else a `too_long` refusal. */
export const within = (r: Reading, argument: keyof typeof ARGUMENT_LIMITS, text: string): Step<string> =>
  length(text) > ARGUMENT_LIMITS[argument] ? refuse(r, 'too_long', { argument, max: ARGUMENT_LIMITS[argument] }) : ok(text);

/** Characters a phone number is written with: `+1 (555) 555-0101`, `555.555.0101`. */
export const PHONE_WORD = /^[+(]?[\d().-]+$/;

/** One word naming a client: a "quoted name", a phone number, or a reference such as DEMO-0101. */
export const readClient = (r: Reading): Step<ClientRef> => {
  const w = r.words.next();
  if (!w || (w.quoted && !w.unclosed && w.text === '')) return missing(r, 'client');
  if (w.unclosed) return refuse(r, 'unclosed_quote');
  const fits = within(r, 'client', w.text);
  if (!fits.ok) return fits;
  if (w.quoted) return ok({ by: 'name', name: w.text });
  const phone = PHONE_WORD.test(w.text) ? toE164(w.text) : null;
  return ok(phone ? { by: 'phone', phone, text: w.text } : { by: 'reference', reference: w.text });
};

/**
 * A date then a time, read on the caseworker's wall clock; refused when it does not exist (the
 * spring-forward gap) or is not after `now`. A time that happens twice (fall back) is its first
 * occurrence (see wallClockInstant).
 */
export const readFutureWhen = (r: Reading): Step<Millis> => {
  const d = r.words.next();
  if (!d) return missing(r, 'date');
  if (d.quoted || !looksLikeDate(d.text)) return looksLikeTime(d.text) ? missing(r, 'date') : refuse(r, 'bad_date', { value: d.text, why: 'format' });
  const t = r.words.peek();
  if (!t || t.quoted || !looksLikeTime(t.text)) return missing(r, 'time');
  r.words.next();
  const m = r.words.peek();
  const meridiem = m && !m.quoted && isMeridiem(m.text) && !/[ap]\.?m\.?$/i.test(t.text) ? m.text : undefined;
  if (meridiem) r.words.next();
  const typed = [d.text, t.text, meridiem].filter(Boolean).join(' ');
  const date = readDate(d.text, todayIn(r.opts.now, r.opts.timeZone));
  if (!date) return refuse(r, 'bad_date', { value: d.text, why: 'no_such_day' });
  const minute = readTime(t.text, meridiem);
  if (minute === null) return refuse(r, 'bad_date', { value: typed, why: 'format' });
  const at = wallClockInstant(date, minute, r.opts.timeZone);
  if (at === 'skipped') return refuse(r, 'bad_date', { value: typed, why: 'skipped', timeZone: r.opts.timeZone });
  return at > r.opts.now ? ok(at) : refuse(r, 'in_the_past', { value: typed, timeZone: r.opts.timeZone });
};

/** A word that means to be a length but is not one we read: `1.5h`, `2,5h`, `90mn`. */
const DURATIONISH = /^\d+(?:[.,]\d+)?\s*(?:h|hr|hrs|hours?|m|mn|min|mins|minutes?)\S*$/i;

/**
 * An optional length after the time; `fallback` when the next word is not one. A bare number
 * followed by more words is refused as ambiguous (`90 Room 4` is clear, `123 Main St` is not):
 * write the length with its unit (`90m`, `90 min`) or quote the place.
 */
export const readOptionalDuration = (r: Reading, fallback: number): Step<number> => {
  const at = r.words.save();
  const w = r.words.next();
  if (!w || w.quoted) {
    r.words.restore(at);
    return ok(fallback);
  }
  let minutes: number | null = null;
  let typed = w.text;
  if (isBareNumber(w.text)) {
    const unit = r.words.peek();
    if (unit && !unit.quoted && DURATION_UNIT.test(unit.text)) {
      r.words.next();
      typed = `${w.text} ${unit.text}`;
      minutes = readDuration(w.text, unit.text);
    } else if (unit) {
      return refuse(r, 'bad_duration', { value: w.text, why: 'ambiguous' });
    } else {
      minutes = readDuration(w.text);
    }
  } else if (looksLikeDuration(w.text)) {
    minutes = readDuration(w.text);
  } else if (DURATIONISH.test(w.text)) {
    return refuse(r, 'bad_duration', { value: w.text, why: 'format' });
  } else {
    r.words.restore(at);
    return ok(fallback);
  }
  if (minutes === null) return refuse(r, 'bad_duration', { value: typed, why: 'format' });
  if (minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) return refuse(r, 'bad_duration', { value: typed, why: 'range' });
  return ok(minutes);
};
