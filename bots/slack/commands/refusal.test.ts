import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { parseCommand } from './parse.ts';
import { refusalKey, refusalProblem, refusalUsage } from './refusal.ts';
import { COMMAND_ARGUMENTS, COMMAND_REFUSALS, type CommandFail } from './types.ts';

const t = createTranslator();
const NY = { timeZone: 'America/New_York', now: Date.parse('2026-03-05T15:00:00Z') };
const refusalOf = (text: string): CommandFail => {
  const r = parseCommand(text, NY);
  if (r.ok) throw new Error(`${text} was accepted`);
  return r;
};

/** One text for each refusal and each of its explanations. */
const EXAMPLES: [string, string][] = [
  ['frobnicate', 'slack.command.unknown_command'],
  ['appointment DEMO-0101', 'slack.command.missing_argument'],
  ['invite 12345 Maria', 'slack.command.bad_phone'],
  ['appointment DEMO-0101 next tuesday 10:00', 'slack.command.bad_date'],
  ['appointment DEMO-0101 2026-02-30 10:00', 'slack.command.bad_date_no_such_day'],
  ['appointment DEMO-0101 2026-03-08 02:30', 'slack.command.bad_date_skipped'],
  ['request-doc DEMO-0101 Lease 2026-03-20 17:00', 'slack.command.bad_date_day_only'],
  ['appointment DEMO-0101 tomorrow 10:00 1.5h', 'slack.command.bad_duration'],
  ['appointment DEMO-0101 tomorrow 10:00 9h', 'slack.command.bad_duration_range'],
  ['appointment DEMO-0101 tomorrow 10:00 123 Main St', 'slack.command.bad_duration_ambiguous'],
  ['invite 5555550101 Marie French', 'slack.command.bad_language'],
  ['schedule DEMO-0101 today 9:00 Hello', 'slack.command.in_the_past'],
  [`schedule DEMO-0101 tomorrow 9:00 ${'x'.repeat(1001)}`, 'slack.command.too_long'],
  ['client "Maria', 'slack.command.unclosed_quote'],
];

describe('a refusal in words', () => {
  it.each(EXAMPLES)('%s → %s, rendered with every placeholder filled', (text, key) => {
    const refusal = refusalOf(text);
    expect(refusalKey(refusal)).toBe(key);
    const problem = refusalProblem(refusal, t);
    expect(problem).not.toContain('slack.command');
    expect(problem).not.toMatch(/\{\{|\}\}/);
    expect(problem.length).toBeGreaterThan(10);
  });

  it('covers every code', () => {
    expect(new Set(EXAMPLES.map(([text]) => refusalOf(text).code))).toEqual(new Set(COMMAND_REFUSALS));
  });

  it('names every argument in words', () => {
    for (const argument of COMMAND_ARGUMENTS) {
      const words = refusalProblem({ ok: false, code: 'missing_argument', detail: { command: 'client', argument } }, t);
      expect(words, argument).not.toContain('slack.command');
    }
  });

  it('says what was typed, what is allowed, and in which time zone', () => {
    expect(refusalProblem(refusalOf('appointment DEMO-0101'), t)).toContain('the date (2026-03-20, today or tomorrow)');
    expect(refusalProblem(refusalOf('appointment DEMO-0101 2026-03-08 02:30'), t)).toContain('2026-03-08 02:30 does not exist in America/New_York');
    expect(refusalProblem(refusalOf('appointment DEMO-0101 tomorrow 10:00 9h'), t)).toContain('from 5 minutes to 8 hours');
    expect(refusalProblem(refusalOf('appointment DEMO-0101 tomorrow 10:00 123 Main St'), t)).toContain('Write the length as 123m');
    expect(refusalProblem(refusalOf('invite 5555550101 Marie French'), t)).toContain('Español (es)');
    expect(refusalProblem(refusalOf(`client ${'a'.repeat(121)}`), t)).toContain('at most 120 characters');
    expect(refusalProblem(refusalOf('frobnicate'), t)).toBe('There is no command “frobnicate”.');
  });

  it('asks for the usage of the command that was recognised, and of all of them otherwise', () => {
    expect(refusalUsage(refusalOf('request-doc DEMO-0101'), t)).toMatchObject({ only: 'request-doc' });
    expect(refusalUsage(refusalOf('schedule'), t)).toMatchObject({ only: 'schedule' });
    expect(refusalUsage(refusalOf('client'), t).only).toBe('client');
    expect(refusalUsage(refusalOf('invite'), t).only).toBe('invite');
    const unknown = refusalUsage(refusalOf('appointments DEMO-0101'), t);
    expect(unknown).toEqual({ problem: 'There is no command “appointments”.' });
  });
});
