// The ephemeral answer to `/casebridge` with nothing, `help`, or arguments that do not make sense:
// what was wrong (when the caller knows), then how each subcommand is written.
import type { Translate } from '../../../src/ports/translator.ts';
import { context, fallback, section } from './blocks.ts';
import { SLASH_COMMAND } from './ids.ts';
import { escapeMrkdwn, STAFF_LOCALE, texts } from './text.ts';
import { SLASH_SUBCOMMANDS, type Block, type SlackMessage, type UsageData } from './types.ts';

export const usage = (t: Translate, data: UsageData = {}, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const commands = data.only ? [data.only] : [...SLASH_SUBCOMMANDS];
  const lines = commands.map((c) => `• ${tx.md(`usage.${c.replace('-', '_')}`, { command: SLASH_COMMAND })}`);
  const problem = data.problem?.trim();
  const blocks: Block[] = [
    ...(problem ? [section(`:warning: ${escapeMrkdwn(problem)}`)] : []),
    section(`*${tx.md('usage.title', { command: SLASH_COMMAND })}*\n${lines.join('\n')}`),
    context(tx.md('usage.brackets')),
  ];
  const text = problem ? `${escapeMrkdwn(problem)} ${tx.md('usage.title', { command: SLASH_COMMAND })}` : tx.md('usage.title', { command: SLASH_COMMAND });
  return { text: fallback(text), blocks };
};
