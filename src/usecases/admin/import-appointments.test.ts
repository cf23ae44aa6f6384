import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { agencyRow, clientRow, insert, outboxRow, providerRow, staffRow } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Agency, Client, Provider, Staff } from '../../domain/types.ts';
import { confirmAppointment } from '../appointments/confirm-appointment.ts';
import { importAppointments } from './import-appointments.ts';
import type { InputRow } from './rows.ts';
import { APPOINTMENT_COLUMNS } from './appointment-columns.ts';

let core: TestCore;
let agency: Agency;
let dana: Staff;
let clinic: Provider;
let alice: Client;
let lou: Client;
let admin: Actor;
const scope = () => ({ agencyId: agency.id });

// Wednesday 25 Feb 2026. US clocks spring forward on Sunday 8 March.
beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  const a = agencyRow(core);
  const s = staffRow(core, a.id, { email: 'dana@riverside.example' });
  const p = providerRow(core, a.id, { name: 'Eastside Health Clinic' });
  alice = clientRow(core, a.id, { externalRef: 'RFS-1001', staffId: s.id });
  lou = clientRow(core, a.id, { externalRef: 'RFS-1003', displayName: 'Lou Park', timeZone: 'America/Los_Angeles' });
  await insert(
    core,
    core.store.agencies.insert(a),
    core.store.staff.insert(s),
    core.store.providers.insert(p),
    core.store.clients.insert(alice),
    core.store.clients.insert(lou),
  );
  [agency, dana, clinic] = [a, s, p];
  admin = { type: 'admin', agencyId: a.id, door: 'cli' };
});

const HEADER = APPOINTMENT_COLUMNS;
/** Rows as the CLI hands them over: the header is row 1, data starts at row 2. */
const rows = (...lines: string[][]): InputRow[] =>
  lines.map((cells, i) => ({ row: i + 2, fields: Object.fromEntries(HEADER.map((c, j) => [c, cells[j] ?? ''])) }));

const run = (...lines: string[][]) => importAppointments(core, admin, { rows: rows(...lines) });
const byRef = async (ref: string) => (await core.store.appointments.getByExternalRef(scope(), ref))!;
const iso = (ms: number) => new Date(ms).toISOString();

