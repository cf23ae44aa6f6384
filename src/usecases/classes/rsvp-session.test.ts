import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { agencyRow, classRow, enrollmentRow, insert, sessionRow, world, type World } from '../../../test/support/fixtures.ts';
import { HOUR, MINUTE } from '../../domain/time.ts';
import { rsvpSession } from './rsvp-session.ts';

let core: TestCore;
let w: World;
let session: ReturnType<typeof sessionRow>;
const now = Date.parse('2026-03-02T15:00:00Z');

beforeEach(async () => {
  core = await makeCore(now);
  w = await world(core);
  const series = classRow(core, w.agency.id);
  session = sessionRow(core, series, { startsAt: now + 2 * HOUR, endsAt: now + 4 * HOUR });
  await insert(
    core,
    core.store.classes.insertSeries(series),
    core.store.classes.insertSession(session),
    core.store.classes.insertEnrollment(enrollmentRow(core, series, w.alice)),
  );
});

const rsvp = (answer: string, over: { clientId?: string; sessionId?: string } = {}, actor = w.asAlice) =>
  rsvpSession(core, actor, { clientId: w.alice.id, sessionId: session.id, answer: answer as 'yes', ...over });
const stored = async () => (await core.store.classes.sessionForClient(w.scope, w.alice.id, session.id))?.attendance;
const auditActions = async () => (await core.store.audit.listForClient(w.scope, w.alice.id)).map((e) => e.action).sort();

describe('rsvp', () => {
  it('records yes, lets the client change to no, and audits each change once', async () => {
    const yes = await rsvp('yes');
    expect(yes.ok && yes.value).toMatchObject({ sessionId: session.id, rsvp: 'yes', rsvpAt: now, checkedInAt: null });
    expect(await stored()).toMatchObject({ rsvp: 'yes', rsvpAt: now, verified: false, checkedInAt: null });

    core.clock.advance(HOUR);
    const no = await rsvp('no');
    expect(no.ok && no.value).toMatchObject({ rsvp: 'no', rsvpAt: now + HOUR });
    // The same answer again changes nothing.
    core.clock.advance(MINUTE);
    expect((await rsvp('no')).ok).toBe(true);
    expect(await stored()).toMatchObject({ rsvp: 'no', rsvpAt: now + HOUR });
    expect(await auditActions()).toEqual(['class.rsvp_no', 'class.rsvp_yes']);
  });

  it('can still change the answer at the very end, not a minute after', async () => {
    core.clock.set(session.endsAt);
    expect((await rsvp('no')).ok).toBe(true);
    core.clock.advance(MINUTE);
    expect(await rsvp('yes')).toEqual({ ok: false, code: 'session_over' });
    expect((await stored())?.rsvp).toBe('no');
  });

  it('refuses what is not the client’s to answer', async () => {
    expect(await rsvp('maybe')).toEqual({ ok: false, code: 'invalid' });
    expect(await rsvp('yes', { sessionId: 'ses_unknown' })).toEqual({ ok: false, code: 'not_found' });
    expect(await rsvp('yes', {}, w.asBob)).toEqual({ ok: false, code: 'not_found' });
    expect(await rsvp('yes', { clientId: w.bob.id })).toEqual({ ok: false, code: 'not_found' });

    const elsewhere = agencyRow(core);
    const foreign = classRow(core, elsewhere.id);
    const foreignSession = sessionRow(core, foreign);
    await insert(
      core,
      core.store.agencies.insert(elsewhere),
      core.store.classes.insertSeries(foreign),
      core.store.classes.insertSession(foreignSession),
    );
    expect(await rsvp('yes', { sessionId: foreignSession.id })).toEqual({ ok: false, code: 'not_found' });

    // Bob is not enrolled; a withdrawn enrollment no longer counts.
    expect(await rsvpSession(core, w.asBob, { clientId: w.bob.id, sessionId: session.id, answer: 'yes' })).toEqual({
      ok: false,
      code: 'not_enrolled',
    });
    const dropped = classRow(core, w.agency.id);
    const droppedSession = sessionRow(core, dropped);
    await insert(
      core,
      core.store.classes.insertSeries(dropped),
      core.store.classes.insertSession(droppedSession),
      core.store.classes.insertEnrollment(enrollmentRow(core, dropped, w.alice, { status: 'withdrawn' })),
    );
    expect(await rsvp('yes', { sessionId: droppedSession.id })).toEqual({ ok: false, code: 'not_enrolled' });
    // Nothing changed; the probes with ids that are not Alice's left a trace in her trail.
    expect((await auditActions()).filter((a) => a !== 'access.denied')).toEqual([]);
    expect(await auditActions()).toContain('access.denied');
  });
});
