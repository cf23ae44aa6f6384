import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { PAUSE_ACTIONS, PAUSE_RESUME } from './ids.ts';
import { buttonsOf, textsOf } from './inspect.ts';
import { messageProblems } from './limits.ts';
import { clientPaused, clientResumed, pauseCardOf, pauseLifted } from './pause.ts';
import type { SlackMessage } from './types.ts';

const t = createTranslator();
const EVIL = 'Maria <!channel> & <@U123>';
const INERT = 'Maria &lt;!channel&gt; &amp; &lt;@U123&gt;';
const shown = (m: SlackMessage) => textsOf(m.blocks).join('\n');
const expectSound = (m: SlackMessage) => {
  expect(messageProblems(m)).toEqual([]);
  expect(JSON.stringify(m)).not.toMatch(/staff\.(pause|client_)/);
};

describe('the pause card', () => {
  it('says the client paused, since when, and offers Resume with the client’s id only', () => {
    const m = clientPaused(t, { clientId: 'cli_1', clientName: EVIL, when: 'Mon, Mar 2, 10:00 AM' });
    expectSound(m);
    expect(shown(m)).toContain(`${INERT} paused all messages at Mon, Mar 2, 10:00 AM`);
    expect(shown(m)).not.toContain('<!channel>');
    expect(m.text).toContain(INERT);
    expect(m.blocks.find((b) => b.type === 'actions')).toMatchObject({ block_id: PAUSE_ACTIONS });
    expect(buttonsOf(m.blocks)).toEqual([expect.objectContaining({ action_id: PAUSE_RESUME, value: 'cli_1', style: 'primary', text: expect.objectContaining({ text: 'Resume messages' }) })]);
  });

  it('names the caseworker who paused, and once resumed shows who turned messages back on, with no button', () => {
    const data = { clientName: 'Alice', when: 'Mon 10:00', byStaff: 'Dana <b>' };
    expect(shown(clientPaused(t, { clientId: 'cli_1', ...data }))).toContain('Dana &lt;b&gt; paused all messages to Alice at Mon 10:00');
    const lifted = pauseLifted(t, { ...data, name: 'Sam & Co', resumedWhen: 'Mon 11:00' });
    expectSound(lifted);
    expect(buttonsOf(lifted.blocks)).toEqual([]);
    expect(shown(lifted)).toContain('Messages back on: turned on by Sam &amp; Co at Mon 11:00.');
    expect(shown(lifted)).toContain('paused all messages to Alice');
  });

  it('says messages are back on, by the client or by a caseworker', () => {
    expect(shown(clientResumed(t, { clientName: EVIL, when: 'Mon 11:00' }))).toContain(`${INERT} turned messages back on at Mon 11:00.`);
    const byStaff = clientResumed(t, { clientName: 'Alice', when: 'Mon 11:00', byStaff: 'Dana' });
    expectSound(byStaff);
    expect(byStaff.text).toBe('Dana turned messages to Alice back on at Mon 11:00.');
  });
});

describe('pauseCardOf', () => {
  const o = { clientId: 'cli_1', clientName: 'Alice', when: (at: number) => `@${at}` };
  it('builds the card of each pause notice from its payload', () => {
    expect(shown(pauseCardOf(t, 'staff.client_paused', { pausedAt: 5 }, o)!)).toContain('Alice paused all messages at @5');
    expect(shown(pauseCardOf(t, 'staff.client_paused_by_staff', { pausedAt: 5, byName: 'Dana' }, o)!)).toContain('Dana paused all messages to Alice at @5');
    expect(pauseCardOf(t, 'staff.client_resumed', { resumedAt: 7 }, o)?.text).toBe('Alice turned messages back on at @7.');
    expect(pauseCardOf(t, 'staff.client_resumed_by_staff', { resumedAt: 7, byName: 'Dana' }, o)?.text).toBe('Dana turned messages to Alice back on at @7.');
  });

  it('is null for another template or a payload without its time', () => {
    expect(pauseCardOf(t, 'staff.client_message', { pausedAt: 5 }, o)).toBeNull();
    expect(pauseCardOf(t, 'staff.client_paused', {}, o)).toBeNull();
    expect(pauseCardOf(t, 'staff.client_resumed', { resumedAt: 'soon' }, o)).toBeNull();
  });
});
