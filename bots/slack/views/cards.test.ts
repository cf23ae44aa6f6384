import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { attendanceSummary, clientMessage, decided, deliveryLine, documentUploaded, MAX_NO_SHOW_NAMES, MESSAGE_SECTIONS, rescheduleRequested } from './cards.ts';
import { DOCUMENT_ACCEPT, DOCUMENT_ACTIONS, DOCUMENT_REJECT, DOCUMENT_VIEW, RESCHEDULE_ACTIONS, RESCHEDULE_APPROVE, RESCHEDULE_DECLINE } from './ids.ts';
import { buttonsOf, findButton, textsOf } from './inspect.ts';
import { messageProblems } from './limits.ts';
import type { SlackMessage } from './types.ts';

const t = createTranslator();
const EVIL = 'Hi <!channel> see <https://evil|click> & ping <@U123> <!here>';
const INERT = 'Hi &lt;!channel&gt; see &lt;https://evil|click&gt; &amp; ping &lt;@U123&gt; &lt;!here&gt;';

/** Slack takes it, nothing in it is a raw control character, and every text came from locales/. */
const expectSound = (m: SlackMessage) => {
  expect(messageProblems(m)).toEqual([]);
  expect(JSON.stringify(m)).not.toMatch(/slack\.[a-z_]+\.[a-z_]/);
};

const doc = {
  clientName: 'Maria <!channel>',
  requestKind: 'Pay stub & <b>',
  typeLabel: 'PDF',
  sizeLabel: '340 KB',
  channel: 'telegram' as const,
  viewUrl: 'https://casebridge.example/files/doc_1?sig=abc',
  documentId: 'doc_1',
};

describe('clientMessage', () => {
  it("shows the client's words as typed: no mention, no disguised link", () => {
    const m = clientMessage(t, { clientName: 'Maria & Jo', body: EVIL, channel: 'sms' });
    expectSound(m);
    expect(textsOf(m.blocks, 'mrkdwn')).toContain(INERT);
    expect(textsOf(m.blocks, 'mrkdwn')[0]).toContain('Maria &amp; Jo wrote by SMS');
    expect(m.text).toBe(`Maria &amp; Jo: ${INERT}`);
    expect(m.text).not.toMatch(/<|>/);
  });

  it('spreads a long message over sections of at most 3000 characters, then says it was shortened', () => {
    const long = clientMessage(t, { clientName: 'Ana', body: '<'.repeat(4000), channel: 'portal' });
    expectSound(long);
    const sections = long.blocks.filter((b) => b.type === 'section');
    expect(sections).toHaveLength(6);
    expect(textsOf(long.blocks).join('')).not.toContain('shortened');

    const huge = clientMessage(t, { clientName: 'Ana', body: 'word '.repeat(20_000), channel: 'portal' });
    expectSound(huge);
    expect(huge.blocks.filter((b) => b.type === 'section')).toHaveLength(MESSAGE_SECTIONS);
    expect(textsOf(huge.blocks).at(-1)).toContain('too long to show in full');
    expect(huge.text.length).toBeLessThanOrEqual(3000);
  });

  it('shows an empty message as such', () => {
    const m = clientMessage(t, { clientName: 'Ana', body: '  ', channel: 'telegram' });
    expectSound(m);
    expect(textsOf(m.blocks)).toContain('_(no text)_');
  });
});

