// The grammar of `/casebridge …` (the text Slack sends after the command), pure: no Slack, no
// store. Words are split on white space; a "double-quoted" or “curly-quoted” run is one word.
//
//   help | (empty) | help <command>
//   client <name or phone>
//   invite <phone> <name> [language]
//   appointment <client> <date> <time> [duration] [place]
//   request-doc <client> <kind> [due date]
//   schedule <client> <date> <time> <text>
//
// <client> is one word (a phone number, or a reference such as DEMO-0101) or a "quoted name".
// <date> is YYYY-MM-DD, `today` or `tomorrow`; <time> is HH:MM (24 h), H:MMam/pm, Ham/pm or
// `H:MM am`; both read in the caseworker's time zone (see when.ts for the spring-forward gap,
// refused, and the fall-back repeat, read as the first occurrence). [duration] defaults to 60
// minutes (45m, 1h, 1h30m, 90, `90 min`; 5 minutes to 8 hours). [due date] is a date only and
// means the end of that day. Decisions:
// - invite: the phone may be written in several words (`+1 (555) 555-0101`). The last word (or
//   two) of the name is the language when it names one: a code in lower case (`es`, `zh-Hans`,
//   `es-MX`) or a language's name in any case (`Spanish`, `español`, `Tiếng Việt`). A code not in
//   lower case stays part of the name ("Grace Ko"). A last word naming a language the portal does
//   not speak ("French") is refused (bad_language) rather than guessed to be part of the name;
//   quote the name to keep such a word: `invite 5555550101 "Marie French" es`.
// - appointment: a bare number followed by more words is refused as ambiguous (length, or the
//   start of the place?). The place is the rest of the line.
// - request-doc: a due date in the past is refused like a past time (in_the_past).
import { toE164 } from '../../../src/domain/phone.ts';
import { fail, ok } from '../../../src/domain/result.ts';
import { missing, PHONE_WORD, readClient, readFutureWhen, readOptionalDuration, refuse, within, type Reading, type Step } from './arguments.ts';
import { languageOf } from './language.ts';
import { readWords, squash, startsQuoted, unescapeSlack, unquoteWhole } from './tokens.ts';
import { COMMAND_NAMES, type CommandName, type ParsedCommand, type ParseOptions, type SlashCommand } from './types.ts';
import { endOfDay, looksLikeDate, looksLikeTime, readDate, todayIn } from './when.ts';

export { COMMAND_NAMES, COMMAND_REFUSALS, type ClientRef, type CommandFail, type CommandName, type CommandRefusal, type ParsedCommand, type ParseOptions, type SlashCommand } from './types.ts';

export const DEFAULT_DURATION_MINUTES = 60;

const ALIASES: Readonly<Record<string, CommandName>> = { request_doc: 'request-doc' };

const commandNamed = (word: string): CommandName | null => {
  const w = word.toLowerCase();
  return (COMMAND_NAMES as readonly string[]).includes(w) ? (w as CommandName) : (ALIASES[w] ?? null);
};

const done = (command: SlashCommand): ParsedCommand => ({ ok: true, command });

const client = (r: Reading): Step<SlashCommand> => {
  const raw = r.words.rest();
  const whole = unquoteWhole(raw);
  if (whole.unclosed) return refuse(r, 'unclosed_quote');
  const query = squash(whole.text);
  if (!query) return missing(r, 'query');
  const fits = within(r, 'query', query);
  if (!fits.ok) return fits;
  const phone = query.split(' ').every((w) => PHONE_WORD.test(w)) ? toE164(query) : null;
  return ok({ kind: 'client', query, phone });
};

const invite = (r: Reading): Step<SlashCommand> => {
  const first = r.words.peek();
  if (!first) return missing(r, 'phone');
  let typed = '';
  if (first.quoted) {
    r.words.next();
    if (first.unclosed) return refuse(r, 'unclosed_quote');
    typed = first.text;
  } else {
    const parts: string[] = [];
    for (let w = r.words.peek(); w && !w.quoted && PHONE_WORD.test(w.text); w = r.words.peek()) parts.push(r.words.next()?.text ?? '');
    typed = parts.join(' ') || (r.words.next()?.text ?? '');
  }
  const phone = toE164(typed);
  if (!phone) return refuse(r, 'bad_phone', { value: typed });
  const raw = r.words.rest();
  if (!raw) return missing(r, 'name');
  let name: string;
  let tail = '';
  if (startsQuoted(raw)) {
    const inner = readWords(raw);
    const quoted = inner.next();
    if (!quoted || quoted.unclosed) return refuse(r, 'unclosed_quote');
    name = quoted.text;
    tail = squash(inner.rest());
  } else {
    const words = squash(raw).split(' ');
    for (const n of [2, 1]) {
      const candidate = words.slice(-n).join(' ');
      if (words.length >= n && languageOf(candidate, true)) {
        tail = candidate;
        words.splice(-n);
        break;
      }
    }
    name = words.join(' ');
  }
  if (!name) return missing(r, 'name');
  const fits = within(r, 'name', name);
  if (!fits.ok) return fits;
  if (!tail) return ok({ kind: 'invite', phone, name });
  const language = languageOf(tail, false);
  if (language?.kind !== 'locale') return refuse(r, 'bad_language', { value: tail });
  return ok({ kind: 'invite', phone, name, language: language.locale });
};

