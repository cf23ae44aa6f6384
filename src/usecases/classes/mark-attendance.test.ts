import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { agencyRow, classRow, enrollmentRow, insert, sessionRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { HOUR, MINUTE } from '../../domain/time.ts';
import { checkIn } from './check-in.ts';
import { markAttendance } from './mark-attendance.ts';

let core: TestCore;
let w: World;
let series: ReturnType<typeof classRow>;
let session: ReturnType<typeof sessionRow>;
const now = Date.parse('2026-03-02T15:00:00Z');
const start = now + 2 * HOUR;

beforeEach(async () => {
  core = await makeCore(now);
  w = await world(core);
  series = classRow(core, w.agency.id);
  session = sessionRow(core, series, { startsAt: start, endsAt: start + 2 * HOUR });
  await insert(
    core,
    core.store.classes.insertSeries(series),
    core.store.classes.insertSession(session),
    core.store.classes.insertEnrollment(enrollmentRow(core, series, w.alice)),
  );
});

const mark = (m: string, actor: Actor = w.asStaff, over: { sessionId?: string; clientId?: string } = {}) =>
  markAttendance(core, actor, { sessionId: session.id, clientId: w.alice.id, mark: m as 'attended', ...over });
const stored = async () => (await core.store.classes.sessionForClient(w.scope, w.alice.id, session.id))?.attendance;
const auditActions = async () => (await core.store.audit.listForClient(w.scope, w.alice.id)).map((e) => e.action).sort();

describe('staff mark attendance', () => {
  it('is for staff and admins only', async () => {
    core.clock.set(start);
    expect(await mark('attended', w.asAlice)).toEqual({ ok: false, code: 'forbidden' });
    const system: Actor = { type: 'system', agencyId: w.agency.id, door: 'scheduler' };
    expect(await mark('attended', system)).toEqual({ ok: false, code: 'forbidden' });
    const admin = await mark('absent', { type: 'admin', agencyId: w.agency.id, adminId: 'adm_1', door: 'cli' });
    expect(admin.ok && admin.value).toMatchObject({ staffMark: 'absent', markedBy: 'adm_1' });
  });

  it('waits for the start: not a minute before, from the exact start', async () => {
    core.clock.set(start - MINUTE);
    expect(await mark('attended')).toEqual({ ok: false, code: 'not_started' });
    core.clock.set(start);
    expect((await mark('attended')).ok).toBe(true);
  });

  it('checks the client in by staff when they had not checked in, and takes it back on absent', async () => {
    core.clock.set(start + 10 * MINUTE);
    const r = await mark('attended');
    expect(r.ok && r.value).toMatchObject({
      staffMark: 'attended',
      checkinMethod: 'staff',
      checkedInAt: start + 10 * MINUTE,
      verified: true,
      markedBy: w.staff.id,
    });
    // Marking the same again changes nothing.
    expect((await mark('attended')).ok).toBe(true);
    core.clock.advance(HOUR);
    const absent = await mark('absent');
    expect(absent.ok && absent.value).toMatchObject({ staffMark: 'absent', checkinMethod: null, checkedInAt: null });
    expect(await stored()).toMatchObject({ staffMark: 'absent', checkedInAt: null, verified: false });
    expect(await auditActions()).toEqual(['class.mark_absent', 'class.mark_attended']);
  });

  it('keeps a check-in by code as it was, beside the staff mark', async () => {
    core.clock.set(start - 5 * MINUTE);
    expect((await checkIn(core, w.asAlice, { clientId: w.alice.id, sessionId: session.id, code: 'K7P2Q' })).ok).toBe(true);
    core.clock.set(start + HOUR);
    const attended = await mark('attended');
    expect(attended.ok && attended.value).toMatchObject({ checkinMethod: 'code', checkedInAt: start - 5 * MINUTE, verified: true });
    const absent = await mark('absent');
    expect(absent.ok && absent.value).toMatchObject({
      staffMark: 'absent',
      checkinMethod: 'code',
      checkedInAt: start - 5 * MINUTE,
      verified: false,
    });
  });

  it('refuses bad input, unknown or foreign sessions and clients, and clients not in the class', async () => {
    core.clock.set(start + MINUTE);
    expect(await mark('late')).toEqual({ ok: false, code: 'invalid' });
    expect(await mark('attended', w.asStaff, { clientId: 'cli_unknown' })).toEqual({ ok: false, code: 'not_found' });
    expect(await mark('attended', w.asStaff, { sessionId: 'ses_unknown' })).toEqual({ ok: false, code: 'not_found' });

    const elsewhere = agencyRow(core);
    const foreign = classRow(core, elsewhere.id);
    const foreignSession = sessionRow(core, foreign, { startsAt: start, endsAt: start + HOUR });
    await insert(
      core,
      core.store.agencies.insert(elsewhere),
      core.store.classes.insertSeries(foreign),
      core.store.classes.insertSession(foreignSession),
    );
    expect(await mark('attended', w.asStaff, { sessionId: foreignSession.id })).toEqual({ ok: false, code: 'not_found' });
    const strangerStaff: Actor = { type: 'staff', agencyId: elsewhere.id, staffId: 'stf_x', door: 'slack' };
    expect(await mark('attended', strangerStaff)).toEqual({ ok: false, code: 'not_found' });

    expect(await mark('attended', w.asStaff, { clientId: w.bob.id })).toEqual({ ok: false, code: 'not_enrolled' });
    await insert(core, core.store.classes.insertEnrollment(enrollmentRow(core, series, w.bob, { status: 'withdrawn' })));
    expect(await mark('attended', w.asStaff, { clientId: w.bob.id })).toEqual({ ok: false, code: 'not_enrolled' });
    expect(await auditActions()).toEqual([]);
  });

  it('still lets staff mark once the class is completed', async () => {
    const done = classRow(core, w.agency.id);
    const last = sessionRow(core, done, { startsAt: now - 3 * HOUR, endsAt: now - HOUR });
    await insert(
      core,
      core.store.classes.insertSeries(done),
      core.store.classes.insertSession(last),
      core.store.classes.insertEnrollment(enrollmentRow(core, done, w.bob, { status: 'completed' })),
    );
    const r = await mark('attended', w.asStaff, { sessionId: last.id, clientId: w.bob.id });
    expect(r.ok && r.value).toMatchObject({ staffMark: 'attended', checkinMethod: 'staff', verified: true });
  });
});
