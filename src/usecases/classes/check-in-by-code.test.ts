import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { classRow, enrollmentRow, insert, sessionRow, world, type World } from '../../../test/support/fixtures.ts';
import { HOUR, MINUTE } from '../../domain/time.ts';
import type { Store } from '../../ports/store.ts';
import { checkIn } from './check-in.ts';
import { markAttendance } from './mark-attendance.ts';

let core: TestCore;
let w: World;
let open: ReturnType<typeof sessionRow>;
let later: ReturnType<typeof sessionRow>;
let ended: ReturnType<typeof sessionRow>;
const now = Date.parse('2026-03-02T15:00:00Z');

// SMS and Telegram clients only text the code: the session is found among theirs.
beforeEach(async () => {
  core = await makeCore(now);
  w = await world(core);
  const parenting = classRow(core, w.agency.id, { title: 'Parenting Together' });
  const jobs = classRow(core, w.agency.id, { title: 'Job Readiness' });
  open = sessionRow(core, parenting, { startsAt: now + 10 * MINUTE, endsAt: now + 2 * HOUR, checkinCode: 'K7P2Q' });
  later = sessionRow(core, jobs, { startsAt: now + 5 * HOUR, endsAt: now + 6 * HOUR, checkinCode: 'M4X9T' });
  ended = sessionRow(core, jobs, { startsAt: now - 3 * HOUR, endsAt: now - HOUR, checkinCode: 'B2C3D' });
  await insert(
    core,
    core.store.classes.insertSeries(parenting),
    core.store.classes.insertSeries(jobs),
    ...[open, later, ended].map((s) => core.store.classes.insertSession(s)),
    core.store.classes.insertEnrollment(enrollmentRow(core, parenting, w.alice)),
    core.store.classes.insertEnrollment(enrollmentRow(core, jobs, w.alice)),
  );
});

const text = (code: string, actor = w.asAlice, clientId = w.alice.id) => checkIn(core, actor, { clientId, code });

describe('check-in by code alone', () => {
  it('checks in to the open session whose code it is', async () => {
    const r = await text('k7p2q');
    expect(r.ok && r.value).toMatchObject({ already: false, session: { sessionId: open.id, title: 'Parenting Together' } });
    const again = await text('K7P2Q');
    expect(again.ok && again.value.already).toBe(true);
  });

  it('says why a code of one of their sessions is not accepted now', async () => {
    expect(await text('M4X9T')).toEqual({ ok: false, code: 'too_early', detail: { minutes: 30 } });
    expect(await text('B2C3D')).toEqual({ ok: false, code: 'too_late' });
  });

  it('refuses a code that fits none of their sessions, and audits the attempt', async () => {
    expect(await text('QQQQQ')).toEqual({ ok: false, code: 'wrong_code' });
    const [entry] = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(entry).toMatchObject({ action: 'class.checkin_wrong_code', subjectType: 'client', subjectId: w.alice.id });
  });

  it('never matches another client’s session, and tells a client in no class that they are not signed up', async () => {
    expect(await text('K7P2Q', w.asBob, w.bob.id)).toEqual({ ok: false, code: 'not_enrolled' });
    expect(await text('K7P2Q', w.asBob, w.alice.id)).toEqual({ ok: false, code: 'not_found' });
    expect(await core.store.classes.sessionForClient(w.scope, w.bob.id, open.id)).toMatchObject({ attendance: null });
  });
});

describe('racing a staff mark', () => {
  it('reads again and keeps both when staff mark the same row between the read and the write', async () => {
    core.clock.set(open.startsAt + 5 * MINUTE);
    let raced = false;
    const store: Store = {
      ...core.store,
      commit: async (writes) => {
        if (!raced) {
          raced = true;
          const marked = await markAttendance(core, w.asStaff, { sessionId: open.id, clientId: w.alice.id, mark: 'absent' });
          expect(marked.ok).toBe(true);
        }
        return core.store.commit(writes);
      },
    };
    const r = await checkIn({ ...core, store }, w.asAlice, { clientId: w.alice.id, code: 'K7P2Q' });
    expect(r.ok).toBe(true);
    expect((await core.store.classes.sessionForClient(w.scope, w.alice.id, open.id))?.attendance).toMatchObject({
      staffMark: 'absent',
      checkinMethod: 'code',
      checkedInAt: open.startsAt + 5 * MINUTE,
      verified: false,
    });
  });

  it('a stale attendance write is a conflict and changes nothing', async () => {
    const key = { sessionId: open.id, clientId: w.alice.id };
    const row = { id: 'att_1', agencyId: w.agency.id, ...key, rsvp: 'yes' as const, rsvpAt: now, checkedInAt: null };
    const full = { ...row, checkinMethod: null, staffMark: null, markedBy: null, verified: false, updatedAt: now };
    expect(await core.store.commit([core.store.classes.putAttendance(w.scope, full, null)])).toBe('ok');
    expect(await core.store.commit([core.store.classes.putAttendance(w.scope, { ...full, rsvp: 'no' }, null)])).toBe('conflict');
    const next = { ...full, rsvp: 'no' as const, updatedAt: now + 1 };
    expect(await core.store.commit([core.store.classes.putAttendance(w.scope, next, now)])).toBe('ok');
    expect(await core.store.commit([core.store.classes.putAttendance(w.scope, { ...next, rsvp: 'yes' }, now)])).toBe('conflict');
    expect((await core.store.classes.sessionForClient(w.scope, w.alice.id, open.id))?.attendance?.rsvp).toBe('no');
  });
});