const appointment = (r: Reading): Step<SlashCommand> => {
  const who = readClient(r);
  if (!who.ok) return who;
  const startsAt = readFutureWhen(r);
  if (!startsAt.ok) return startsAt;
  const duration = readOptionalDuration(r, DEFAULT_DURATION_MINUTES);
  if (!duration.ok) return duration;
  const place = unquoteWhole(r.words.rest());
  if (place.unclosed) return refuse(r, 'unclosed_quote');
  const base = { kind: 'appointment' as const, client: who.value, startsAt: startsAt.value, durationMinutes: duration.value };
  const text = squash(place.text);
  if (!text) return ok(base);
  const fits = within(r, 'place', text);
  return fits.ok ? ok({ ...base, place: text }) : fits;
};

const requestDoc = (r: Reading): Step<SlashCommand> => {
  const who = readClient(r);
  if (!who.ok) return who;
  const raw = r.words.rest();
  let kind: string;
  let due: string[];
  if (startsQuoted(raw)) {
    const inner = readWords(raw);
    const quoted = inner.next();
    if (!quoted || quoted.unclosed) return refuse(r, 'unclosed_quote');
    kind = quoted.text;
    const rest = squash(inner.rest());
    due = rest ? rest.split(' ') : [];
  } else {
    const words = raw ? squash(raw).split(' ') : [];
    const last = words.at(-1) ?? '';
    const dated = looksLikeDate(last) || (words.length >= 2 && looksLikeTime(last) && looksLikeDate(words.at(-2) ?? ''));
    due = dated ? words.splice(looksLikeDate(last) ? -1 : -2) : [];
    kind = words.join(' ');
  }
  if (!kind) return missing(r, 'kind');
  const fits = within(r, 'kind', kind);
  if (!fits.ok) return fits;
  const base = { kind: 'request_doc' as const, client: who.value, documentKind: kind };
  if (due.length === 0) return ok(base);
  const typed = due.join(' ');
  if (due.length === 2 && looksLikeDate(due[0] ?? '') && looksLikeTime(due[1] ?? '')) return refuse(r, 'bad_date', { value: typed, why: 'day_only' });
  if (due.length !== 1 || !looksLikeDate(typed)) return refuse(r, 'bad_date', { value: typed, why: 'format' });
  const date = readDate(typed, todayIn(r.opts.now, r.opts.timeZone));
  if (!date) return refuse(r, 'bad_date', { value: typed, why: 'no_such_day' });
  const dueAt = endOfDay(date, r.opts.timeZone);
  return dueAt > r.opts.now ? ok({ ...base, dueAt }) : refuse(r, 'in_the_past', { value: typed, timeZone: r.opts.timeZone });
};

const schedule = (r: Reading): Step<SlashCommand> => {
  const who = readClient(r);
  if (!who.ok) return who;
  const sendAt = readFutureWhen(r);
  if (!sendAt.ok) return sendAt;
  const raw = r.words.rest();
  const whole = unquoteWhole(raw);
  const text = whole.unclosed ? raw : whole.text;
  if (!text) return missing(r, 'text');
  const fits = within(r, 'text', text);
  return fits.ok ? ok({ kind: 'schedule', client: who.value, sendAt: sendAt.value, text }) : fits;
};

const GRAMMAR: Readonly<Record<CommandName, (r: Reading) => Step<SlashCommand>>> = {
  client,
  invite,
  appointment,
  'request-doc': requestDoc,
  schedule,
};

/** Reads the text after `/casebridge` (as Slack sends it: `&`, `<`, `>` escaped). */
export const parseCommand = (text: string, opts: ParseOptions): ParsedCommand => {
  const words = readWords(unescapeSlack(text));
  const head = words.next();
  if (!head || (!head.quoted && /^(help|\?)$/i.test(head.text))) {
    const topic = head ? words.next() : null;
    const named = topic ? commandNamed(topic.text) : null;
    return done(named ? { kind: 'help', topic: named } : { kind: 'help' });
  }
  const command = head.quoted ? null : commandNamed(head.text);
  if (!command) return fail('unknown_command', { command: [...head.text].slice(0, 40).join('') });
  const step = GRAMMAR[command]({ words, opts, command });
  return step.ok ? done(step.value) : step;
};
