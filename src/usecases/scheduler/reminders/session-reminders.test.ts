import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../test/support/core.ts';
import {
  attendanceRow,
  channelRow,
  classRow,
  clientRow,
  enrollmentRow,
  insert,
  sessionRow,
  world,
  type World,
} from '../../../../test/support/fixtures.ts';
import { floorMinute } from '../../../domain/quiet-hours.ts';
import { parseAgencySettings } from '../../../domain/settings.ts';
import { DAY, MINUTE } from '../../../domain/time.ts';
import type { ClassSeries, ClassSession } from '../../../domain/types.ts';
import { runSessionReminders } from './session-reminders.ts';
import { deliverAll } from '../../../../test/support/deliver.ts';

let core: TestCore;
let w: World;
let series: ClassSeries & { createdAt: number };
let session: ClassSession & { createdAt: number };

// Monday 2 March 2026, 10:00 in New York; a class session on Tuesday at 10:00.
const TUESDAY_10 = Date.parse('2026-03-03T15:00:00Z');

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  series = classRow(core, w.agency.id);
  session = sessionRow(core, series, { startsAt: TUESDAY_10, endsAt: TUESDAY_10 + 90 * MINUTE });
  await insert(core, core.store.classes.insertSeries(series), core.store.classes.insertSession(session));
});

const tick = (at: number) => {
  core.clock.set(at);
  return runSessionReminders(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: floorMinute(at) });
};
const outbox = () => core.store.outbox.list(w.scope);

describe('class session reminders', () => {
  it('reminds each actively enrolled client once, a day before, unless they said they cannot come', async () => {
    const carol = clientRow(core, w.agency.id, { displayName: 'Carol Diaz' });
    const dan = clientRow(core, w.agency.id, { displayName: 'Dan Cole' });
    await insert(
      core,
      core.store.clients.insert(carol),
      core.store.clients.insert(dan),
      core.store.channels.insert(channelRow(core, carol)),
      core.store.channels.insert(channelRow(core, dan)),
      core.store.classes.insertEnrollment(enrollmentRow(core, series, w.alice)),
      core.store.classes.insertEnrollment(enrollmentRow(core, series, w.bob)),
      core.store.classes.insertEnrollment(enrollmentRow(core, series, carol, { status: 'withdrawn' })),
      core.store.classes.insertEnrollment(enrollmentRow(core, series, dan)),
      core.store.classes.upsertAttendance(attendanceRow(core, session, w.bob, { rsvp: 'no', rsvpAt: core.clock.now() })),
      core.store.classes.upsertAttendance(attendanceRow(core, session, dan, { rsvp: 'yes', rsvpAt: core.clock.now() })),
    );
    expect(await tick(TUESDAY_10 - DAY - MINUTE)).toBe(0);
    expect(await tick(TUESDAY_10 - DAY)).toBe(2);
    expect(await tick(TUESDAY_10 - DAY + MINUTE)).toBe(0);
    const rows = await outbox();
    expect(rows.map((r) => r.clientId).sort()).toEqual([w.alice.id, dan.id].sort());
    const alice = rows.find((r) => r.clientId === w.alice.id)!;
    expect(alice.idempotencyKey).toBe(`rem:session:${session.id}:${w.alice.id}:m1440@${TUESDAY_10}:sms`);
    expect(alice.template).toBe('reminder.session.sms');
    expect(alice.text).toContain('Parenting Together');
    expect(alice.text).toContain('Reply 1 if you will be there, 2 if you cannot come.');
    // Dan said yes already: only "I can't come" is offered.
    const danRow = rows.find((r) => r.clientId === dan.id)!;
    expect(JSON.parse(danRow.payload).actions).toEqual([{ kind: 'rsvp_no', sessionId: session.id, label: "I can't come" }]);
    expect(JSON.parse(alice.payload).actions.map((a: { kind: string }) => a.kind)).toEqual(['rsvp_yes', 'rsvp_no']);
    // the numbered answers' question opens once the text is on the phone, not before
    expect(await core.store.states.get(w.scope, 'sms', w.aliceSms.address, core.clock.now())).toBeNull();
    await deliverAll(core);
    const q = await core.store.states.get(w.scope, 'sms', w.aliceSms.address, core.clock.now());
    expect(q?.kind).toBe('session');
    expect(JSON.parse(q!.data)).toEqual({ sessionId: session.id });
  });

  it('names neither class nor place for a sensitive class', async () => {
    const sensitive = classRow(core, w.agency.id, { title: 'Recovery Group', sensitive: true });
    const s = sessionRow(core, sensitive, { startsAt: TUESDAY_10 });
    await insert(
      core,
      core.store.classes.insertSeries(sensitive),
      core.store.classes.insertSession(s),
      core.store.classes.insertEnrollment(enrollmentRow(core, sensitive, w.alice)),
    );
    await tick(TUESDAY_10 - DAY);
    const [row] = await outbox();
    expect(row!.template).toBe('reminder.session.sms_neutral');
    expect(row!.text).not.toMatch(/Recovery|class|group/i);
  });
});
