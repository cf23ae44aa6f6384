import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { appointmentRow, insert, outboxRow, world, type World } from '../../../test/support/fixtures.ts';
import { HOUR, MINUTE } from '../../domain/time.ts';
import { formatWhen } from '../shared/format.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { chooseRescheduleSlot } from './choose-reschedule-slot.ts';
import { confirmAppointment } from './confirm-appointment.ts';
import { decideReschedule } from './decide-reschedule.ts';
import { getAppointment } from './get-appointment.ts';
import { listAppointments } from './list-appointments.ts';
import { markAppointmentOutcome, missedFollowupKey } from './mark-appointment-outcome.ts';
import { requestReschedule } from './request-reschedule.ts';

let core: TestCore;
let w: World;

// Wednesday 25 Feb 2026, 10:00 in New York. US clocks spring forward on Sunday 8 March.
beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
});

const addAppointment = async (over: Parameters<typeof appointmentRow>[2] = {}) => {
  const a = appointmentRow(core, w.alice, over);
  await insert(core, core.store.appointments.insert(a));
  return a;
};

const auditActions = async (clientId: string) =>
  (await core.store.audit.listForClient({ agencyId: w.agency.id }, clientId)).map((e) => e.action);

describe('listing and reading', () => {
  it('splits upcoming from past, names who it is with, and audits the read', async () => {
    const past = await addAppointment({ startsAt: Date.parse('2026-02-20T15:00:00Z'), status: 'attended' });
    const next = await addAppointment();
    const r = await listAppointments(core, w.asAlice, { clientId: w.alice.id });
    expect(r.ok && r.value.upcoming.map((a) => a.id)).toEqual([next.id]);
    expect(r.ok && r.value.past.map((a) => a.id)).toEqual([past.id]);
    expect(r.ok && r.value.upcoming[0]?.with).toEqual({ type: 'staff', name: w.staff.name });
    expect(await auditActions(w.alice.id)).toContain('appointments.list');
  });

  it("never shows one client another client's appointment", async () => {
    const a = await addAppointment();
    expect(await listAppointments(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await getAppointment(core, w.asBob, { clientId: w.bob.id, appointmentId: a.id })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await confirmAppointment(core, w.asBob, { clientId: w.bob.id, appointmentId: a.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await requestReschedule(core, w.asBob, { clientId: w.bob.id, appointmentId: a.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    // Every probe is in the prober's audit trail; Alice's trail shows no read by anyone.
    expect((await auditActions(w.bob.id)).filter((x) => x === 'access.denied')).toHaveLength(4);
    expect(await auditActions(w.alice.id)).toEqual([]);
  });
});

describe('confirm', () => {
  it('confirms once and is idempotent', async () => {
    const a = await addAppointment();
    const r1 = await confirmAppointment(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id });
    expect(r1.ok && r1.value.status).toBe('confirmed');
    const r2 = await confirmAppointment(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id });
    expect(r2.ok && r2.value.version).toBe(2);
    expect(await auditActions(w.alice.id)).toContain('appointment.confirm');
  });

  it('refuses a cancelled or finished appointment', async () => {
    const a = await addAppointment({ status: 'cancelled' });
    expect(await confirmAppointment(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id })).toMatchObject({
      ok: false,
      code: 'not_confirmable',
    });
  });

  it('loses a race cleanly: a stale version is a conflict and changes nothing', async () => {
    const a = await addAppointment();
    const stale = core.store.appointments.update(w.scope, a.id, 1, { status: 'confirmed' }, core.clock.now());
    await insert(core, core.store.appointments.update(w.scope, a.id, 1, { status: 'cancelled' }, core.clock.now()));
    expect(await core.store.commit([stale])).toBe('conflict');
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('cancelled');
  });
});

describe('request reschedule', () => {
  it('offers slots from availability, keeping the local time across the spring-forward change', async () => {
    const a = await addAppointment();
    const r = await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id });
    expect(r.ok).toBe(true);
    const slots = r.ok ? r.value.slots.map((s) => new Date(s).toISOString()) : [];
    // Monday 2 March 9:00 EST is 14:00Z; Monday 9 March 9:00 EDT is 13:00Z.
    expect(slots.slice(0, 4)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-02T15:00:00.000Z',
      '2026-03-02T16:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('leaves out times already booked or held by another pending request', async () => {
    const a = await addAppointment();
    const bobs = appointmentRow(core, w.bob, { startsAt: Date.parse('2026-03-02T14:00:00Z') });
    const held = appointmentRow(core, w.bob, {
      startsAt: Date.parse('2026-03-20T14:00:00Z'),
      status: 'reschedule_requested',
      requestedStartsAt: Date.parse('2026-03-02T16:00:00Z'),
    });
    await insert(core, core.store.appointments.insert(bobs), core.store.appointments.insert(held));
    const r = await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id });
    const slots = r.ok ? r.value.slots.map((s) => new Date(s).toISOString()) : [];
    expect(slots).not.toContain('2026-03-02T14:00:00.000Z');
    expect(slots).not.toContain('2026-03-02T16:00:00.000Z');
    expect(slots[0]).toBe('2026-03-02T15:00:00.000Z');
  });

  it('measures the minimum notice to the minute', async () => {
    const now = core.clock.now();
    const atLimit = await addAppointment({ startsAt: now + 24 * HOUR });
    const justInside = await addAppointment({ startsAt: now + 24 * HOUR - MINUTE });
    expect((await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: atLimit.id })).ok).toBe(true);
    expect(await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: justInside.id })).toEqual({
      ok: false,
      code: 'too_close',
      detail: { noticeHours: 24, maxChanges: 2 },
    });
  });

  it('refuses after the maximum number of changes, and for appointments with other providers', async () => {
    const tired = await addAppointment({ rescheduleCount: 2 });
    expect(await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: tired.id })).toMatchObject({
      ok: false,
      code: 'too_many_changes',
    });
    const court = await addAppointment({ staffId: null });
    expect(await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: court.id })).toMatchObject({
      ok: false,
      code: 'provider_appointment',
    });
  });

  it('follows the agency settings', async () => {
    core = await makeCore('2026-02-25T15:00:00Z');
    w = await world(core, { settings: { rescheduleMinNoticeHours: 72, rescheduleMaxChanges: 0 } });
    const a = await addAppointment({ startsAt: core.clock.now() + 48 * HOUR });
    expect(await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id })).toMatchObject({
      code: 'too_close',
      detail: { noticeHours: 72 },
    });
  });

  it('says so when the caseworker has no free time', async () => {
    core = await makeCore('2026-02-25T15:00:00Z');
    w = await world(core, { settings: { slotHorizonDays: 1 } });
    const a = await addAppointment();
    expect(await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id })).toEqual({
      ok: false,
      code: 'no_slots',
    });
  });
});

