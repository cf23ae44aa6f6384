import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../test/support/core.ts';
import { appointmentRow, channelRow, insert, providerRow, world, type World } from '../../../../test/support/fixtures.ts';
import { parseAgencySettings } from '../../../domain/settings.ts';
import type { Appointment } from '../../../domain/types.ts';
import { markAppointmentOutcome } from '../../appointments/mark-appointment-outcome.ts';
import { requestReschedule } from '../../appointments/request-reschedule.ts';
import { openQuestion } from '../../shared/conversation-state.ts';
import { formatWhen } from '../../shared/format.ts';
import { missedAppointmentsJob } from './missed-appointments.ts';
import { deliverAll } from '../../../../test/support/deliver.ts';

let core: TestCore;
let w: World;

// Monday 2 March 2026. Alice's appointment: 10:00–11:00 in New York (15:00–16:00Z); with the
// default hour's grace it counts as missed at 12:00 (17:00Z).
const START = Date.parse('2026-03-02T15:00:00Z');
const DUE = '2026-03-02T17:00:00Z';

beforeEach(async () => {
  core = await makeCore('2026-03-02T14:00:00Z');
  w = await world(core);
});

/** The job at a moment; the test clock is left where it is (a job never reads it). */
const tick = (at: string) => missedAppointmentsJob.run(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: Date.parse(at) });

const add = async (over: Partial<Appointment> = {}) => {
  const a = appointmentRow(core, w.alice, { startsAt: START, durationMinutes: 60, ...over });
  await insert(core, core.store.appointments.insert(a));
  return a;
};

const outbox = async () => (await core.store.outbox.list(w.scope)).sort((a, b) => a.template.localeCompare(b.template));
const statusOf = async (a: Appointment) => (await core.store.appointments.get(w.scope, a.id))?.status;

