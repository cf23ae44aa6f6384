import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { appointmentRow, clientRow, insert, providerRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { MINUTE } from '../../domain/time.ts';
import { formatWhen } from '../shared/format.ts';
import { bookAppointment } from './book-appointment.ts';

let core: TestCore;
let w: World;

// Monday 2 March 2026, 10:00 in New York.
beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

/** Wednesday 4 March, 10:00 in New York. */
const WED_10 = Date.parse('2026-03-04T15:00:00Z');

const book = (over: Partial<Parameters<typeof bookAppointment>[2]> = {}, actor: Actor = w.asStaff) =>
  bookAppointment(core, actor, { clientId: w.alice.id, startsAt: WED_10, durationMinutes: 45, ...over });
const appointmentsOf = (clientId: string) => core.store.appointments.listForClient(w.scope, clientId);
const outbox = () => core.store.outbox.list(w.scope);
const actions = async (clientId: string) => (await core.store.audit.listForClient(w.scope, clientId)).map((a) => a.action);
const addAppointment = async (over: Parameters<typeof appointmentRow>[2], client = w.alice) => {
  const a = appointmentRow(core, client, over);
  await insert(core, core.store.appointments.insert(a));
  return a;
};

describe('booking an appointment', () => {
  it('books it with the acting caseworker, audits it, and tells the client in one commit', async () => {
    const r = await book({ location: ' 12 Main St, Room 4 ', kind: 'Housing review' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { appointment: a, notified } = r.value;
    expect(notified).toBe(true);
    expect(await appointmentsOf(w.alice.id)).toEqual([a]);
    expect(a).toMatchObject({
      clientId: w.alice.id,
      staffId: w.staff.id,
      providerId: null,
      kind: 'Housing review',
      startsAt: WED_10,
      durationMinutes: 45,
      location: '12 Main St, Room 4',
      status: 'scheduled',
      rescheduleCount: 0,
      confirmedAt: null,
      version: 1,
    });
    const audit = (await core.store.audit.listForClient(w.scope, w.alice.id)).map((e) => [e.action, e.subjectId, e.actorId, e.channel]);
    expect(audit).toEqual([['appointment.book', a.id, w.staff.id, 'slack']]);
    const [notice, ...more] = await outbox();
    expect(more).toEqual([]);
    const when = formatWhen(WED_10, 'en', w.alice.timeZone);
    expect(when).toMatch(/^Wed, Mar 4, 10:00/);
    expect(notice).toMatchObject({
      clientId: w.alice.id,
      channel: 'sms',
      toAddress: '+15555550101',
      template: 'notify.appointment_booked',
      text: core.t('en', 'notify.appointment_booked', { when }),
      idempotencyKey: `appointment:${a.id}:booked`,
    });
  });

  it("writes the notice in the client's language and time zone, and names the default kind in it", async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'es', timeZone: 'America/Los_Angeles' }));
    const r = await book();
    const [notice] = await outbox();
    const when = formatWhen(WED_10, 'es', 'America/Los_Angeles');
    expect(when).toMatch(/^mié/);
    expect(when).toContain('7:00');
    expect(notice?.text).toBe(core.t('es', 'notify.appointment_booked', { when }));
    // No kind given: the kind the client is shown is the locale's word, in their language.
    expect(r.ok && r.value.appointment.kind).toBe(core.t('es', 'notify.appointment_kind'));
    expect(r.ok && r.value.appointment.location).toBeNull();
  });

  it('words the notice neutrally when the client asked for it', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { neutralWording: true }));
    await book({ kind: 'Probation check-in' });
    const [notice] = await outbox();
    expect(notice?.template).toBe('notify.appointment_booked_neutral');
    expect(notice?.text).toBe(core.t('en', 'notify.appointment_booked_neutral', { when: formatWhen(WED_10, 'en', w.alice.timeZone) }));
    expect(notice?.text).not.toMatch(/caseworker|appointment|probation/i);
  });

  it('still books when the client has no channel to push to, and says the client was not told', async () => {
    const quiet = clientRow(core, w.agency.id, { displayName: 'Cai Lin', staffId: w.staff.id });
    await insert(core, core.store.clients.insert(quiet));
    const r = await book({ clientId: quiet.id });
    expect(r.ok && r.value.notified).toBe(false);
    expect(await appointmentsOf(quiet.id)).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  it("lets an admin book with the client's caseworker, and refuses when the client has none", async () => {
    const admin: Actor = { type: 'admin', agencyId: w.agency.id, door: 'cli' };
    const r = await book({}, admin);
    expect(r.ok && r.value.appointment.staffId).toBe(w.staff.id);
    const alone = clientRow(core, w.agency.id, { displayName: 'Nobody Assigned' });
    await insert(core, core.store.clients.insert(alone));
    expect(await book({ clientId: alone.id }, admin)).toEqual({ ok: false, code: 'no_caseworker' });
    expect(await appointmentsOf(alone.id)).toEqual([]);
  });
});

