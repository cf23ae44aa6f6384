// What `/casebridge …` asks for once parsed, and the stable codes of what it refuses.
import type { Fail } from '../../../src/domain/result.ts';
import type { Locale, Millis } from '../../../src/domain/types.ts';

export const COMMAND_NAMES = ['client', 'invite', 'appointment', 'request-doc', 'schedule'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const COMMAND_REFUSALS = [
  'unknown_command',
  'missing_argument',
  'bad_phone',
  'bad_date',
  'bad_duration',
  'bad_language',
  'in_the_past',
  'too_long',
  'unclosed_quote',
] as const;
export type CommandRefusal = (typeof COMMAND_REFUSALS)[number];

/** The parts of a command a refusal can name (`missing_argument`'s and `too_long`'s detail). */
export const COMMAND_ARGUMENTS = ['query', 'phone', 'name', 'client', 'date', 'time', 'kind', 'place', 'text'] as const;
export type CommandArgument = (typeof COMMAND_ARGUMENTS)[number];

/** Longest accepted value of each free-text part, in characters (code points). */
export const ARGUMENT_LIMITS = { query: 120, name: 120, client: 120, kind: 80, place: 200, text: 1000 } as const satisfies Partial<Record<CommandArgument, number>>;

/** Why a date and time was refused (`bad_date`'s detail.why). */
export type BadDateReason = 'format' | 'no_such_day' | 'skipped' | 'day_only';
/** Why a length was refused (`bad_duration`'s detail.why). */
export type BadDurationReason = 'format' | 'range' | 'ambiguous';

/**
 * Who a command is about, as typed; the listener resolves it within the caseworker's agency.
 * - `name`: a "quoted name" (display name search).
 * - `phone`: one unquoted word that reads as a phone number, in E.164. An all-digit case number
 *   can read as a phone too: when no client has that phone, try `text` as a reference.
 * - `reference`: any other single word — a case number or external reference such as DEMO-0101
 *   (or a one-word name, should the listener choose to search names too).
 */
export type ClientRef =
  | { by: 'name'; name: string }
  | { by: 'phone'; phone: string; text: string }
  | { by: 'reference'; reference: string };

export type SlashCommand =
  | { kind: 'help'; topic?: CommandName }
  /** `phone` is the query in E.164 when the whole query reads as a phone number */
  | { kind: 'client'; query: string; phone: string | null }
  | { kind: 'invite'; phone: string; name: string; language?: Locale }
  | { kind: 'appointment'; client: ClientRef; startsAt: Millis; durationMinutes: number; place?: string }
  /** `dueAt`: the last millisecond of the due day in the caseworker's time zone */
  | { kind: 'request_doc'; client: ClientRef; documentKind: string; dueAt?: Millis }
  | { kind: 'schedule'; client: ClientRef; sendAt: Millis; text: string };

/**
 * A refusal's detail: `command` (the command's name, when it was recognised) and, by code:
 * unknown_command `{ command }` (the word as typed, at most 40 characters);
 * missing_argument `{ argument }`; bad_phone `{ value }`; bad_date `{ value, why: BadDateReason }`
 * (+ `timeZone` when skipped); bad_duration `{ value, why: BadDurationReason }`; bad_language
 * `{ value }`; in_the_past `{ value, timeZone }`; too_long `{ argument, max }`; unclosed_quote `{}`.
 * `value`s are the user's own words (at most 80 characters): escape them before showing them.
 */
export type CommandFail = Fail<CommandRefusal>;

export type ParsedCommand = { ok: true; command: SlashCommand } | CommandFail;

export interface ParseOptions {
  /** the caseworker's IANA time zone: dates and times are read on its wall clocks */
  timeZone: string;
  now: Millis;
}
