import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import type { AttendancePayload, DigestPayload } from '../../../src/usecases/scheduler/followups/payloads.ts';
import { attendanceReport, MAX_YES_NO_SHOW_NAMES } from './attendance.ts';
import { dailyDigest, DIGEST_LIST_CAP } from './digest.ts';
import { appointmentMissed, clientUnreachable, directMessageCard, followupCard, missedCorrected, unansweredNudge } from './followups.ts';
import { MISSED_ACTIONS, MISSED_ATTENDED } from './ids.ts';
import { buttonsOf, textsOf } from './inspect.ts';
import { messageProblems } from './limits.ts';
import type { SlackMessage } from './types.ts';

const t = createTranslator();
const EVIL = 'Maria <!channel> & <@U123>';
const INERT = 'Maria &lt;!channel&gt; &amp; &lt;@U123&gt;';

/** Slack takes it, nothing in it is a raw control character, and every text came from locales/. */
const expectSound = (m: SlackMessage) => {
  expect(messageProblems(m)).toEqual([]);
  expect(JSON.stringify(m)).not.toMatch(/(staff|slack)\.[a-z_]+\.[a-z_]/);
};
const shown = (m: SlackMessage) => textsOf(m.blocks).join('\n');

describe('the missed appointment card', () => {
  it('names the client as typed, says whether a new time was offered, and carries only the id on its button', () => {
    const m = appointmentMissed(t, { clientName: EVIL, appointmentId: 'apt_1', when: 'Mon, Mar 2, 7:30 PM', offered: true });
    expectSound(m);
    expect(shown(m)).toContain(`Missed appointment: ${INERT}`);
    expect(shown(m)).toContain(`${INERT} was asked, kindly, to pick a new time.`);
    expect(m.text).toBe(`${INERT} did not come to their appointment on Mon, Mar 2, 7:30 PM. It is marked missed.`);
    expect(m.blocks.find((b) => b.type === 'actions')).toMatchObject({ block_id: MISSED_ACTIONS });
    expect(buttonsOf(m.blocks)).toMatchObject([{ action_id: MISSED_ATTENDED, value: 'apt_1', text: { text: 'They came after all' } }]);
    expect(shown(appointmentMissed(t, { clientName: 'Ana', appointmentId: 'apt_1', when: 'x', offered: false }))).toContain('could not be offered a new time');
  });

  it('once corrected, keeps the facts, drops the button and says who', () => {
    const m = missedCorrected(t, { clientName: 'Ana', when: 'Mon, Mar 2, 7:30 PM', offered: true, by: 'Dana <b>' });
    expectSound(m);
    expect(buttonsOf(m.blocks)).toEqual([]);
    expect(textsOf(m.blocks).at(-1)).toBe(':white_check_mark: Marked attended by Dana &lt;b&gt;.');
  });
});

describe('the nudge and the unreachable card', () => {
  it('says how long the client has waited', () => {
    const m = unansweredNudge(t, { clientName: EVIL, when: 'Mon, Mar 2, 10:00 AM', count: 3 });
    expectSound(m);
    expect(shown(m)).toContain(`Waiting for an answer: ${INERT}`);
    expect(shown(m)).toContain('Messages since the last reply: 3. The last came on Mon, Mar 2, 10:00 AM.');
  });

  it('names the channel and the last error', () => {
    const m = clientUnreachable(t, { clientName: 'Ana', channel: 'telegram', count: 4, error: 'telegram_chat_not_found <x>' });
    expectSound(m);
    expect(shown(m)).toContain('Cannot reach Ana by Telegram');
    expect(shown(m)).toContain('Failed deliveries in a row: 4. Last error: telegram_chat_not_found &lt;x&gt;.');
  });

  it('is built from the notice’s payload, or not at all when the payload lacks what it needs', () => {
    const c = { clientName: 'Ana', when: (at: number) => `@${at}` };
    expect(shown(followupCard(t, 'staff.appointment_missed', { appointmentId: 'apt_1', startsAt: 5, offered: true }, c)!)).toContain('@5');
    expect(followupCard(t, 'staff.appointment_missed', { appointmentId: 'apt_1' }, c)).toBeNull();
    expect(shown(followupCard(t, 'staff.unanswered_nudge', { lastInboundAt: 7, waiting: 2 }, c)!)).toContain('@7');
    expect(followupCard(t, 'staff.unanswered_nudge', { lastInboundAt: 'soon' }, c)).toBeNull();
    expect(shown(followupCard(t, 'staff.client_unreachable', { channel: 'sms', count: 3, error: '30003' }, c)!)).toContain('by SMS');
    expect(followupCard(t, 'staff.client_unreachable', { channel: 'portal', count: 3 }, c)).toBeNull();
    expect(followupCard(t, 'staff.client_message', {}, c)).toBeNull();
  });
});

