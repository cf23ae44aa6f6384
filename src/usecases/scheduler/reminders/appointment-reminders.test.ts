import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../test/support/core.ts';
import { appointmentRow, insert, world, type World } from '../../../../test/support/fixtures.ts';
import { floorMinute } from '../../../domain/quiet-hours.ts';
import { parseAgencySettings } from '../../../domain/settings.ts';
import { DAY, HOUR, MINUTE } from '../../../domain/time.ts';
import type { Appointment } from '../../../domain/types.ts';
import { cancelAppointment } from '../../appointments/cancel-appointment.ts';
import { decideReschedule } from '../../appointments/decide-reschedule.ts';
import { SCHEDULER_JOBS } from '../jobs.ts';
import { runAppointmentReminders } from './appointment-reminders.ts';

let core: TestCore;
let w: World;

// Monday 2 March 2026, 10:00 in New York; the agency's default offsets: a day and 2 hours before.
beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const TUESDAY_10 = Date.parse('2026-03-03T15:00:00Z');

const addAppointment = async (over: Partial<Appointment> = {}) => {
  const a = appointmentRow(core, w.alice, { startsAt: TUESDAY_10, ...over });
  await insert(core, core.store.appointments.insert(a));
  return a;
};

/** One run of the job at `at`, as the scheduler runs it; `deps` may be a failing store's. */
const tick = (at: string | number, deps: TestCore = core, batchSize?: number) => {
  core.clock.set(at);
  return runAppointmentReminders(deps, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: floorMinute(core.clock.now()) }, batchSize);
};

const outbox = () => core.store.outbox.list(w.scope);
const records = (clientId = w.alice.id) => core.store.reminders.listForClient(w.scope, clientId);

describe('appointment reminders', () => {
  it('is one of the scheduler jobs, after the crisis escalations', () => {
    expect(SCHEDULER_JOBS.map((j) => j.name)).toEqual(expect.arrayContaining(['appointment-reminders', 'session-reminders', 'document-reminders']));
  });

  it('queues each reminder once, at its offset', async () => {
    const a = await addAppointment();
    expect(await tick(TUESDAY_10 - DAY - MINUTE)).toBe(0);
    expect(await tick(TUESDAY_10 - DAY)).toBe(1);
    expect(await tick(TUESDAY_10 - DAY + MINUTE)).toBe(0);
    expect(await tick(TUESDAY_10 - 2 * HOUR - MINUTE)).toBe(0);
    expect(await tick(TUESDAY_10 - 2 * HOUR)).toBe(1);
    expect(await tick(TUESDAY_10 - HOUR)).toBe(0);
    const rows = await outbox();
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual([
      `rem:appointment:${a.id}:m120@${TUESDAY_10}:sms`,
      `rem:appointment:${a.id}:m1440@${TUESDAY_10}:sms`,
    ]);
    expect(rows.every((r) => r.template === 'reminder.appointment.sms' && r.toAddress === w.aliceSms.address)).toBe(true);
    expect(rows[0]!.text).toContain('12 Main St, Room 3');
    expect(rows[0]!.text).toContain('Reply 1 to confirm, 2 for a new time, 3 to cancel');
    const recs = await records();
    expect(recs.map((r) => [r.offsetKey, r.status, r.channel]).sort()).toEqual([
      [`m120@${TUESDAY_10}`, 'queued', 'sms'],
      [`m1440@${TUESDAY_10}`, 'queued', 'sms'],
    ]);
    expect(recs.every((r) => rows.some((o) => o.id === r.outboxId))).toBe(true);
  });

  it('queues one reminder when two runs go at once', async () => {
    await addAppointment();
    core.clock.set(TUESDAY_10 - DAY);
    const ctx = { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: TUESDAY_10 - DAY };
    await Promise.all([runAppointmentReminders(core, ctx), runAppointmentReminders(core, ctx), runAppointmentReminders(core, ctx)]);
    expect(await outbox()).toHaveLength(1);
    expect(await records()).toHaveLength(1);
  });

  it('after a crash midway, the next run queues the rest exactly once', async () => {
    for (let i = 0; i < 5; i++) await addAppointment({ startsAt: TUESDAY_10 + i * MINUTE });
    let commits = 0;
    const crashing: TestCore = {
      ...core,
      store: {
        ...core.store,
        commit: async (writes) => {
          commits += 1;
          if (commits > 1) throw new Error('database went away');
          return core.store.commit(writes);
        },
      },
    };
    await expect(tick(TUESDAY_10 + 4 * MINUTE - DAY, crashing, 2)).rejects.toThrow('database went away');
    expect(await outbox()).toHaveLength(2);
    expect(await tick(TUESDAY_10 + 4 * MINUTE - DAY, core, 2)).toBe(3);
    expect(await tick(TUESDAY_10 + 5 * MINUTE - DAY, core, 2)).toBe(0);
    const keys = (await outbox()).map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(5);
    expect(new Set(keys).size).toBe(5);
    expect(await records()).toHaveLength(5);
  });

  it('after an hour down, sends what is within the grace and records the rest as skipped (late)', async () => {
    const early = await addAppointment();
    const recent = await addAppointment({ startsAt: TUESDAY_10 + 50 * MINUTE });
    expect(await tick(TUESDAY_10 - DAY + HOUR)).toBe(2);
    expect((await outbox()).map((r) => r.idempotencyKey)).toEqual([`rem:appointment:${recent.id}:m1440@${recent.startsAt}:sms`]);
    const skipped = (await records()).find((r) => r.subjectId === early.id)!;
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'late', channel: 'sms', outboxId: null, dueAt: TUESDAY_10 - DAY });
    expect(await tick(TUESDAY_10 - DAY + HOUR + MINUTE)).toBe(0);
  });

  it('leaves cancelled, attended and pending-request appointments alone, and other agencies’ clients', async () => {
    await addAppointment({ status: 'cancelled' });
    await addAppointment({ status: 'attended' });
    await addAppointment({ status: 'reschedule_requested', requestedStartsAt: TUESDAY_10 + DAY });
    const other = await world(core);
    await insert(core, core.store.appointments.insert(appointmentRow(core, other.alice, { startsAt: TUESDAY_10 })));
    expect(await tick(TUESDAY_10 - DAY)).toBe(0);
    expect(await outbox()).toEqual([]);
  });
});

