import { describe, expect, it } from 'vitest';
import { slackTextToPlain } from './slack-text.ts';

describe('Slack text for a client', () => {
  it('keeps link labels and bare links, drops mentions, decodes Slack’s escapes', () => {
    expect(slackTextToPlain('Tom &amp; me &lt;3 see <https://example.org|example.org> or <@U0BOSS>')).toBe('Tom & me <3 see example.org or');
    expect(slackTextToPlain('Form: <https://forms.example.org/a?b=1&amp;c=2>')).toBe('Form: https://forms.example.org/a?b=1&c=2');
    expect(slackTextToPlain('Write to <mailto:help@example.org|help@example.org> <!here>')).toBe('Write to help@example.org');
    expect(slackTextToPlain('See <#C0123|front-desk>')).toBe('See #front-desk');
    expect(slackTextToPlain('&amp;lt; stays as typed')).toBe('&lt; stays as typed');
  });
});