describe('choose a slot, then the caseworker decides', () => {
  const slot = Date.parse('2026-03-09T13:00:00Z');

  it('accepts only an offered slot', async () => {
    const a = await addAppointment();
    const made = await chooseRescheduleSlot(core, w.asAlice, {
      clientId: w.alice.id,
      appointmentId: a.id,
      slotStartsAt: Date.parse('2026-03-09T13:30:00Z'),
    });
    expect(made).toEqual({ ok: false, code: 'slot_unavailable' });
    expect(await chooseRescheduleSlot(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, slotStartsAt: -5 })).toEqual({
      ok: false,
      code: 'invalid',
    });
  });

  it('holds the request, then moves the appointment on approval and tells the client', async () => {
    const a = await addAppointment({ status: 'confirmed' });
    const chosen = await chooseRescheduleSlot(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, slotStartsAt: slot });
    expect(chosen.ok && chosen.value.status).toBe('reschedule_requested');
    expect(await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id })).toMatchObject({
      code: 'already_requested',
    });
    expect(await decideReschedule(core, w.asAlice, { appointmentId: a.id, decision: 'approve' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    const approved = await decideReschedule(core, w.asStaff, { appointmentId: a.id, decision: 'approve' });
    expect(approved.ok && approved.value).toMatchObject({ status: 'rescheduled', startsAt: slot, rescheduleCount: 1 });
    const [notice] = await core.store.outbox.list(w.scope);
    expect(notice).toMatchObject({ channel: 'sms', toAddress: '+15555550101', template: 'notify.reschedule_approved' });
    expect(notice?.text).toContain('Mar');
    // Deciding twice does nothing more.
    expect(await decideReschedule(core, w.asStaff, { appointmentId: a.id, decision: 'approve' })).toMatchObject({
      code: 'no_request',
    });
  });

  it('keeps the old time on decline, restores the status, and sends the reason in neutral words when asked', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { neutralWording: true }));
    const a = await addAppointment({ status: 'confirmed' });
    await chooseRescheduleSlot(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, slotStartsAt: slot });
    const declined = await decideReschedule(core, w.asStaff, {
      appointmentId: a.id,
      decision: 'decline',
      reason: 'I am in court that morning',
    });
    expect(declined.ok && declined.value).toMatchObject({ status: 'confirmed', startsAt: a.startsAt, requestedStartsAt: null });
    const [notice] = await core.store.outbox.list(w.scope);
    expect(notice?.template).toBe('notify.reschedule_declined_neutral');
    expect(notice?.text).toContain('I am in court that morning');
    expect(notice?.text).not.toMatch(/caseworker|appointment/i);
  });

  it('writes the notice in the client language', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'es' }));
    const a = await addAppointment();
    await chooseRescheduleSlot(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, slotStartsAt: slot });
    await decideReschedule(core, w.asStaff, { appointmentId: a.id, decision: 'approve' });
    const [notice] = await core.store.outbox.list(w.scope);
    const when = formatWhen(slot, 'es', w.alice.timeZone);
    expect(when).toMatch(/^lun/);
    expect(notice?.text).toBe(core.t('es', 'notify.reschedule_approved', { when }));
  });
});

