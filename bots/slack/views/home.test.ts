import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { HOME_LIST_CAP, homeView } from './home.ts';
import { textsOf } from './inspect.ts';
import { viewProblems } from './limits.ts';
import type { HomeData } from './types.ts';

const t = createTranslator();
const empty: HomeData = { staffName: 'Sam', today: [], unconfirmed: [], pendingReschedules: [], documentsToReview: [], unreadMessages: [] };

describe('homeView', () => {
  it('greets the caseworker and says kindly that each list is empty', () => {
    const v = homeView(t, empty);
    expect(v.type).toBe('home');
    expect(viewProblems(v)).toEqual([]);
    expect(v.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Hello, Sam' } });
    const shown = textsOf(v.blocks).join('\n');
    for (const kind of ['No appointments today.', 'Every upcoming appointment is confirmed.', 'Nobody is waiting', 'No files are waiting for you.', 'You are all caught up.']) {
      expect(shown).toContain(kind);
    }
    expect(shown).toContain('Type /casebridge in any channel');
    expect(JSON.stringify(v)).not.toMatch(/slack\.[a-z_]+\.[a-z_]/);
  });

  it('lists each kind of work, escaped', () => {
    const v = homeView(t, {
      staffName: 'Sam',
      today: [{ clientName: 'Ana <!channel>', when: '10:00 AM', confirmed: true }],
      unconfirmed: [{ clientName: 'Bo', when: 'Wed 9:00 AM', confirmed: false }],
      pendingReschedules: [{ clientName: 'Cy', oldWhen: 'Tue 10:00', newWhen: 'Thu 14:00' }],
      documentsToReview: [{ clientName: 'Di', requestKind: 'Lease & ID', uploadedWhen: 'yesterday' }],
      unreadMessages: [{ clientName: 'Ed', count: 3, lastWhen: '9:12 AM' }],
    });
    expect(viewProblems(v)).toEqual([]);
    const shown = textsOf(v.blocks, 'mrkdwn').join('\n');
    expect(shown).toContain('• 10:00 AM: Ana &lt;!channel&gt; (confirmed)');
    expect(shown).toContain('• Wed 9:00 AM: Bo (not confirmed yet)');
    expect(shown).toContain('• Cy: Tue 10:00 → Thu 14:00');
    expect(shown).toContain('• Di: Lease &amp; ID (sent yesterday)');
    expect(shown).toContain('• Ed: 3 new, the last at 9:12 AM');
    expect(shown).not.toContain('caught up');
  });

  it(`caps every list at ${HOME_LIST_CAP} rows with "and N more", and stays inside Slack's limits`, () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => i);
    const long = 'L'.repeat(400);
    const v = homeView(t, {
      staffName: 'Sam',
      today: rows(40).map((i) => ({ clientName: `${long}${i}`, when: '10:00', confirmed: i % 2 === 0 })),
      unconfirmed: rows(16).map((i) => ({ clientName: `U${i}`, when: '10:00', confirmed: false })),
      pendingReschedules: rows(30).map((i) => ({ clientName: `<@U${i}>`, oldWhen: 'a', newWhen: 'b' })),
      documentsToReview: rows(15).map((i) => ({ clientName: `D${i}`, requestKind: 'k', uploadedWhen: 'w' })),
      unreadMessages: rows(100).map((i) => ({ clientName: `M${i}`, count: i, lastWhen: 'w' })),
    });
    expect(viewProblems(v)).toEqual([]);
    const sections = textsOf(v.blocks, 'mrkdwn').filter((s) => s.includes('•'));
    expect(sections.map((s) => s.split('\n').filter((l) => l.startsWith('•')).length)).toEqual([15, 15, 15, 15, 15]);
    expect(sections[0]).toMatch(/_and 25 more_$/);
    expect(sections[1]).toMatch(/_and 1 more_$/);
    expect(sections[3]).not.toContain('more');
    expect(sections[4]).toMatch(/_and 85 more_$/);
  });
});