describe('documentUploaded', () => {
  it('has a link button to the file, and Accept / Reject whose value is only the document id', () => {
    const m = documentUploaded(t, doc);
    expectSound(m);
    const actions = m.blocks.find((b) => b.type === 'actions');
    expect(actions?.block_id).toBe(DOCUMENT_ACTIONS);
    expect(buttonsOf(m.blocks).map((b) => b.action_id)).toEqual([DOCUMENT_VIEW, DOCUMENT_ACCEPT, DOCUMENT_REJECT]);
    expect(findButton(m.blocks, DOCUMENT_VIEW)).toMatchObject({ url: doc.viewUrl, text: { text: 'View file' } });
    expect(findButton(m.blocks, DOCUMENT_VIEW)?.value).toBeUndefined();
    expect(findButton(m.blocks, DOCUMENT_ACCEPT)).toMatchObject({ value: 'doc_1', style: 'primary' });
    expect(findButton(m.blocks, DOCUMENT_REJECT)).toMatchObject({ value: 'doc_1', style: 'danger' });
  });

  it('shows the request, type, size and channel, escaped', () => {
    const m = documentUploaded(t, { ...doc, linkValidUntil: 'Mon 2 Mar, 4:15 PM' });
    const shown = textsOf(m.blocks, 'mrkdwn').join('\n');
    expect(shown).toContain('Maria &lt;!channel&gt; sent a file for review');
    expect(shown).toContain('*Asked for*\nPay stub &amp; &lt;b&gt;');
    expect(shown).toContain('*Type*\nPDF');
    expect(shown).toContain('*Size*\n340 KB');
    expect(shown).toContain('*Sent by*\nTelegram');
    expect(shown).toContain('The link works until Mon 2 Mar, 4:15 PM.');
    expect(m.text).toContain('Maria &lt;!channel&gt; sent a file for “Pay stub &amp; &lt;b&gt;” by Telegram: PDF, 340 KB.');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => documentUploaded(t, { ...doc, viewUrl: 'javascript:alert(1)' })).toThrow(/http/);
  });
});

describe('rescheduleRequested', () => {
  it('shows both times, with Approve and Decline carrying only the appointment id', () => {
    const m = rescheduleRequested(t, { clientName: 'Ana', oldWhen: 'Tue 3 Mar, 10:00 AM', newWhen: 'Thu 5 Mar, 2:00 PM', appointmentId: 'apt_9' });
    expectSound(m);
    expect(m.blocks.find((b) => b.type === 'actions')?.block_id).toBe(RESCHEDULE_ACTIONS);
    expect(buttonsOf(m.blocks).map((b) => [b.action_id, b.value, b.style])).toEqual([
      [RESCHEDULE_APPROVE, 'apt_9', 'primary'],
      [RESCHEDULE_DECLINE, 'apt_9', 'danger'],
    ]);
    const shown = textsOf(m.blocks, 'mrkdwn').join('\n');
    expect(shown).toContain('*Booked for*\nTue 3 Mar, 10:00 AM');
    expect(shown).toContain('*Asks for*\nThu 5 Mar, 2:00 PM');
    expect(m.text).toBe('Ana asks to move an appointment from Tue 3 Mar, 10:00 AM to Thu 5 Mar, 2:00 PM.');
  });
});

describe('decided', () => {
  const times = { clientName: 'Ana', oldWhen: 'Tue 10:00', newWhen: 'Thu 14:00' };

  it('keeps the facts, drops the buttons, and says who decided', () => {
    const m = decided(t, { kind: 'reschedule', decision: 'approved', by: 'Sam', ...times });
    expectSound(m);
    expect(buttonsOf(m.blocks)).toEqual([]);
    expect(textsOf(m.blocks).join('\n')).toContain('*Booked for*\nTue 10:00');
    expect(textsOf(m.blocks).at(-1)).toBe(':white_check_mark: Approved by Sam');
  });

  it('gives the reason of a no, escaped', () => {
    const m = decided(t, { kind: 'reschedule', decision: 'declined', by: 'Sam', reason: 'Full <!channel>', ...times });
    expectSound(m);
    expect(textsOf(m.blocks).at(-1)).toBe(':x: Declined by Sam: Full &lt;!channel&gt;');
    expect(textsOf(decided(t, { kind: 'reschedule', decision: 'declined', by: 'Sam', ...times }).blocks).at(-1)).toBe(':x: Declined by Sam');
  });

  it('does the same for a document, with no link and no buttons', () => {
    const { viewUrl: _u, documentId: _d, ...facts } = doc;
    const accepted = decided(t, { kind: 'document', decision: 'accepted', by: 'Sam', ...facts });
    const rejected = decided(t, { kind: 'document', decision: 'rejected', by: 'Sam', reason: 'Blurry', ...facts });
    for (const m of [accepted, rejected]) {
      expectSound(m);
      expect(buttonsOf(m.blocks)).toEqual([]);
      expect(JSON.stringify(m)).not.toContain(doc.viewUrl);
    }
    expect(textsOf(accepted.blocks).at(-1)).toBe(':white_check_mark: Accepted by Sam');
    expect(textsOf(rejected.blocks).at(-1)).toBe(':x: Rejected by Sam: Blurry');
    expect(rejected.text).toContain('The file Maria &lt;!channel&gt; sent for “Pay stub &amp; &lt;b&gt;”');
  });
});

