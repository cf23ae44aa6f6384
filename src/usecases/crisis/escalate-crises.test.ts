// Nobody acknowledges: the alert goes up a level every 10 minutes (the agency's setting), louder
// each time, until someone does; two scheduler runs at once escalate it once.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { insert, staffRow, world, type World } from '../../../test/support/fixtures.ts';
import { parseAgencySettings } from '../../domain/settings.ts';
import { MINUTE } from '../../domain/time.ts';
import { recordInboundMessage } from '../messaging/record-inbound-message.ts';
import { runScheduler } from '../scheduler/run-scheduler.ts';
import { SCHEDULER_JOBS } from '../scheduler/jobs.ts';
import { acknowledgeCrisis } from './acknowledge-crisis.ts';
import { crisisEscalationJob } from './escalate-crises.ts';

let core: TestCore;
let w: World;
let start: number;

beforeEach(async () => {
  core = await makeCore();
  w = await world(core, { staff: { slackUserId: 'U0DANA' } });
  await insert(
    core,
    core.store.staff.insert(staffRow(core, w.agency.id, { name: 'Luis Ortega', slackUserId: 'U0LUIS', role: 'supervisor', onCall: true })),
    core.store.staff.insert(staffRow(core, w.agency.id, { name: 'Mara Chen', slackUserId: 'U0MARA', role: 'supervisor' })),
    core.store.staff.insert(staffRow(core, w.agency.id, { name: 'Kim Park', slackUserId: 'U0KIM' })),
  );
  start = core.clock.now();
  const r = await recordInboundMessage(core, { type: 'system', agencyId: w.agency.id, door: 'sms' }, { clientId: w.alice.id, channel: 'sms', body: 'I want to kill myself', source: 'sms', externalId: 'SM1' });
  expect(r.ok).toBe(true);
});

const alert = async () => (await core.store.crisis.listForClient(w.scope, w.alice.id))[0]!;
const tick = (minutes: number) => {
  core.clock.set(start + minutes * MINUTE);
  return runScheduler(core, core.clock.now());
};
const escalations = async () =>
  (await core.store.outbox.list(w.scope))
    .filter((o) => o.template === 'staff.crisis_escalation')
    .map((o) => ({ key: o.idempotencyKey, ...(JSON.parse(o.payload) as { level: number; mention: string[]; everyone: boolean }) }))
    .sort((a, b) => a.level - b.level);
const escalatedAudits = async () => (await core.store.audit.listForClient(w.scope, w.alice.id)).filter((a) => a.action === 'crisis.escalated');

describe('escalating an unacknowledged crisis alert', () => {
  it('runs first in the scheduler', () => {
    expect(SCHEDULER_JOBS[0]).toBe(crisisEscalationJob);
  });

  it('waits the set time, then calls the on-call staff and supervisors, then the whole channel, and again after that', async () => {
    const { id } = await alert();
    expect((await tick(9)).done['crisis-escalation']).toBe(0);
    expect(await escalations()).toEqual([]);

    expect((await tick(10)).done['crisis-escalation']).toBe(1);
    expect(await alert()).toMatchObject({ level: 1, nextEscalationAt: start + 20 * MINUTE });
    const [first] = await escalations();
    expect(first).toMatchObject({ key: `crisis:${id}:L1`, level: 1, everyone: false, minutes: 10 });
    expect(first!.mention).toEqual(['U0DANA', 'U0LUIS', 'U0MARA']);

    await tick(15);
    expect(await escalations()).toHaveLength(1);
    await tick(20);
    await tick(30);
    const all = await escalations();
    expect(all.map((e) => [e.level, e.everyone])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    expect(all[1]!.mention).toEqual(['U0DANA', 'U0LUIS', 'U0MARA']);
    expect(await escalatedAudits()).toHaveLength(3);
    expect((await escalatedAudits())[0]).toMatchObject({ actorType: 'system', channel: 'scheduler', subjectId: id });
  });

  it('follows the agency’s interval', async () => {
    const { id } = await alert();
    const settings = { ...parseAgencySettings(w.agency.settings), crisisEscalationMinutes: 3 };
    expect(await crisisEscalationJob.run(core, { agency: w.agency, settings, now: start + 10 * MINUTE })).toBe(1);
    expect((await core.store.crisis.get(w.scope, id))?.nextEscalationAt).toBe(start + 13 * MINUTE);
  });

  it('escalates once when two runs go at once', async () => {
    core.clock.set(start + 10 * MINUTE);
    await Promise.all([runScheduler(core, core.clock.now()), runScheduler(core, core.clock.now()), runScheduler(core, core.clock.now())]);
    expect((await alert()).level).toBe(1);
    expect(await escalations()).toHaveLength(1);
    expect(await escalatedAudits()).toHaveLength(1);
  });

  it('stops once someone acknowledges', async () => {
    await tick(10);
    core.clock.set(start + 12 * MINUTE);
    expect((await acknowledgeCrisis(core, w.asStaff, { alertId: (await alert()).id })).ok).toBe(true);
    await tick(20);
    await tick(60);
    expect((await alert()).level).toBe(1);
    expect(await escalations()).toHaveLength(1);
  });
});
