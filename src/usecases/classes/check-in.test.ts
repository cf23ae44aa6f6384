import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { agencyRow, classRow, enrollmentRow, insert, sessionRow, world, type World } from '../../../test/support/fixtures.ts';
import { HOUR, MINUTE } from '../../domain/time.ts';
import { checkIn } from './check-in.ts';

let core: TestCore;
let w: World;
let series: ReturnType<typeof classRow>;
let session: ReturnType<typeof sessionRow>;
const now = Date.parse('2026-03-02T15:00:00Z');
const start = now + 2 * HOUR;
const end = now + 4 * HOUR;

const setUp = async (settings: object = {}) => {
  core = await makeCore(now);
  w = await world(core, { settings });
  series = classRow(core, w.agency.id);
  session = sessionRow(core, series, { startsAt: start, endsAt: end, checkinCode: 'K7P2Q' });
  await insert(
    core,
    core.store.classes.insertSeries(series),
    core.store.classes.insertSession(session),
    core.store.classes.insertEnrollment(enrollmentRow(core, series, w.alice)),
  );
};
beforeEach(() => setUp());

const checkInAlice = (over: { sessionId?: string; code?: string; clientId?: string } = {}) =>
  checkIn(core, w.asAlice, { clientId: w.alice.id, sessionId: session.id, code: 'K7P2Q', ...over });
const stored = async () => (await core.store.classes.sessionForClient(w.scope, w.alice.id, session.id))?.attendance;
const auditActions = async () => (await core.store.audit.listForClient(w.scope, w.alice.id)).map((e) => e.action);

describe('check-in window', () => {
  it('opens exactly 30 minutes before the start, not a minute earlier', async () => {
    core.clock.set(start - 31 * MINUTE);
    expect(await checkInAlice()).toEqual({ ok: false, code: 'too_early', detail: { minutes: 30 } });
    core.clock.set(start - 30 * MINUTE);
    const r = await checkInAlice();
    expect(r.ok && r.value).toMatchObject({ already: false, session: { checkedInAt: start - 30 * MINUTE, checkinMethod: 'code' } });
    expect(await stored()).toMatchObject({ checkedInAt: start - 30 * MINUTE, checkinMethod: 'code', verified: true });
    expect(await auditActions()).toEqual(['class.checkin']);
  });

  it('stays open until the exact end, not a minute after', async () => {
    core.clock.set(end + MINUTE);
    expect(await checkInAlice()).toEqual({ ok: false, code: 'too_late' });
    core.clock.set(end);
    expect((await checkInAlice()).ok).toBe(true);
  });

  it('follows the agency setting', async () => {
    await setUp({ checkinOpensMinutesBefore: 10 });
    core.clock.set(start - 11 * MINUTE);
    expect(await checkInAlice()).toEqual({ ok: false, code: 'too_early', detail: { minutes: 10 } });
    core.clock.set(start - 10 * MINUTE);
    expect((await checkInAlice()).ok).toBe(true);
  });

  it('does not even look at the code while closed, so codes cannot be tried outside the window', async () => {
    core.clock.set(start - HOUR);
    expect(await checkInAlice({ code: 'ZZZZZ' })).toMatchObject({ code: 'too_early' });
  });
});

describe('check-in by session and code', () => {
  beforeEach(() => core.clock.set(start + 5 * MINUTE));

  it('accepts the code as people type it, and checking in twice changes nothing', async () => {
    expect((await checkInAlice({ code: ' k7p-2q ' })).ok).toBe(true);
    core.clock.advance(10 * MINUTE);
    const again = await checkInAlice();
    expect(again.ok && again.value).toMatchObject({ already: true, session: { checkedInAt: start + 5 * MINUTE } });
    expect(await auditActions()).toEqual(['class.checkin']);
  });

  it('refuses a wrong code and audits the attempt, so attempts can be counted', async () => {
    expect(await checkInAlice({ code: 'K7P2R' })).toEqual({ ok: false, code: 'wrong_code' });
    expect(await checkInAlice({ code: 'K7P2' })).toEqual({ ok: false, code: 'wrong_code' });
    expect(await stored()).toBeNull();
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((e) => [e.action, e.subjectId])).toEqual([
      ['class.checkin_wrong_code', session.id],
      ['class.checkin_wrong_code', session.id],
    ]);
  });

  it('refuses bad input, other people, other agencies, and classes the client is not in', async () => {
    expect(await checkInAlice({ code: ' - ' })).toEqual({ ok: false, code: 'invalid' });
    expect(await checkInAlice({ code: 'A'.repeat(17) })).toEqual({ ok: false, code: 'invalid' });
    expect(await checkIn(core, w.asStaff, { clientId: w.alice.id, sessionId: session.id, code: 'K7P2Q' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(await checkIn(core, w.asBob, { clientId: w.alice.id, sessionId: session.id, code: 'K7P2Q' })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await checkInAlice({ sessionId: 'ses_unknown' })).toEqual({ ok: false, code: 'not_found' });
    const elsewhere = agencyRow(core);
    const foreign = classRow(core, elsewhere.id);
    const foreignSession = sessionRow(core, foreign, { startsAt: start, endsAt: end });
    await insert(
      core,
      core.store.agencies.insert(elsewhere),
      core.store.classes.insertSeries(foreign),
      core.store.classes.insertSession(foreignSession),
    );
    expect(await checkInAlice({ sessionId: foreignSession.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await checkIn(core, w.asBob, { clientId: w.bob.id, sessionId: session.id, code: 'K7P2Q' })).toEqual({
      ok: false,
      code: 'not_enrolled',
    });
  });
});