describe('a missed appointment', () => {
  it('is marked missed once the set time after its end has passed, not before', async () => {
    const a = await add({ status: 'confirmed' });
    expect(await tick('2026-03-02T16:59:00Z')).toBe(0);
    expect(await statusOf(a)).toBe('confirmed');
    expect(await outbox()).toEqual([]);

    expect(await tick(DUE)).toBe(1);
    expect(await statusOf(a)).toBe('missed');
    const [offer, staff] = await outbox();
    expect(staff).toMatchObject({ channel: 'slack', toAddress: `staff:${w.staff.id}`, template: 'staff.appointment_missed', clientId: w.alice.id });
    expect(JSON.parse(staff!.payload)).toEqual({ appointmentId: a.id, startsAt: START, offered: true });
    expect(offer).toMatchObject({ channel: 'sms', toAddress: w.aliceSms.address, template: 'followup.missed', nextAttemptAt: Date.parse(DUE) });
    expect(offer!.text).toBe(core.t('en', 'followup.missed', { when: formatWhen(START, 'en', 'America/New_York') }));
    expect(offer!.text).toContain('Reply 2');
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((e) => [e.action, e.actorType, e.channel, e.at])).toContainEqual(['appointment.mark_missed', 'system', 'scheduler', Date.parse(DUE)]);
    expect(await core.store.reminders.listForClient(w.scope, w.alice.id)).toMatchObject([
      { kind: 'missed', subjectId: a.id, offsetKey: 'missed', channel: 'sms', status: 'queued', outboxId: offer!.id, dueAt: Date.parse(DUE) },
    ]);

    // The next minutes find nothing more to do.
    expect(await tick('2026-03-02T17:01:00Z')).toBe(0);
    expect(await outbox()).toHaveLength(2);
  });

  it('is handled once when two runs start at the same moment', async () => {
    const a = await add();
    const counts = await Promise.all([tick(DUE), tick(DUE)]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect((await outbox()).map((o) => o.template)).toEqual(['followup.missed', 'staff.appointment_missed']);
    expect(await core.store.reminders.listForSubjects(w.scope, 'missed', [a.id])).toHaveLength(1);
  });

  it('picks up after a crash midway: a rerun finishes the rest, and nothing twice', async () => {
    const list = [await add(), await add({ startsAt: START - 3600_000 }), await add({ startsAt: START - 2 * 3600_000 })];
    let commits = 0;
    const commit: typeof core.store.commit = async (ws) => {
      if (++commits === 2) throw new Error('the process died');
      return core.store.commit(ws);
    };
    const crashing = { ...core, store: { ...core.store, commit } };
    const settings = parseAgencySettings(w.agency.settings);
    await expect(missedAppointmentsJob.run(crashing, { agency: w.agency, settings, now: Date.parse(DUE) })).rejects.toThrow('the process died');
    expect(await outbox()).toHaveLength(2);
    expect(await tick(DUE)).toBe(2);
    for (const a of list) expect(await statusOf(a)).toBe('missed');
    expect(await outbox()).toHaveLength(6);
    expect(new Set((await outbox()).map((o) => o.idempotencyKey)).size).toBe(6);
  });

  it('opens the SMS question, so that "2" offers new times (the notice counted from now)', async () => {
    const a = await add();
    await tick(DUE);
    await deliverAll(core, Date.parse(DUE));
    const q = await openQuestion<{ appointmentId: string }>(core, { agencyId: w.agency.id, channel: 'sms', address: w.aliceSms.address }, w.alice.id, ['appointment']);
    expect(q?.data).toEqual({ appointmentId: a.id });
    core.clock.set(DUE);
    const r = await requestReschedule(core, { ...w.asAlice, door: 'sms' }, { clientId: w.alice.id, appointmentId: a.id });
    // Monday's hours are past and inside the 24 h notice: the next Monday, 09:00 EDT.
    expect(r.ok && new Date(r.value.slots[0]!).toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('holds the client’s offer through their quiet hours; the caseworker is told at once', async () => {
    // 19:30–20:30 in New York: missed at 21:30, inside the quiet hours (21:00–08:00).
    const a = await add({ startsAt: Date.parse('2026-03-03T00:30:00Z') });
    expect(await tick('2026-03-03T02:30:00Z')).toBe(1);
    const [offer, staff] = await outbox();
    expect(staff!.nextAttemptAt).toBe(Date.parse('2026-03-03T02:30:00Z'));
    // 08:00 EST on Tuesday.
    expect(offer!.nextAttemptAt).toBe(Date.parse('2026-03-03T13:00:00Z'));
    // The caseworker says they came after all: the offer never leaves.
    core.clock.set('2026-03-03T03:00:00Z');
    expect((await markAppointmentOutcome(core, w.asStaff, { appointmentId: a.id, outcome: 'attended' })).ok).toBe(true);
    expect(await core.store.outbox.get(offer!.id)).toMatchObject({ status: 'cancelled', lastError: 'attended' });
  });

  it('offers a button on Telegram, in neutral words when the client asked for them', async () => {
    const chat = channelRow(core, w.alice, { kind: 'telegram', address: '70001' });
    await insert(core, core.store.channels.insert(chat), core.store.clients.update(w.scope, w.alice.id, { preferredChannel: 'telegram', neutralWording: true }));
    const a = await add();
    await tick(DUE);
    const [offer] = await outbox();
    expect(offer).toMatchObject({ channel: 'telegram', toAddress: '70001', template: 'followup.missed_buttons_neutral' });
    expect(offer!.text).not.toMatch(/appointment|Reply 2/i);
    expect(JSON.parse(offer!.payload).actions).toEqual([{ kind: 'reschedule', appointmentId: a.id, label: core.t(w.alice.language, 'telegram.appointments.change') }]);
    // No SMS question is opened for a Telegram offer.
    await deliverAll(core, Date.parse(DUE));
    expect(await openQuestion(core, { agencyId: w.agency.id, channel: 'sms', address: w.aliceSms.address }, w.alice.id, ['appointment'])).toBeNull();
  });

  it('writes to the client in their language', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'es' }));
    await add();
    await tick(DUE);
    const [offer] = await outbox();
    expect(offer!.text).toBe(core.t('es', 'followup.missed', { when: formatWhen(START, 'es', 'America/New_York') }));
  });

  it('still tells the caseworker when the client cannot be offered anything (paused, or no channel)', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { pausedAt: core.clock.now(), pausedBy: 'client:sms' }));
    const a = await add();
    await tick(DUE);
    expect((await outbox()).map((o) => o.template)).toEqual(['staff.appointment_missed']);
    expect(JSON.parse((await outbox())[0]!.payload).offered).toBe(false);
    expect(await core.store.reminders.listForSubjects(w.scope, 'missed', [a.id])).toMatchObject([{ status: 'skipped', reason: 'paused', outboxId: null }]);

    const b = appointmentRow(core, w.bob, { startsAt: START });
    await insert(core, core.store.appointments.insert(b), core.store.clients.update(w.scope, w.bob.id, { safeChannels: JSON.stringify(['portal']) }));
    await tick(DUE);
    expect(await core.store.reminders.listForSubjects(w.scope, 'missed', [b.id])).toMatchObject([{ status: 'skipped', reason: 'no_channel', channel: 'none' }]);
  });

  it('leaves alone what is not a caseworker’s open appointment, and what ended too long ago', async () => {
    const provider = providerRow(core, w.agency.id);
    await insert(core, core.store.providers.insert(provider));
    const clinic = await add({ staffId: null, providerId: provider.id });
    const attended = await add({ status: 'attended' });
    const cancelled = await add({ status: 'cancelled' });
    const asked = await add({ status: 'reschedule_requested', requestedStartsAt: Date.parse('2026-03-09T13:00:00Z') });
    // Ended three days before: after a long downtime it is not brought up any more.
    const old = await add({ startsAt: START - 3 * 24 * 3600_000 });
    expect(await tick(DUE)).toBe(0);
    for (const a of [clinic, attended, cancelled, asked, old]) expect(await statusOf(a)).not.toBe('missed');
    expect(await outbox()).toEqual([]);
  });

  it('catches up after downtime within two days, and counts a moved appointment too', async () => {
    const moved = await add({ status: 'rescheduled', startsAt: START - 24 * 3600_000 });
    expect(await tick(DUE)).toBe(1);
    expect(await statusOf(moved)).toBe('missed');
  });

  it('follows the agency’s setting', async () => {
    core = await makeCore('2026-03-02T14:00:00Z');
    w = await world(core, { settings: { missedAfterMinutes: 240 } });
    const a = await add();
    expect(await tick(DUE)).toBe(0);
    expect(await tick('2026-03-02T20:00:00Z')).toBe(1);
    expect(await statusOf(a)).toBe('missed');
  });
});