const digest = (over: Partial<DigestPayload> = {}): DigestPayload => ({
  staffName: 'Dana',
  date: 'Monday, March 2',
  appointments: [{ when: '10:00 AM', clientName: EVIL, status: 'confirmed' }],
  reschedules: [{ clientName: 'Bob', from: 'Thu, Mar 5, 10:00 AM', to: 'Mon, Mar 9, 9:00 AM' }],
  documents: [{ clientName: 'Ana', kind: 'Pay stub', when: 'Fri, Feb 27, 1:00 PM' }],
  unanswered: [{ clientName: 'Bob', count: 2, when: 'Sun, Mar 1, 5:00 PM' }],
  unreachable: [{ clientName: 'Ana', channel: 'sms', error: '30003' }],
  ...over,
});

describe('the morning digest', () => {
  it('lists each part of the day, the client names as typed', () => {
    const m = dailyDigest(t, digest());
    expectSound(m);
    const text = shown(m);
    expect(text).toContain('Your day, Monday, March 2');
    expect(text).toContain(`• 10:00 AM · ${INERT} · confirmed`);
    expect(text).toContain('• Bob: Thu, Mar 5, 10:00 AM → Mon, Mar 9, 9:00 AM');
    expect(text).toContain('• Ana: Pay stub (sent Fri, Feb 27, 1:00 PM)');
    expect(text).toContain('• Bob: 2 since Sun, Mar 1, 5:00 PM');
    expect(text).toContain('• Ana: SMS (30003)');
    expect(m.text).toBe(t('en', 'staff.daily_digest', { date: 'Monday, March 2', appointments: 1, reschedules: 1, documents: 1, unanswered: 1, unreachable: 1 }));
  });

  it('says kindly when a list is empty, and caps a long one', () => {
    const many = Array.from({ length: DIGEST_LIST_CAP + 5 }, (_, i) => ({ when: `${i}:00`, clientName: `Client ${i}`, status: 'scheduled' as const }));
    const m = dailyDigest(t, digest({ appointments: many, reschedules: [], documents: [], unanswered: [], unreachable: [] }));
    expectSound(m);
    const text = shown(m);
    expect(text).toContain('Client 14 · not confirmed yet');
    expect(text).not.toContain('Client 15');
    expect(text).toContain('and 5 more');
    for (const key of ['reschedules_empty', 'documents_empty', 'unanswered_empty', 'unreachable_empty']) expect(text).toContain(t('en', `staff.digest.${key}`));
  });

  it('is read from the outbox payload; a payload that is not one gives no card', () => {
    expect(directMessageCard(t, 'staff.daily_digest', digest() as unknown as Record<string, unknown>)?.blocks.length).toBeGreaterThan(5);
    expect(directMessageCard(t, 'staff.daily_digest', { staffName: 'Dana' })).toBeNull();
    expect(directMessageCard(t, 'staff.something_else', {})).toBeNull();
  });
});

const attendance = (over: Partial<AttendancePayload> = {}): AttendancePayload => ({
  classTitle: 'Job Club & <friends>',
  when: 'Mon, Mar 2, 4:00 PM',
  enrolled: 6,
  rsvpYes: 3,
  rsvpNo: 1,
  rsvpNone: 2,
  checkedIn: 3,
  yesNoShow: [EVIL, 'Finn'],
  ...over,
});

describe('the attendance summary', () => {
  it('shows the numbers and who said yes but did not come', () => {
    const m = attendanceReport(t, attendance());
    expectSound(m);
    const text = shown(m);
    expect(text).toContain('Attendance: Job Club &amp; &lt;friends&gt;');
    for (const [label, n] of [['Enrolled', 6], ['Checked in', 3], ['Said yes', 3], ['Said no', 1], ['Did not answer', 2]] as const) expect(text).toContain(`*${label}*\n${n}`);
    expect(text).toContain(`${INERT}, Finn`);
    expect(directMessageCard(t, 'staff.attendance_summary', attendance() as unknown as Record<string, unknown>)).toEqual(m);
  });

  it('says nobody when everyone who said yes came, and cuts a long list of names', () => {
    expect(shown(attendanceReport(t, attendance({ yesNoShow: [] })))).toContain('_Nobody_');
    const names = Array.from({ length: MAX_YES_NO_SHOW_NAMES + 3 }, (_, i) => `N${i}`);
    const m = attendanceReport(t, attendance({ yesNoShow: names }));
    expectSound(m);
    expect(shown(m)).toContain('and 3 more');
    expect(shown(m)).not.toContain(`N${MAX_YES_NO_SHOW_NAMES},`);
  });
});
