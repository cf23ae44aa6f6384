import { describe, expect, it } from 'vitest';
import { mrkdwn, plain, section } from './blocks.ts';
import { messageProblems, viewProblems } from './limits.ts';
import type { Block, ModalView } from './types.ts';

describe('messageProblems and viewProblems', () => {
  it('find raw control characters, non-verbatim mrkdwn and an unescaped fallback', () => {
    expect(messageProblems({ text: 'ok', blocks: [section('a <!channel>')] })).toEqual(['block 0 (section): unescaped mrkdwn']);
    expect(messageProblems({ text: 'ok', blocks: [section('Q&A')] })).toEqual(['block 0 (section): unescaped mrkdwn']);
    expect(messageProblems({ text: 'ok', blocks: [section('Q&amp;A &lt;b&gt;')] })).toEqual([]);
    expect(messageProblems({ text: 'ok', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }] })).toEqual(['block 0 (section): mrkdwn not verbatim']);
    expect(messageProblems({ text: '<@U1>', blocks: [] })).toEqual(['unescaped fallback text']);
  });

  it('find texts and block counts over Slack limits, and button values that are not ids', () => {
    const tooLong: Block = { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001), verbatim: true } };
    expect(messageProblems({ text: 'ok', blocks: [tooLong] })).toEqual(['block 0 (section): 3001 > 3000 characters']);
    expect(messageProblems({ text: 'ok', blocks: Array.from({ length: 51 }, () => section('x')) })).toEqual(['51 blocks > 50']);
    const value: Block = { type: 'actions', elements: [{ type: 'button', action_id: 'a', text: plain('Go'), value: 'id and more' }] };
    expect(messageProblems({ text: 'ok', blocks: [value] })).toEqual(['block 0 (actions) button 0: value is not an id']);
    expect(messageProblems({ text: ' ', blocks: [{ type: 'context', elements: [mrkdwn('x')] }] })).toEqual(['empty fallback text']);
    const modal: ModalView = { type: 'modal', callback_id: 'm', title: { type: 'plain_text', text: 'A title longer than 24 chars' }, blocks: [] };
    expect(viewProblems(modal)).toEqual(['title: 28 > 24 characters']);
  });
});
