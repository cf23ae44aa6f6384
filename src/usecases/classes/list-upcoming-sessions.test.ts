import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import {
  agencyRow,
  attendanceRow,
  classRow,
  enrollmentRow,
  insert,
  sessionRow,
  world,
  type World,
} from '../../../test/support/fixtures.ts';
import { DAY, HOUR, MINUTE } from '../../domain/time.ts';
import { listUpcomingSessions } from './list-upcoming-sessions.ts';

let core: TestCore;
let w: World;
const now = Date.parse('2026-03-02T15:00:00Z');

beforeEach(async () => {
  core = await makeCore(now);
  w = await world(core);
});

const auditActions = async (clientId: string) =>
  (await core.store.audit.listForClient(w.scope, clientId)).map((e) => e.action);

describe('list upcoming sessions', () => {
  it('lists sessions of active enrollments that have not ended, soonest first, with the client’s own state', async () => {
    const parenting = classRow(core, w.agency.id, { title: 'Parenting Together', location: 'Community room' });
    const jobs = classRow(core, w.agency.id, { title: 'Job Readiness', location: 'Library' });
    const dropped = classRow(core, w.agency.id, { title: 'Dropped class' });
    const other = classRow(core, w.agency.id, { title: 'Not enrolled' });
    const past = sessionRow(core, parenting, { startsAt: now - 3 * HOUR, endsAt: now - HOUR });
    const now1 = sessionRow(core, parenting, { startsAt: now - 30 * MINUTE, endsAt: now + 30 * MINUTE, location: 'Room 4' });
    const later = sessionRow(core, jobs, { startsAt: now + 2 * DAY, endsAt: now + 2 * DAY + HOUR });
    const soon = sessionRow(core, parenting, { startsAt: now + DAY, endsAt: now + DAY + HOUR });
    const tooFar = sessionRow(core, parenting, { startsAt: now + 40 * DAY, endsAt: now + 40 * DAY + HOUR });
    const droppedSession = sessionRow(core, dropped, { startsAt: now + HOUR, endsAt: now + 2 * HOUR });
    const otherSession = sessionRow(core, other, { startsAt: now + HOUR, endsAt: now + 2 * HOUR });
    await insert(
      core,
      ...[parenting, jobs, dropped, other].map((c) => core.store.classes.insertSeries(c)),
      ...[past, now1, later, soon, tooFar, droppedSession, otherSession].map((s) => core.store.classes.insertSession(s)),
      core.store.classes.insertEnrollment(enrollmentRow(core, parenting, w.alice)),
      core.store.classes.insertEnrollment(enrollmentRow(core, jobs, w.alice)),
      core.store.classes.insertEnrollment(enrollmentRow(core, dropped, w.alice, { status: 'withdrawn' })),
      core.store.classes.insertEnrollment(enrollmentRow(core, other, w.bob)),
      core.store.classes.upsertAttendance(attendanceRow(core, soon, w.alice, { rsvp: 'yes', rsvpAt: now - HOUR })),
      core.store.classes.upsertAttendance(attendanceRow(core, soon, w.bob, { rsvp: 'no', rsvpAt: now - HOUR })),
    );

    const r = await listUpcomingSessions(core, w.asAlice, { clientId: w.alice.id });
    expect(r.ok).toBe(true);
    const list = r.ok ? r.value : [];
    expect(list.map((s) => s.sessionId)).toEqual([now1.id, soon.id, later.id]);
    expect(list[0]).toMatchObject({ title: 'Parenting Together', location: 'Room 4', checkinOpen: true, rsvp: null });
    expect(list[0]?.checkedInAt).toBeNull();
    expect(list[1]).toMatchObject({ location: 'Community room', checkinOpen: false, rsvp: 'yes' });
    expect(list[1]?.checkinOpensAt).toBe(now + DAY - 30 * MINUTE);
    expect(list[2]).toMatchObject({ title: 'Job Readiness', location: 'Library', rsvp: null });
    // The code is shown only in class: it never reaches the client's screen.
    expect(JSON.stringify(list)).not.toContain('K7P2Q');
    expect(await auditActions(w.alice.id)).toEqual(['class_sessions.list']);

    const wider = await listUpcomingSessions(core, w.asStaff, { clientId: w.alice.id, withinDays: 60 });
    expect(wider.ok && wider.value.map((s) => s.sessionId)).toContain(tooFar.id);
  });

  it("shows nobody else's sessions and refuses bad input", async () => {
    expect(await listUpcomingSessions(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    const elsewhere = agencyRow(core);
    await insert(core, core.store.agencies.insert(elsewhere));
    const strangerStaff = { type: 'staff', agencyId: elsewhere.id, staffId: 'stf_x', door: 'slack' } as const;
    expect(await listUpcomingSessions(core, strangerStaff, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await listUpcomingSessions(core, w.asAlice, { clientId: w.alice.id, withinDays: 0 })).toEqual({
      ok: false,
      code: 'invalid',
    });
    expect(await auditActions(w.alice.id)).toEqual([]);
  });
});