describe('cancel and outcome', () => {
  it('cancels with a reason, refuses an empty reason, and cannot cancel twice', async () => {
    const a = await addAppointment();
    expect(await cancelAppointment(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, reason: '  ' })).toEqual({
      ok: false,
      code: 'invalid',
    });
    const r = await cancelAppointment(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, reason: 'No childcare' });
    expect(r.ok && r.value).toMatchObject({ status: 'cancelled', cancelReason: 'No childcare' });
    expect(await cancelAppointment(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, reason: 'again' })).toMatchObject({
      code: 'not_cancellable',
    });
  });

  it("takes a client's words of a crisis for no reason: nothing is cancelled, whatever their length", async () => {
    const a = await addAppointment();
    for (const reason of ['I want to kill myself', `${'so tired of everything. '.repeat(30)}I want to die`]) {
      expect(await cancelAppointment(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, reason })).toEqual({ ok: false, code: 'reads_as_crisis' });
    }
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('scheduled');
  });

  it('lets staff mark attended or missed only once it has begun', async () => {
    const a = await addAppointment();
    expect(await markAppointmentOutcome(core, w.asStaff, { appointmentId: a.id, outcome: 'missed' })).toEqual({
      ok: false,
      code: 'not_started',
    });
    core.clock.advance(3 * 24 * HOUR + 5 * MINUTE);
    const r = await markAppointmentOutcome(core, w.asStaff, { appointmentId: a.id, outcome: 'attended' });
    expect(r.ok && r.value.status).toBe('attended');
    expect(await markAppointmentOutcome(core, w.asAlice, { appointmentId: a.id, outcome: 'attended' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(await auditActions(w.alice.id)).toContain('appointment.mark_attended');
  });
});

describe('a missed appointment', () => {
  // Yesterday at 10:00, not attended: the client may pick a new time.
  const missed = (over: Parameters<typeof appointmentRow>[2] = {}) =>
    addAppointment({ startsAt: Date.parse('2026-02-24T15:00:00Z'), status: 'missed', ...over });

  it('can be booked again: the notice applies to the new time, and the change limit does not', async () => {
    const a = await missed({ rescheduleCount: 2 });
    const r = await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id });
    // The first slot at least 24 h from now: Monday 2 March, 09:00 EST.
    expect(r.ok && new Date(r.value.slots[0]!).toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(r.ok && r.value.slots.every((s) => s >= core.clock.now() + 24 * HOUR)).toBe(true);
  });

  it('offers no slot inside the notice, however long ago the missed time was', async () => {
    core = await makeCore('2026-02-25T15:00:00Z');
    w = await world(core, { settings: { rescheduleMinNoticeHours: 5 * 24 } });
    const a = await missed();
    const r = await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id });
    // Now + 120 h is Monday 2 March 15:00Z (10:00 EST): 09:00 is too soon.
    expect(r.ok && new Date(r.value.slots[0]!).toISOString()).toBe('2026-03-02T15:00:00.000Z');
  });

  it('waits for the caseworker: a decline leaves it missed, an approval moves it', async () => {
    const a = await missed();
    const slot = Date.parse('2026-03-02T14:00:00Z');
    const chosen = await chooseRescheduleSlot(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, slotStartsAt: slot });
    expect(chosen.ok && chosen.value).toMatchObject({ status: 'reschedule_requested', statusBeforeRequest: 'missed', requestedStartsAt: slot });
    const declined = await decideReschedule(core, w.asStaff, { appointmentId: a.id, decision: 'decline', reason: 'Let us talk first' });
    expect(declined.ok && declined.value.status).toBe('missed');
    await chooseRescheduleSlot(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, slotStartsAt: slot });
    const approved = await decideReschedule(core, w.asStaff, { appointmentId: a.id, decision: 'approve' });
    expect(approved.ok && approved.value).toMatchObject({ status: 'rescheduled', startsAt: slot, rescheduleCount: 1 });
  });

  it('is still refused for another provider, and other past appointments stay closed', async () => {
    const court = await missed({ staffId: null });
    expect(await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: court.id })).toMatchObject({ code: 'provider_appointment' });
    for (const status of ['attended', 'cancelled'] as const) {
      const a = await missed({ status });
      expect(await requestReschedule(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id })).toMatchObject({ code: 'not_reschedulable' });
    }
  });

  it('marked attended after all, withdraws the offer of a new time still waiting to leave', async () => {
    const a = await missed();
    const offer = outboxRow(core, w.alice, { template: 'followup.missed', idempotencyKey: `${missedFollowupKey(a.id)}client`, nextAttemptAt: core.clock.now() + 10 * HOUR });
    const other = outboxRow(core, w.alice, { idempotencyKey: 'followup:missed:someone-else:client' });
    await insert(core, core.store.outbox.insert(offer), core.store.outbox.insert(other));
    const r = await markAppointmentOutcome(core, w.asStaff, { appointmentId: a.id, outcome: 'attended' });
    expect(r.ok && r.value.status).toBe('attended');
    expect(await core.store.outbox.get(offer.id)).toMatchObject({ status: 'cancelled', lastError: 'attended' });
    expect((await core.store.outbox.get(other.id))?.status).toBe('pending');
  });
});
