import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../test/support/core.ts';
import { attendanceRow, classRow, clientRow, enrollmentRow, insert, sessionRow, world, type World } from '../../../../test/support/fixtures.ts';
import { parseAgencySettings } from '../../../domain/settings.ts';
import type { Attendance, ClassSeries, ClassSession, Client } from '../../../domain/types.ts';
import { formatWhen } from '../../shared/format.ts';
import { attendanceSummariesJob } from './attendance-summaries.ts';
import { attendancePayloadSchema } from './payloads.ts';

let core: TestCore;
let w: World;
let series: ClassSeries & { createdAt: number };
let session: ClassSession & { createdAt: number };

// Monday 2 March 2026, 16:00–18:00 in New York (21:00–23:00Z): the summary is due at 23:15Z.
const DUE = '2026-03-02T23:15:00Z';

beforeEach(async () => {
  core = await makeCore('2026-03-02T12:00:00Z');
  w = await world(core, { staff: { slackUserId: 'U0DANA' } });
  series = classRow(core, w.agency.id, { staffId: w.staff.id, title: 'Parenting Together' });
  session = sessionRow(core, series, { startsAt: Date.parse('2026-03-02T21:00:00Z'), endsAt: Date.parse('2026-03-02T23:00:00Z') });
  await insert(core, core.store.classes.insertSeries(series), core.store.classes.insertSession(session));
});

const tick = (at: string) => attendanceSummariesJob.run(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: Date.parse(at) });
const summaries = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.template === 'staff.attendance_summary');

/** A client on the class list, with what they said and did about the session. */
const member = async (name: string, o: { status?: 'active' | 'withdrawn'; attendance?: Partial<Attendance>; client?: Client } = {}) => {
  const client = o.client ?? clientRow(core, w.agency.id, { displayName: name, staffId: w.staff.id });
  await insert(
    core,
    ...(o.client ? [] : [core.store.clients.insert(client)]),
    core.store.classes.insertEnrollment(enrollmentRow(core, series, client, { status: o.status ?? 'active' })),
    ...(o.attendance ? [core.store.classes.upsertAttendance(attendanceRow(core, session, client, o.attendance))] : []),
  );
  return client;
};

const at = Date.parse('2026-03-02T21:05:00Z');

describe('a class attendance summary', () => {
  it('reaches the class’s caseworker after the session, with RSVPs against check-ins, once', async () => {
    await member('Alice', { client: w.alice, attendance: { rsvp: 'yes', rsvpAt: at, checkedInAt: at, checkinMethod: 'code', verified: true } });
    const bob = await member('Bob', { client: w.bob, attendance: { rsvp: 'yes', rsvpAt: at } });
    await member('Carol', { attendance: { rsvp: 'no', rsvpAt: at } });
    await member('Erin', { attendance: { staffMark: 'attended', markedBy: w.staff.id } });
    // Checked in with the code, but staff in the room marked her absent: staff win.
    const finn = await member('Finn', { attendance: { rsvp: 'yes', rsvpAt: at, checkedInAt: at, checkinMethod: 'code', staffMark: 'absent' } });
    // Withdrawn from the class, came anyway.
    await member('Dave', { status: 'withdrawn', attendance: { checkedInAt: at, checkinMethod: 'code' } });
    // Enrolled, said nothing, did not come.
    await member('Gail');

    expect(await tick('2026-03-02T23:14:00Z')).toBe(0);
    expect(await tick(DUE)).toBe(1);
    expect(await tick('2026-03-02T23:16:00Z')).toBe(0);

    const [summary] = await summaries();
    expect(summary).toMatchObject({ channel: 'slack', toAddress: `staff:${w.staff.id}`, clientId: null, idempotencyKey: `followup:attendance:${session.id}` });
    expect(attendancePayloadSchema.parse(JSON.parse(summary!.payload))).toEqual({
      classTitle: 'Parenting Together',
      when: formatWhen(session.startsAt, 'en', 'America/New_York'),
      enrolled: 6,
      rsvpYes: 3,
      rsvpNo: 1,
      rsvpNone: 2,
      checkedIn: 3,
      yesNoShow: ['Bob Tran', 'Finn'],
    });
    expect(summary!.text).toBe(
      core.t('en', 'staff.attendance_summary', { class: 'Parenting Together', when: formatWhen(session.startsAt, 'en', 'America/New_York'), enrolled: 6, checkedIn: 3, yesNoShow: 2 }),
    );
    // Those named are audited as read by the caseworker; the others are only counted.
    for (const c of [bob, finn]) {
      expect((await core.store.audit.listForClient(w.scope, c.id)).map((e) => [e.action, e.actorId, e.subjectId])).toEqual([['attendance_summary.view', w.staff.id, session.id]]);
    }
    expect(await core.store.audit.listForClient(w.scope, w.alice.id)).toEqual([]);
  });

  it('is sent once when two runs start at the same moment', async () => {
    await member('Alice', { client: w.alice, attendance: { rsvp: 'yes', rsvpAt: at } });
    const counts = await Promise.all([tick(DUE), tick(DUE)]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await summaries()).toHaveLength(1);
  });

  it('is still sent a few hours late after downtime, but not for sessions of days before', async () => {
    const older = sessionRow(core, series, { startsAt: Date.parse('2026-02-27T21:00:00Z'), endsAt: Date.parse('2026-02-27T23:00:00Z') });
    await insert(core, core.store.classes.insertSession(older));
    expect(await tick('2026-03-03T15:00:00Z')).toBe(1);
    expect((await summaries()).map((s) => s.idempotencyKey)).toEqual([`followup:attendance:${session.id}`]);
  });

  it('has nobody to go to for a class without a caseworker reachable in Slack', async () => {
    const loose = classRow(core, w.agency.id, { staffId: null });
    await insert(core, core.store.classes.insertSeries(loose), core.store.classes.insertSession(sessionRow(core, loose, { startsAt: session.startsAt, endsAt: session.endsAt })));
    await insert(core, core.store.staff.insert({ ...w.staff, id: 'stf_noslack', email: null, slackUserId: null, createdAt: 0 }));
    const unreachable = classRow(core, w.agency.id, { staffId: 'stf_noslack' });
    await insert(core, core.store.classes.insertSeries(unreachable), core.store.classes.insertSession(sessionRow(core, unreachable, { startsAt: session.startsAt, endsAt: session.endsAt })));
    expect(await tick(DUE)).toBe(1);
    expect(await summaries()).toHaveLength(1);
  });

  it('follows the agency’s setting', async () => {
    core = await makeCore('2026-03-02T12:00:00Z');
    w = await world(core, { staff: { slackUserId: 'U0DANA' }, settings: { attendanceSummaryAfterMinutes: 60 } });
    series = classRow(core, w.agency.id, { staffId: w.staff.id });
    session = sessionRow(core, series, { startsAt: Date.parse('2026-03-02T21:00:00Z'), endsAt: Date.parse('2026-03-02T23:00:00Z') });
    await insert(core, core.store.classes.insertSeries(series), core.store.classes.insertSession(session));
    expect(await tick(DUE)).toBe(0);
    expect(await tick('2026-03-03T00:00:00Z')).toBe(1);
  });
});