describe('a cancelled or moved appointment', () => {
  it('cancels its reminders not sent yet, in the same commit as the cancel', async () => {
    const a = await addAppointment();
    await tick(TUESDAY_10 - DAY);
    const r = await cancelAppointment(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, reason: 'I found a job' });
    expect(r.ok).toBe(true);
    expect(await outbox()).toMatchObject([{ status: 'cancelled', lastError: 'appointment_changed' }]);
    expect(await tick(TUESDAY_10 - 2 * HOUR)).toBe(0);
  });

  it('gets the reminders of its new time once moved; the old time’s are cancelled', async () => {
    const a = await addAppointment();
    await tick(TUESDAY_10 - DAY);
    const later = TUESDAY_10 + 2 * DAY;
    await insert(
      core,
      core.store.appointments.update(w.scope, a.id, 1, { status: 'reschedule_requested', requestedStartsAt: later, statusBeforeRequest: 'scheduled' }, core.clock.now()),
    );
    const moved = await decideReschedule(core, w.asStaff, { appointmentId: a.id, decision: 'approve' });
    expect(moved.ok && moved.value.status).toBe('rescheduled');
    const old = (await outbox()).find((r) => r.template.startsWith('reminder.'))!;
    expect(old).toMatchObject({ status: 'cancelled', lastError: 'appointment_changed' });
    // Nothing at the old time; the new time's reminders at theirs.
    expect(await tick(TUESDAY_10 - 2 * HOUR)).toBe(0);
    expect(await tick(later - DAY)).toBe(1);
    const pending = (await outbox()).filter((r) => r.status === 'pending' && r.template.startsWith('reminder.'));
    expect(pending.map((r) => r.idempotencyKey)).toEqual([`rem:appointment:${a.id}:m1440@${later}:sms`]);
  });

  it('a declined request keeps the reminders of the time that still holds', async () => {
    const a = await addAppointment();
    await tick(TUESDAY_10 - DAY);
    await insert(
      core,
      core.store.appointments.update(w.scope, a.id, 1, { status: 'reschedule_requested', requestedStartsAt: TUESDAY_10 + DAY, statusBeforeRequest: 'scheduled' }, core.clock.now()),
    );
    await decideReschedule(core, w.asStaff, { appointmentId: a.id, decision: 'decline', reason: 'No other time this week' });
    const reminder = (await outbox()).find((r) => r.template.startsWith('reminder.'))!;
    expect(reminder.status).toBe('pending');
    expect(await tick(TUESDAY_10 - 2 * HOUR)).toBe(1);
  });

  it('reads what is due page by page, and queues every reminder of every page once', async () => {
    // five appointments at the same minute: the cursor must carry the id to step between them
    const all = [];
    for (let i = 0; i < 5; i++) all.push(await addAppointment());
    core.clock.set(TUESDAY_10 - DAY);
    const ctx = { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: floorMinute(core.clock.now()) };
    expect(await runAppointmentReminders(core, ctx, 2, 2)).toBe(5);
    expect(await runAppointmentReminders(core, ctx, 2, 2)).toBe(0);
    const keys = (await outbox()).map((r) => r.idempotencyKey).sort();
    expect(keys).toEqual(all.map((a) => `rem:appointment:${a.id}:m1440@${TUESDAY_10}:sms`).sort());
  });
});
