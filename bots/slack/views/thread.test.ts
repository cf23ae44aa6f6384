import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { textsOf } from './inspect.ts';
import { messageProblems } from './limits.ts';
import { threadHeader } from './thread.ts';

const t = createTranslator();

describe('threadHeader', () => {
  it("heads the thread with the client's name, their language in that language, and their channels", () => {
    const m = threadHeader(t, { clientName: 'Lan Nguyen', language: 'vi', channels: ['sms', 'telegram', 'sms'], neutral: false });
    expect(messageProblems(m)).toEqual([]);
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Lan Nguyen', emoji: true } });
    const shown = textsOf(m.blocks, 'mrkdwn');
    expect(shown).toContain('Reads: Tiếng Việt');
    expect(shown).toContain('Reached by: SMS and Telegram');
    expect(shown.join('\n')).toContain('starts with `note:` stays internal');
    expect(shown.join('\n')).not.toContain('Neutral wording');
    expect(m.text).toBe('Conversation with Lan Nguyen');
  });

  it('warns when texts must stay neutral, and says when no phone or Telegram is connected', () => {
    const m = threadHeader(t, { clientName: 'R', language: 'zh-Hans', channels: [], neutral: true });
    expect(messageProblems(m)).toEqual([]);
    const shown = textsOf(m.blocks, 'mrkdwn').join('\n');
    expect(shown).toContain('简体中文');
    expect(shown).toContain('No phone or Telegram connected');
    expect(shown).toContain('Neutral wording: texts to this client never name the agency');
  });

  it('keeps a hostile name inert in mrkdwn and within the header limit', () => {
    const name = `<!channel> ${'x'.repeat(200)}`;
    const m = threadHeader(t, { clientName: name, language: 'fr', channels: ['portal'], neutral: false });
    expect(messageProblems(m)).toEqual([]);
    expect(m.blocks[0]?.type === 'header' && m.blocks[0].text.text.length).toBe(150);
    expect(m.text.startsWith('Conversation with &lt;!channel&gt;')).toBe(true);
    expect(textsOf(m.blocks, 'mrkdwn')).toContain('Reads: fr');
  });
});