describe('refusals change nothing', () => {
  it('refuses a client as the actor', async () => {
    expect(await book({}, w.asAlice)).toEqual({ ok: false, code: 'forbidden' });
  });

  it('refuses a length outside 5–480 minutes and bad input as invalid', async () => {
    for (const over of [
      { durationMinutes: 4 },
      { durationMinutes: 481 },
      { durationMinutes: 30.5 },
      { clientId: '' },
      { kind: '   ' },
      { location: 'x'.repeat(201) },
      { startsAt: -1 },
    ]) {
      expect(await book(over), JSON.stringify(over)).toEqual({ ok: false, code: 'invalid' });
    }
    expect((await book({ durationMinutes: 5 })).ok).toBe(true);
    expect((await book({ durationMinutes: 480, startsAt: WED_10 + 60 * MINUTE })).ok).toBe(true);
  });

  it('refuses a time that is not after now', async () => {
    expect(await book({ startsAt: core.clock.now() })).toEqual({ ok: false, code: 'in_the_past' });
    expect(await book({ startsAt: core.clock.now() - MINUTE })).toEqual({ ok: false, code: 'in_the_past' });
  });

  it('refuses a client of another agency, or one that does not exist', async () => {
    const other = await world(core);
    expect(await book({ clientId: other.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await book({ clientId: 'cli_nobody' })).toEqual({ ok: false, code: 'not_found' });
    expect(await core.store.appointments.listForClient(other.scope, other.alice.id)).toEqual([]);
    expect(await core.store.outbox.list(other.scope)).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it("refuses a time that overlaps the client's own appointments, with anyone, but not a cancelled one", async () => {
    const clinic = providerRow(core, w.agency.id);
    await insert(core, core.store.providers.insert(clinic));
    const court = await addAppointment({ staffId: null, providerId: clinic.id, startsAt: WED_10 + 30 * MINUTE, durationMinutes: 60 });
    expect(await book()).toEqual({ ok: false, code: 'overlaps', detail: { with: 'client', startsAt: court.startsAt } });
    await addAppointment({ startsAt: WED_10 - 60 * MINUTE, status: 'cancelled', durationMinutes: 120 });
    // Back to back is not an overlap.
    expect((await book({ durationMinutes: 30 })).ok).toBe(true);
    expect(await appointmentsOf(w.alice.id)).toHaveLength(3);
  });

  it("refuses a time that overlaps the caseworker's other appointments, or a time held by a pending request", async () => {
    const bobs = await addAppointment({ startsAt: WED_10 - 30 * MINUTE, durationMinutes: 60 }, w.bob);
    expect(await book()).toEqual({ ok: false, code: 'overlaps', detail: { with: 'staff', startsAt: bobs.startsAt } });
    const held = Date.parse('2026-03-05T15:00:00Z');
    await addAppointment({ startsAt: held + 7 * 24 * 60 * MINUTE, status: 'reschedule_requested', requestedStartsAt: held }, w.bob);
    expect(await book({ startsAt: held + 15 * MINUTE })).toEqual({ ok: false, code: 'overlaps', detail: { with: 'staff', startsAt: held } });
    expect(await appointmentsOf(w.alice.id)).toEqual([]);
    expect(await outbox()).toEqual([]);
    expect(await actions(w.alice.id)).toEqual([]);
  });
});
