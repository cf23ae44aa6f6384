import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { textsOf } from './inspect.ts';
import { messageProblems } from './limits.ts';
import { clientSummary, SUMMARY_LIST_CAP } from './summary.ts';
import type { ClientSummaryData } from './types.ts';

const t = createTranslator();
const base: ClientSummaryData = {
  name: 'Ana Ruiz',
  phone: '+15555550101',
  language: 'es',
  neutral: false,
  sensitive: false,
  nextAppointments: [],
  classes: [],
  openRequests: [],
  lastMessages: [],
};

describe('clientSummary', () => {
  it('shows how to reach the client and says None for empty lists', () => {
    const m = clientSummary(t, base);
    expect(messageProblems(m)).toEqual([]);
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Ana Ruiz' } });
    const shown = textsOf(m.blocks, 'mrkdwn');
    expect(shown).toContain('Phone: +15555550101');
    expect(shown).toContain('Reads: Español');
    expect(shown.filter((s) => s.endsWith('_None_'))).toHaveLength(4);
    expect(shown.join('\n')).not.toMatch(/Sensitive|Neutral/);
    expect(shown.at(-1)).toBe('Only you can see this.');
    expect(m.text).toBe('Summary for Ana Ruiz');
  });

  it('flags a sensitive record and neutral wording, and a client with no phone', () => {
    const shown = textsOf(clientSummary(t, { ...base, phone: null, sensitive: true, neutral: true }).blocks).join('\n');
    expect(shown).toContain(':lock: Sensitive record');
    expect(shown).toContain(':zipper_mouth_face: Neutral wording');
    expect(shown).toContain('No phone');
  });

  it('lists appointments, classes, requests and messages in words, escaped, on one line each', () => {
    const m = clientSummary(t, {
      ...base,
      nextAppointments: [{ when: 'Tue 10:00', kind: 'Court <date>', status: 'reschedule_requested' }],
      classes: [
        { title: 'Parenting', when: 'Mon 6 PM', rsvp: 'yes' },
        { title: 'Jobs', when: 'Wed 6 PM', rsvp: null },
      ],
      openRequests: [
        { kind: 'Pay stub', due: 'Fri 6 Mar', status: 'requested' },
        { kind: 'Lease', due: null, status: 'uploaded' },
      ],
      lastMessages: [
        { direction: 'in', body: 'see <https://evil|click>\nand <!channel>', when: '9:12 AM' },
        { direction: 'out', body: 'Fine', when: '9:20 AM' },
        { direction: 'out', body: 'Called her', when: '9:30 AM', internal: true },
      ],
    });
    expect(messageProblems(m)).toEqual([]);
    const shown = textsOf(m.blocks, 'mrkdwn').join('\n');
    expect(shown).toContain('• Tue 10:00: Court &lt;date&gt; (asks for another time)');
    expect(shown).toContain('• Mon 6 PM: Parenting (coming)');
    expect(shown).toContain('• Wed 6 PM: Jobs (no answer yet)');
    expect(shown).toContain('• Pay stub: waiting for the client, due Fri 6 Mar');
    expect(shown).toContain('• Lease: waiting for your review');
    expect(shown).toContain('• 9:12 AM, client: see &lt;https://evil|click&gt; and &lt;!channel&gt;');
    expect(shown).toContain('• 9:20 AM, caseworker: Fine');
    expect(shown).toContain('• 9:30 AM, internal note: Called her');
  });

  it(`caps each list at ${SUMMARY_LIST_CAP} and cuts long messages`, () => {
    const m = clientSummary(t, {
      ...base,
      nextAppointments: Array.from({ length: 12 }, (_, i) => ({ when: `d${i}`, kind: 'k', status: 'scheduled' as const })),
      lastMessages: Array.from({ length: 6 }, (_, i) => ({ direction: 'in' as const, body: '&'.repeat(5000), when: `t${i}` })),
    });
    expect(messageProblems(m)).toEqual([]);
    const shown = textsOf(m.blocks, 'mrkdwn');
    const appointments = shown.find((s) => s.includes('Next appointments')) ?? '';
    expect(appointments.split('\n').filter((l) => l.startsWith('•'))).toHaveLength(SUMMARY_LIST_CAP);
    expect(appointments).toMatch(/_and 7 more_$/);
    const messages = shown.find((s) => s.includes('Last messages')) ?? '';
    expect(messages.split('\n').filter((l) => l.startsWith('•')).every((l) => l.length <= 182 && l.endsWith('…'))).toBe(true);
  });
});
