// A refused command in words: one plain-text sentence from `slack.command.*` saying what was
// wrong, and the command whose usage line should follow it. Shaped as the `UsageData` of
// views/usage.ts (`usage(t, refusalUsage(refusal, t))`), which escapes the sentence for mrkdwn.
import type { Translate } from '../../../src/ports/translator.ts';
import { LOCALES } from '../../../src/domain/types.ts';
import { COMMAND_ARGUMENTS, COMMAND_NAMES, type CommandArgument, type CommandFail, type CommandName } from './types.ts';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from './when.ts';

/** Sub-keys by `detail.why`, where one code has several explanations. */
const BY_REASON: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  bad_date: { no_such_day: 'bad_date_no_such_day', skipped: 'bad_date_skipped', day_only: 'bad_date_day_only' },
  bad_duration: { range: 'bad_duration_range', ambiguous: 'bad_duration_ambiguous' },
};

const isArgument = (v: unknown): v is CommandArgument => typeof v === 'string' && (COMMAND_ARGUMENTS as readonly string[]).includes(v);
const isCommand = (v: unknown): v is CommandName => typeof v === 'string' && (COMMAND_NAMES as readonly string[]).includes(v);

/** The locale key of a refusal's sentence (`slack.command.<code>` or a more precise sibling). */
export const refusalKey = (refusal: CommandFail): string => {
  const why = refusal.detail?.why;
  const precise = typeof why === 'string' ? BY_REASON[refusal.code]?.[why] : undefined;
  return `slack.command.${precise ?? refusal.code}`;
};

/** What went wrong, as one plain-text sentence in `locale`. */
export const refusalProblem = (refusal: CommandFail, t: Translate, locale = 'en'): string => {
  const detail = refusal.detail ?? {};
  const vars: Record<string, string | number> = { ...detail };
  if (isArgument(detail.argument)) vars.argument = t(locale, `slack.command.argument.${detail.argument}`);
  if (refusal.code === 'bad_duration') Object.assign(vars, { min: MIN_DURATION_MINUTES, max: MAX_DURATION_MINUTES / 60 });
  if (refusal.code === 'bad_language') vars.languages = LOCALES.map((l) => `${t(locale, `portal.languages.${l}`)} (${l})`).join(', ');
  return t(locale, refusalKey(refusal), vars);
};

/** The problem and, when the command was recognised, that command alone for the usage lines. */
export const refusalUsage = (refusal: CommandFail, t: Translate, locale = 'en'): { problem: string; only?: CommandName } => {
  const problem = refusalProblem(refusal, t, locale);
  const command = refusal.code === 'unknown_command' ? undefined : refusal.detail?.command;
  return isCommand(command) ? { problem, only: command } : { problem };
};
