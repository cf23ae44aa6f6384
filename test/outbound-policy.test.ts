// The outbound policy, end to end: every kind of message the product sends — a notice, a
// caseworker's reply, a reminder, a missed-appointment offer, a sign-in code, a door's answer,
// HELP, the pause confirmation, crisis help — made by the real use cases for three clients (one who
// asked for neutral wording, one who paused, one whose SMS is unsafe), then delivered: this checks
// what actually leaves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from './support/core.ts';
import { appointmentRow, channelRow, insert, world, type World } from './support/fixtures.ts';
import { startSms, type SmsHarness } from './support/sms.ts';
import type { Client, OutboxItem } from '../src/domain/types.ts';
import { requestSignInCode } from '../src/usecases/auth/request-sign-in-code.ts';
import { requestDocument } from '../src/usecases/documents/request-document.ts';
import { sendStaffReply } from '../src/usecases/messaging/send-staff-reply.ts';
import { runScheduler } from '../src/usecases/scheduler/run-scheduler.ts';

const SMS = '+15555550101';
const CHAT = '4242';
let core: TestCore;
let w: World;
let sms: SmsHarness;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z'); // 10:00 in New York: inside the allowed hours
  w = await world(core);
  await insert(
    core,
    core.store.clients.update(w.scope, w.alice.id, { pauseWord: 'Bluebird' }),
    core.store.channels.insert(channelRow(core, w.alice, { kind: 'telegram', address: CHAT })),
    core.store.channels.insert(channelRow(core, w.alice, { kind: 'portal', address: SMS })),
    // tomorrow 10:00: its day-before reminder is due now; this morning 07:00-08:00: missed
    core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: Date.parse('2026-03-03T15:00:00Z'), location: 'Family Court, Room 4' })),
    core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: Date.parse('2026-03-02T12:00:00Z'), durationMinutes: 60 })),
  );
  sms = await startSms(core, w);
});
afterEach(() => sms.api.close());

let seq = 0;
/** The client texts, through the real webhook and SMS conversation; what it queues is delivered. */
const fromClient = (body: string) => sms.text(SMS, body);

/** Every kind of message, through the use cases that make them. */
const everyKind = async () => {
  expect((await requestDocument(core, w.asStaff, { clientId: w.alice.id, kind: 'Protective order' })).ok).toBe(true);
  expect((await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'See you at court', idempotencyKey: `r${++seq}` })).ok).toBe(true);
  expect((await runScheduler(core, core.clock.now())).failed).toEqual([]);
  expect((await requestSignInCode(core, { agencyId: w.agency.id, phone: SMS, ip: null })).ok).toBe(true);
  await fromClient('MENU');
  await fromClient('HELP');
  await fromClient('I want to kill myself');
};

const deliver = () => sms.work();
/** What reached the client: the outbox rows sent to them (SMS went through the fake Twilio, checked too). */
const left = async (): Promise<OutboxItem[]> => (await core.store.outbox.list(w.scope)).filter((o) => o.channel !== 'slack' && o.status === 'sent');
const templates = async () => (await left()).map((m) => m.template).sort();
const update = (patch: Partial<Client>) => insert(core, core.store.clients.update(w.scope, w.alice.id, patch));

describe('what leaves, for every kind of message', () => {
  it('a client who asked for neutral wording: everything, and nothing names the agency, a place, a subject or a person', async () => {
    await update({ neutralWording: true, safeChannels: JSON.stringify(['sms', 'portal']) });
    await everyKind();
    await deliver();
    await fromClient('bluebird');
    await deliver();
    expect(await templates()).toEqual(
      [
        'crisis.resources_neutral',
        'followup.missed_neutral',
        'notify.document_requested_nodue_neutral',
        'notify.signin_code_neutral',
        'notify.staff_reply_neutral',
        'reminder.appointment.sms_neutral',
        'safety.paused_neutral',
        'sms.help_neutral',
        'sms.menu_neutral',
      ].sort(),
    );
    const out = await left();
    expect(sms.received(SMS)).toHaveLength(out.length);
    for (const m of out.filter((x) => x.template !== 'notify.staff_reply_neutral')) {
      for (const word of [w.agency.name, 'Riverside', 'Family Court', 'Protective order', 'Dana', 'caseworker', 'appointment', 'violence', 'Crisis line']) expect(m.text).not.toContain(word);
    }
    // crisis help still gives every number
    for (const n of ['911', '988', '1-800-799-7233']) expect(out.find((m) => m.template === 'crisis.resources_neutral')?.text).toContain(n);
    // a caseworker's own words are theirs, but unsigned
    expect(out.find((m) => m.template === 'notify.staff_reply_neutral')?.text).toBe('See you at court');
  });

  it('a client who paused: only crisis help, their sign-in code and the carrier’s HELP', async () => {
    await fromClient('Bluebird');
    await everyKind();
    await deliver();
    expect(await templates()).toEqual(['crisis.resources', 'notify.signin_code', 'safety.paused', 'sms.help'].sort());
    const held = (await core.store.outbox.list(w.scope)).filter((o) => o.channel !== 'slack' && o.status === 'cancelled');
    expect(held.map((o) => o.lastError)).toEqual(held.map(() => 'paused'));
    expect(held.map((o) => o.template).sort()).toEqual(['notify.document_requested_nodue', 'notify.staff_reply', 'sms.menu'].sort());
    // the scheduler did not even queue what a paused client would not get
    const skipped = (await core.store.reminders.listForClient(w.scope, w.alice.id)).filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => r.reason)).toEqual(skipped.map(() => 'paused'));
    expect(skipped.length).toBeGreaterThan(0);
  });

  it('a client whose SMS is unsafe: not one text, for anything — not even the pause confirmation; what can go goes to Telegram', async () => {
    await update({ safeChannels: JSON.stringify(['telegram', 'portal']) });
    await everyKind();
    await deliver();
    await fromClient('bluebird');
    await deliver();
    expect(sms.received(SMS)).toEqual([]);
    expect((await left()).every((m) => m.channel === 'telegram' && m.toAddress === CHAT)).toBe(true);
    expect(await templates()).toEqual(
      ['followup.missed_buttons', 'notify.document_requested_nodue', 'notify.signin_code', 'notify.staff_reply', 'reminder.appointment.telegram'].sort(),
    );
    const refused = (await core.store.outbox.list(w.scope)).filter((o) => o.channel === 'sms');
    expect(refused.map((o) => [o.template, o.status, o.lastError])).toEqual(refused.map((o) => [o.template, 'cancelled', 'unsafe_channel']));
  });
});