describe('deliveryLine', () => {
  const line = (m: SlackMessage) => textsOf(m.blocks)[0];

  it('says how the reply reached the client, or why not', () => {
    expect(line(deliveryLine(t, { status: 'sent', channel: 'sms' }))).toBe(':white_check_mark: Delivered to the client by SMS');
    expect(line(deliveryLine(t, { status: 'sent', channel: 'telegram' }))).toBe(':white_check_mark: Delivered to the client in Telegram');
    expect(line(deliveryLine(t, { status: 'sent' }))).toBe(':white_check_mark: Delivered to the client');
    expect(line(deliveryLine(t, { status: 'queued' }))).toBe(':hourglass_flowing_sand: Waiting to be sent to the client');
    expect(line(deliveryLine(t, { status: 'failed' }))).toBe(':warning: Not delivered to the client');
    expect(line(deliveryLine(t, { status: 'failed', detail: 'number <unreachable>' }))).toBe(':warning: Not delivered: number &lt;unreachable&gt;');
    expect(line(deliveryLine(t, { status: 'internal' }))).toBe(':lock: Internal note: not sent to the client');
    for (const status of ['sent', 'queued', 'failed', 'internal'] as const) {
      const m = deliveryLine(t, { status, channel: 'portal', detail: 'x' });
      expectSound(m);
      expect(m.blocks).toHaveLength(1);
      expect(m.blocks[0]?.type).toBe('context');
    }
  });
});

describe('attendanceSummary', () => {
  it('counts RSVPs against check-ins and names who did not come', () => {
    const m = attendanceSummary(t, { classTitle: 'Parenting <1>', when: 'Mon 6 PM', rsvpYes: 8, rsvpNo: 2, checkedIn: 6, noShows: ['Ana', 'Bo & Co'] });
    expectSound(m);
    const shown = textsOf(m.blocks).join('\n');
    expect(shown).toContain('Attendance: Parenting &lt;1&gt;');
    expect(shown).toContain('*Said they would come*\n8');
    expect(shown).toContain('*Checked in*\n6');
    expect(shown).toContain('*Who did not come*\nAna, Bo &amp; Co');
    expect(m.text).toBe('Attendance for Parenting &lt;1&gt;, Mon 6 PM: 6 checked in, 8 said they would come, 2 did not come.');
  });

  it('says nobody when everyone came, and caps a long list of names', () => {
    expect(textsOf(attendanceSummary(t, { classTitle: 'C', when: 'W', rsvpYes: 1, rsvpNo: 0, checkedIn: 1, noShows: [] }).blocks).at(-1)).toContain('_Nobody_');
    const many = Array.from({ length: MAX_NO_SHOW_NAMES + 5 }, (_, i) => `Client ${i}`);
    const m = attendanceSummary(t, { classTitle: 'C', when: 'W', rsvpYes: 50, rsvpNo: 0, checkedIn: 5, noShows: many });
    expectSound(m);
    const names = textsOf(m.blocks).at(-1) ?? '';
    expect(names.endsWith(`Client ${MAX_NO_SHOW_NAMES - 1} and 5 more`)).toBe(true);
    expect(names).not.toContain(`Client ${MAX_NO_SHOW_NAMES}`);
  });
});