describe('import appointments', () => {
  it("imports a good file, reading wall times in the client's zone across the DST change", async () => {
    const r = await run(
      ['A-1', 'RFS-1001', '2026-03-06 10:00', '', 'Check-in', '', '', '12 Main St', '', 'Photo ID', '', ''],
      ['A-2', 'RFS-1001', '2026-03-09 10:00', '30', 'Check-in', 'DANA@riverside.example', '', '', 'https://meet.example.org/abc', '', 'confirmed', ''],
      ['A-3', 'RFS-1003', '2026-03-09 10:00', '45', 'Blood test', '', 'eastside  health clinic', '', '', '', '', 'yes'],
      ['A-4', 'RFS-1003', '2026-03-10T09:00:00-05:00', '', 'Hearing', '', 'Eastside Health Clinic'],
    );
    expect(r).toEqual({ ok: true, value: { created: 4, updated: 0, unchanged: 0 } });
    const a1 = await byRef('A-1');
    // 10:00 EST on 6 March is 15:00Z; 10:00 EDT on 9 March is 14:00Z; 10:00 PDT is 17:00Z.
    expect([iso(a1.startsAt), a1.durationMinutes, a1.staffId, a1.status, a1.location, a1.whatToBring]).toEqual([
      '2026-03-06T15:00:00.000Z', 60, dana.id, 'scheduled', '12 Main St', 'Photo ID',
    ]);
    const a2 = await byRef('A-2');
    expect([iso(a2.startsAt), a2.durationMinutes, a2.status, a2.confirmedAt, a2.videoUrl]).toEqual([
      '2026-03-09T14:00:00.000Z', 30, 'confirmed', core.clock.now(), 'https://meet.example.org/abc',
    ]);
    const a3 = await byRef('A-3');
    expect([iso(a3.startsAt), a3.clientId, a3.providerId, a3.staffId, a3.sensitive]).toEqual([
      '2026-03-09T17:00:00.000Z', lou.id, clinic.id, null, true,
    ]);
    expect(iso((await byRef('A-4')).startsAt)).toBe('2026-03-10T14:00:00.000Z');
    const audit = await core.store.audit.listForClient(scope(), lou.id);
    expect(audit.map((e) => [e.action, e.actorType, e.channel])).toEqual([
      ['appointment.import_create', 'admin', 'cli'],
      ['appointment.import_create', 'admin', 'cli'],
    ]);
  });

  it('reports every bad row by number and reason, and imports nothing', async () => {
    const r = await run(
      ['B-1', 'RFS-9999', '2026-03-06 10:00', '', 'Check-in'],
      ['B-2', 'RFS-1001', '2026-02-30 10:00', '3', 'Check-in'],
      ['B-3', 'RFS-1001', '03/06/2026 10:00', '', 'K'.repeat(81), 'dana@riverside.example', 'Eastside Health Clinic', '', 'http://meet.example.org', '', 'reschedule_requested', 'maybe'],
      ['B-4', 'RFS-1001', '2026-03-06 10:00', '', 'Check-in', 'nobody@riverside.example'],
      ['B-5', 'RFS-1001', '2026-03-06 10:00', '', 'Check-in', '', 'Nowhere Clinic'],
      ['B-1', 'RFS-1001', '2026-03-06 11:00', '', 'Check-in'],
      ['B-7', 'RFS-1003', '2026-03-06 10:00', '', 'Check-in'],
      ['', 'RFS-1001', '', '', ''],
      ['B-9', 'RFS-1001', '2026-03-06 10:00', '', 'Check-in'],
    );
    if (r.ok || r.code !== 'rows_invalid') throw new Error('expected rows_invalid');
    expect(r.detail).toEqual({ count: 8 });
    expect(r.errors.map((e) => [e.row, e.reason.key.replace('cli.reason.', ''), e.reason.vars.column])).toEqual([
      [2, 'unknown_client', 'case_number'],
      [3, 'bad_datetime', 'starts_at'],
      [3, 'bad_number', 'duration_minutes'],
      [4, 'bad_datetime', 'starts_at'],
      [4, 'too_long', 'kind'],
      [4, 'bad_url', 'video_url'],
      [4, 'bad_status', 'status'],
      [4, 'bad_boolean', 'sensitive'],
      [4, 'with_whom', 'staff_email'],
      [5, 'unknown_staff', 'staff_email'],
      [6, 'unknown_provider', 'provider'],
      [7, 'duplicate_in_file', 'appointment_ref'],
      [8, 'with_whom', 'staff_email'],
      [9, 'required', 'appointment_ref'],
      [9, 'required', 'starts_at'],
      [9, 'required', 'kind'],
    ]);
    expect(r.errors[2]?.reason.vars).toEqual({ column: 'duration_minutes', min: 5, max: 480 });
    for (const e of r.errors) expect(core.t('en', e.reason.key, e.reason.vars)).not.toContain('{{');
    expect(await core.store.appointments.listForClient(scope(), alice.id)).toEqual([]);
    expect(await core.store.audit.listForClient(scope(), alice.id)).toEqual([]);
  });

  it("updates on re-import without undoing the client's confirmation, until the time changes", async () => {
    const line = ['A-1', 'RFS-1001', '2026-03-06 10:00', '', 'Check-in', '', '', '12 Main St'];
    await run(line);
    const a = await byRef('A-1');
    const asAlice: Actor = { type: 'client', agencyId: agency.id, clientId: alice.id, door: 'sms' };
    expect((await confirmAppointment(core, asAlice, { clientId: alice.id, appointmentId: a.id })).ok).toBe(true);

    expect(await run(line)).toEqual({ ok: true, value: { created: 0, updated: 0, unchanged: 1 } });
    const scheduled = [...line, '', '', 'scheduled'];
    expect(await run(scheduled)).toEqual({ ok: true, value: { created: 0, updated: 0, unchanged: 1 } });
    expect((await byRef('A-1')).status).toBe('confirmed');

    // A reminder queued for the old time (held for the morning, say) must not go out.
    const held = outboxRow(core, alice, { template: 'reminder.appointment.sms', idempotencyKey: `rem:appointment:${a.id}:m1440@${a.startsAt}:sms`, nextAttemptAt: core.clock.now() + 3_600_000 });
    await insert(core, core.store.outbox.insert(held));
    // A new time needs a new confirmation; the appointment keeps its id.
    const moved = ['A-1', 'RFS-1001', '2026-03-13 11:00', '', 'Check-in', '', '', 'Room 4'];
    expect(await run(moved)).toEqual({ ok: true, value: { created: 0, updated: 1, unchanged: 0 } });
    const after = await byRef('A-1');
    expect([after.id, iso(after.startsAt), after.status, after.confirmedAt, after.location, after.version]).toEqual([
      a.id, '2026-03-13T15:00:00.000Z', 'scheduled', null, 'Room 4', 3,
    ]);
    expect(await core.store.outbox.get(held.id)).toMatchObject({ status: 'cancelled', lastError: 'appointment_changed' });
    await run([...moved, '', '', 'cancelled']);
    expect((await byRef('A-1')).status).toBe('cancelled');
    expect(await core.store.appointments.listForClient(scope(), alice.id)).toHaveLength(1);
    const actions = (await core.store.audit.listForClient(scope(), alice.id)).map((e) => e.action);
    expect(actions.filter((x) => x.startsWith('appointment.import'))).toHaveLength(3);
  });

  it('leaves a queued reminder alone when an import only confirms the appointment', async () => {
    const line = ['A-2', 'RFS-1001', '2026-03-06 10:00', '', 'Check-in', '', '', '12 Main St'];
    await run(line);
    const a = await byRef('A-2');
    const held = outboxRow(core, alice, { template: 'reminder.appointment.sms', idempotencyKey: `rem:appointment:${a.id}:m1440@${a.startsAt}:sms` });
    await insert(core, core.store.outbox.insert(held));
    expect(await run([...line, '', '', 'confirmed'])).toEqual({ ok: true, value: { created: 0, updated: 1, unchanged: 0 } });
    expect(await core.store.outbox.get(held.id)).toMatchObject({ status: 'pending' });
  });

  it("refuses a reference that belongs to another client's appointment", async () => {
    await run(['A-1', 'RFS-1001', '2026-03-06 10:00', '', 'Check-in']);
    const r = await run(['A-1', 'RFS-1003', '2026-03-06 10:00', '', 'Check-in', '', 'Eastside Health Clinic']);
    if (r.ok || r.code !== 'rows_invalid') throw new Error('expected rows_invalid');
    expect(r.errors).toEqual([
      { row: 2, reason: { key: 'cli.reason.ref_taken', vars: { column: 'appointment_ref', value: 'A-1' } } },
    ]);
  });

  it('writes nothing when an appointment changes while the file is imported (conflict)', async () => {
    await run(['A-1', 'RFS-1001', '2026-03-06 10:00', '', 'Check-in']);
    const a = await byRef('A-1');
    const racing = {
      ...core,
      store: {
        ...core.store,
        commit: async (writes: Parameters<typeof core.store.commit>[0]) => {
          await insert(core, core.store.appointments.update(scope(), a.id, a.version, { status: 'confirmed' }, core.clock.now()));
          return core.store.commit(writes);
        },
      },
    };
    const r = await importAppointments(racing, admin, {
      rows: rows(['A-1', 'RFS-1001', '2026-03-07 10:00', '', 'Check-in'], ['A-2', 'RFS-1001', '2026-03-08 10:00', '', 'Check-in']),
    });
    expect(r).toEqual({ ok: false, code: 'conflict' });
    expect(iso((await byRef('A-1')).startsAt)).toBe('2026-03-06T15:00:00.000Z');
    expect(await core.store.appointments.getByExternalRef(scope(), 'A-2')).toBeNull();
  });

  it('refuses anyone but an admin, and an agency that does not exist', async () => {
    const line = ['A-1', 'RFS-1001', '2026-03-06 10:00', '', 'Check-in'];
    const staff: Actor = { type: 'staff', agencyId: agency.id, staffId: dana.id, door: 'slack' };
    expect(await importAppointments(core, staff, { rows: rows(line) })).toEqual({ ok: false, code: 'forbidden' });
    const nowhere: Actor = { type: 'admin', agencyId: 'agy_missing', door: 'cli' };
    expect(await importAppointments(core, nowhere, { rows: rows(line) })).toEqual({ ok: false, code: 'no_agency' });
  });
});
