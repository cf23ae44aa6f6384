// Parsers for the cells of an imported row, as zod schemas. A bad cell becomes a custom issue whose
// message is the reason (a key under `cli.reason.`) and whose params are the reason's variables.
import { z } from 'zod';
import { toE164 } from '../../domain/phone.ts';
import { isValidTimeZone } from '../../domain/time.ts';
import { LOCALES, type Locale } from '../../domain/types.ts';

export type Cell<T> = { value: T } | { reason: string; vars?: Record<string, string | number> };

/** An optional cell: empty (or absent) gives undefined, otherwise the parser decides. */
export const cell = <T>(parse: (raw: string) => Cell<T>) =>
  z.unknown().transform((input, ctx): T | undefined => {
    const raw = typeof input === 'string' ? input.trim() : '';
    if (raw === '') return undefined;
    const r = parse(raw);
    if ('value' in r) return r.value;
    ctx.addIssue({ code: 'custom', message: r.reason, params: { ...r.vars } });
    return z.NEVER;
  });

/** A required cell: empty is `required`. */
export const requiredCell = <T>(parse: (raw: string) => Cell<T>) =>
  z.unknown().transform((input, ctx): T => {
    const raw = typeof input === 'string' ? input.trim() : '';
    const r: Cell<T> = raw === '' ? { reason: 'required' } : parse(raw);
    if ('value' in r) return r.value;
    ctx.addIssue({ code: 'custom', message: r.reason, params: { ...r.vars } });
    return z.NEVER;
  });

export const text =
  (max: number) =>
  (raw: string): Cell<string> =>
    raw.length > max ? { reason: 'too_long', vars: { max } } : { value: raw };

export const oneOf =
  <T extends string>(allowed: readonly T[], reason: string) =>
  (raw: string): Cell<T> => {
    const v = raw.toLowerCase();
    return (allowed as readonly string[]).includes(v) ? { value: v as T } : { reason };
  };

const YES = ['yes', 'y', 'true', '1'];
const NO = ['no', 'n', 'false', '0'];
export const yesNo = (raw: string): Cell<boolean> => {
  const v = raw.toLowerCase();
  if (YES.includes(v)) return { value: true };
  if (NO.includes(v)) return { value: false };
  return { reason: 'bad_boolean' };
};

export const phone = (raw: string): Cell<string> => {
  const e164 = toE164(raw, 'US');
  return e164 ? { value: e164 } : { reason: 'bad_phone' };
};

/**
 * A supported language, or a tag that plainly means one (es-MX → es, zh-CN → zh-Hans). A tag that
 * would only fall back to another language (fr, zh-TW) is refused rather than guessed.
 */
export const language = (raw: string): Cell<Locale> => {
  const tag = raw.toLowerCase().replace(/_/g, '-');
  const exact = LOCALES.find((l) => l.toLowerCase() === tag);
  if (exact) return { value: exact };
  const [base, ...rest] = tag.split('-');
  if (base === 'zh') {
    const simplified = rest.length === 0 || ['cn', 'sg', 'my', 'hans'].includes(rest[0] ?? '');
    if (simplified) return { value: 'zh-Hans' };
  } else {
    const match = LOCALES.find((l) => l === base);
    if (match) return { value: match };
  }
  return { reason: 'bad_language', vars: { allowed: LOCALES.join(', ') } };
};

/** An IANA time zone, stored in its canonical spelling. */
export const timeZone = (raw: string): Cell<string> => {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(raw) || !isValidTimeZone(raw)) return { reason: 'bad_time_zone' };
  return { value: new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone };
};

export const wholeNumber =
  (min: number, max: number) =>
  (raw: string): Cell<number> => {
    const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    return Number.isInteger(n) && n >= min && n <= max ? { value: n } : { reason: 'bad_number', vars: { min, max } };
  };

export const email = (raw: string): Cell<string> =>
  raw.length > 254 ? { reason: 'too_long', vars: { max: 254 } } : { value: raw.toLowerCase() };

/** A web address a client may be sent to: https only (no javascript:, no plain http). */
export const httpsUrl = (raw: string): Cell<string> => {
  if (raw.length > 500) return { reason: 'too_long', vars: { max: 500 } };
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' && u.hostname ? { value: u.toString() } : { reason: 'bad_url' };
  } catch {
    return { reason: 'bad_url' };
  }
};

export type When =
  | { kind: 'instant'; at: number }
  | { kind: 'local'; date: { year: number; month: number; day: number }; minuteOfDay: number };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::00)?$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;

const validDate = (y: number, m: number, d: number, h: number, min: number): boolean => {
  if (m < 1 || m > 12 || d < 1 || h > 23 || min > 59) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** 'YYYY-MM-DD HH:MM[:00]' (a wall time, placed later in a time zone) or ISO 8601 with an offset. */
export const dateTime = (raw: string): Cell<When> => {
  const local = LOCAL.exec(raw);
  const offset = local ? null : WITH_OFFSET.exec(raw);
  const m = local ?? offset;
  if (!m) return { reason: 'bad_datetime' };
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (!validDate(y, mo, d, h, mi)) return { reason: 'bad_datetime' };
  if (local) return { value: { kind: 'local', date: { year: y, month: mo, day: d }, minuteOfDay: h * 60 + mi } };
  const zone = (m[7] ?? 'Z').toUpperCase();
  const iso = `${raw.slice(0, 10)}T${raw.slice(11, raw.length - (m[7]?.length ?? 0))}${
    zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`
  }`;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? { reason: 'bad_datetime' } : { value: { kind: 'instant', at } };
};
