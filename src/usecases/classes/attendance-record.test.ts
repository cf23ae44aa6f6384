import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { attendanceRow, classRow, enrollmentRow, insert, sessionRow, world, type World } from '../../../test/support/fixtures.ts';
import { DAY, HOUR, MINUTE } from '../../domain/time.ts';
import type { ClassSeries, ClassSession } from '../../domain/types.ts';
import { attendanceRecord } from './attendance-record.ts';
import { checkIn } from './check-in.ts';
import { markAttendance } from './mark-attendance.ts';
import { rsvpSession } from './rsvp-session.ts';

let core: TestCore;
let w: World;
const t0 = Date.parse('2026-02-02T23:00:00Z'); // Monday 2 Feb, 18:00 in New York
const week = (n: number) => t0 + n * 7 * DAY;

const addClass = async (
  over: Partial<ClassSeries>,
  weeks: number[],
  enrolledAt: number,
  status: 'active' | 'withdrawn' = 'active',
) => {
  const series = classRow(core, w.agency.id, over);
  const sessions = weeks.map((n) =>
    sessionRow(core, series, { startsAt: week(n), endsAt: week(n) + 2 * HOUR, checkinCode: `ZQ${n + 10}X` }),
  );
  await insert(
    core,
    core.store.classes.insertSeries(series),
    ...sessions.map((s) => core.store.classes.insertSession(s)),
    core.store.classes.insertEnrollment(enrollmentRow(core, series, w.alice, { status, createdAt: enrolledAt })),
  );
  return sessions;
};

/** Moves the clock to `at` and runs a step as it would happen then. */
const at = async (when: number, step: () => Promise<{ ok: boolean }>) => {
  core.clock.set(when);
  expect((await step()).ok).toBe(true);
};

let s: ClassSession[];

beforeEach(async () => {
  core = await makeCore(t0 - 14 * DAY);
  w = await world(core);
  // Sessions in weeks -1 (before she was enrolled), 0–3 (past), 4 (in progress when read), 5 (future).
  s = await addClass({ title: 'Parenting Together' }, [-1, 0, 1, 2, 3, 4, 5], week(-1) + DAY);
  const a = { clientId: w.alice.id };
  await at(week(0) - 20 * MINUTE, () => checkIn(core, w.asAlice, { ...a, code: 'zq10x' }));
  await at(week(1) - 2 * DAY, () => rsvpSession(core, w.asAlice, { ...a, sessionId: s[2]!.id, answer: 'no' }));
  await at(week(1) + HOUR, () => markAttendance(core, w.asStaff, { ...a, sessionId: s[2]!.id, mark: 'absent' }));
  await at(week(2) + 30 * MINUTE, () => markAttendance(core, w.asStaff, { ...a, sessionId: s[3]!.id, mark: 'attended' }));
  await at(week(3) - DAY, () => rsvpSession(core, w.asAlice, { ...a, sessionId: s[4]!.id, answer: 'yes' }));
  core.clock.set(week(4) + HOUR);
});

describe('attendance record', () => {
  it('lists every ended session since enrollment with what was recorded and an honest outcome', async () => {
    const r = await attendanceRecord(core, w.asAlice, { clientId: w.alice.id });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ clientName: 'Alice Moreno', timeZone: 'America/New_York', asOf: week(4) + HOUR });
    const [parenting] = r.value.classes;
    expect(parenting?.title).toBe('Parenting Together');
    expect(parenting?.enrollment).toBe('active');
    expect(parenting?.sessions.map((x) => [x.sessionId, x.outcome])).toEqual([
      [s[1]!.id, 'attended'],
      [s[2]!.id, 'absent'],
      [s[3]!.id, 'attended'],
      [s[4]!.id, 'not_checked_in'],
    ]);
    expect(parenting?.sessions[0]).toMatchObject({ checkedInAt: week(0) - 20 * MINUTE, checkinMethod: 'code', staffMark: null });
    expect(parenting?.sessions[1]).toMatchObject({ rsvp: 'no', rsvpAt: week(1) - 2 * DAY, staffMark: 'absent', checkedInAt: null });
    expect(parenting?.sessions[2]).toMatchObject({ checkinMethod: 'staff', staffMark: 'attended' });
    // She said she would come and did not check in: the record says exactly that.
    expect(parenting?.sessions[3]).toMatchObject({ rsvp: 'yes', checkedInAt: null, staffMark: null });
    expect(parenting?.totals).toEqual({ sessions: 4, attended: 2, absent: 1, notCheckedIn: 1 });
    expect(JSON.stringify(r.value)).not.toMatch(/ZQ\d\dX/);
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).map((e) => e.action)).toContain('class_attendance.record');
  });

  it('counts only recorded sessions of a class the client withdrew from, and keeps records made before enrolling', async () => {
    const dropped = await addClass({ title: 'Recovery Group' }, [0, 1, 2], week(-2), 'withdrawn');
    const early = await addClass({ title: 'Job Readiness' }, [1, 2], week(2) - DAY);
    await insert(
      core,
      core.store.classes.upsertAttendance(
        attendanceRow(core, dropped[0]!, w.alice, { checkedInAt: week(0), checkinMethod: 'code', verified: true }),
      ),
      core.store.classes.upsertAttendance(attendanceRow(core, early[0]!, w.alice, { staffMark: 'absent', markedBy: w.staff.id })),
    );
    const r = await attendanceRecord(core, w.asStaff, { clientId: w.alice.id });
    const byTitle = new Map((r.ok ? r.value.classes : []).map((c) => [c.title, c]));
    expect(byTitle.get('Recovery Group')).toMatchObject({ enrollment: 'withdrawn', totals: { sessions: 1, attended: 1 } });
    expect(byTitle.get('Job Readiness')?.sessions.map((x) => [x.sessionId, x.outcome])).toEqual([
      [early[0]!.id, 'absent'],
      [early[1]!.id, 'not_checked_in'],
    ]);
    expect(r.ok && r.value.classes.map((c) => c.title)).toEqual(['Parenting Together', 'Recovery Group', 'Job Readiness']);
  });

  it("is nobody else's to read", async () => {
    expect(await attendanceRecord(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await attendanceRecord(core, w.asAlice, { clientId: '' })).toEqual({ ok: false, code: 'invalid' });
    const bobs = await attendanceRecord(core, w.asBob, { clientId: w.bob.id });
    expect(bobs.ok && bobs.value.classes).toEqual([]);
  });
});
