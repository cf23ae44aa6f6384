import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { textsOf } from './inspect.ts';
import { messageProblems } from './limits.ts';
import { usage } from './usage.ts';

const t = createTranslator();

describe('usage', () => {
  it('lists every subcommand, with its angle brackets escaped', () => {
    const m = usage(t);
    expect(messageProblems(m)).toEqual([]);
    const shown = textsOf(m.blocks, 'mrkdwn').join('\n');
    expect(shown).toContain('*How to use /casebridge:*');
    for (const line of [
      '`/casebridge client &lt;name or phone&gt;`',
      '`/casebridge invite &lt;phone&gt; &lt;name&gt; [language]`',
      '`/casebridge appointment &lt;client&gt; &lt;date time&gt; [duration] [place]`',
      '`/casebridge request-doc &lt;client&gt; &lt;kind&gt; [due]`',
      '`/casebridge schedule &lt;client&gt; &lt;date time&gt; &lt;text&gt;`',
    ]) {
      expect(shown).toContain(line);
    }
    expect(m.text).toBe('How to use /casebridge:');
  });

  it('says what was wrong first, and can show one subcommand only', () => {
    const m = usage(t, { problem: 'Two clients are called <Ana>.', only: 'client' });
    expect(messageProblems(m)).toEqual([]);
    const shown = textsOf(m.blocks, 'mrkdwn');
    expect(shown[0]).toBe(':warning: Two clients are called &lt;Ana&gt;.');
    expect(shown.join('\n')).toContain('client &lt;name or phone&gt;');
    expect(shown.join('\n')).not.toContain('invite');
    expect(m.text.startsWith('Two clients are called &lt;Ana&gt;.')).toBe(true);
  });
});
