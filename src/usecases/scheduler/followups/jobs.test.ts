import { describe, expect, it } from 'vitest';
import { makeCore } from '../../../../test/support/core.ts';
import { appointmentRow, insert, world } from '../../../../test/support/fixtures.ts';
import { SCHEDULER_JOBS } from '../jobs.ts';
import { runScheduler } from '../run-scheduler.ts';
import { FOLLOWUP_JOBS } from './jobs.ts';

describe('the follow-up jobs in the scheduler', () => {
  it('are each registered once, under their own names', () => {
    for (const job of FOLLOWUP_JOBS) expect(SCHEDULER_JOBS.filter((j) => j === job)).toHaveLength(1);
    const names = SCHEDULER_JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('run on the scheduler’s tick: a missed appointment and the morning digest at 09:00', async () => {
    const core = await makeCore('2026-03-02T12:00:00Z');
    const w = await world(core, { staff: { slackUserId: 'U0DANA' } });
    // Monday 2 March, 07:00–07:30 in New York: missed by 08:30, told in the digest at 09:00.
    const a = appointmentRow(core, w.alice, { startsAt: Date.parse('2026-03-02T12:00:00Z'), durationMinutes: 30 });
    await insert(core, core.store.appointments.insert(a));
    const report = await runScheduler(core, Date.parse('2026-03-02T14:00:20Z'));
    expect(report.failed).toEqual([]);
    expect(report.done).toMatchObject({ 'missed-appointments': 1, 'daily-digest': 1 });
    const templates = (await core.store.outbox.list(w.scope)).map((o) => o.template);
    expect(templates).toEqual(expect.arrayContaining(['staff.appointment_missed', 'followup.missed', 'staff.daily_digest']));
    // The digest is written after the appointment was marked: it shows it missed.
    const digest = (await core.store.outbox.list(w.scope)).find((o) => o.template === 'staff.daily_digest')!;
    expect(JSON.parse(digest.payload).appointments).toMatchObject([{ clientName: 'Alice Moreno', status: 'missed' }]);
    // The next tick finds it all done.
    const again = await runScheduler(core, Date.parse('2026-03-02T14:01:00Z'));
    expect(again.done).toMatchObject({ 'missed-appointments': 0, 'daily-digest': 0 });
  });
});
