import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { insert, staffRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { recordInboundMessage } from '../messaging/record-inbound-message.ts';
import { acknowledgeCrisis } from './acknowledge-crisis.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
});

/** Alice texts a crisis; the alert it raised. */
const raise = async (world: World = w) => {
  const r = await recordInboundMessage(core, { type: 'system', agencyId: world.agency.id, door: 'sms' }, {
    clientId: world.alice.id,
    channel: 'sms',
    body: 'I want to kill myself',
    source: 'sms',
    externalId: `SM-${world.agency.id}`,
  });
  expect(r.ok).toBe(true);
  return (await core.store.crisis.listForClient(world.scope, world.alice.id))[0]!;
};
const ack = (actor: Actor, alertId: string) => acknowledgeCrisis(core, actor, { alertId });

describe('acknowledging a crisis alert', () => {
  it('records who and when, stops the escalation, and audits it', async () => {
    const alert = await raise();
    core.clock.advance(3 * 60_000);
    const r = await ack(w.asStaff, alert.id);
    expect(r.ok && r.value.staff.id).toBe(w.staff.id);
    expect(await core.store.crisis.get(w.scope, alert.id)).toMatchObject({ acknowledgedAt: core.clock.now(), acknowledgedBy: w.staff.id, nextEscalationAt: null });
    expect(await core.store.crisis.listDue(w.scope, core.clock.now() + 60 * 60_000)).toEqual([]);
    const audit = (await core.store.audit.listForClient(w.scope, w.alice.id)).find((a) => a.action === 'crisis.acknowledge');
    expect(audit).toMatchObject({ actorType: 'staff', actorId: w.staff.id, subjectType: 'crisis_alert', subjectId: alert.id });
  });

  it('is done once: a second press, or two at once, is told it was already acknowledged', async () => {
    const alert = await raise();
    const other = staffRow(core, w.agency.id, { name: 'Luis Ortega' });
    await insert(core, core.store.staff.insert(other));
    const asLuis: Actor = { type: 'staff', agencyId: w.agency.id, staffId: other.id, door: 'slack' };
    const both = await Promise.all([ack(w.asStaff, alert.id), ack(asLuis, alert.id)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toEqual({ ok: false, code: 'already_acknowledged' });
    expect(await ack(w.asStaff, alert.id)).toEqual({ ok: false, code: 'already_acknowledged' });
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).filter((a) => a.action === 'crisis.acknowledge')).toHaveLength(1);
  });

  it('is for active staff of the agency only', async () => {
    const alert = await raise();
    expect(await ack(w.asAlice, alert.id)).toEqual({ ok: false, code: 'forbidden' });
    expect(await ack({ type: 'admin', agencyId: w.agency.id, door: 'cli' }, alert.id)).toEqual({ ok: false, code: 'forbidden' });
    expect(await ack({ type: 'system', agencyId: w.agency.id, door: 'scheduler' }, alert.id)).toEqual({ ok: false, code: 'forbidden' });
    const gone = staffRow(core, w.agency.id, { active: false });
    await insert(core, core.store.staff.insert(gone));
    expect(await ack({ type: 'staff', agencyId: w.agency.id, staffId: gone.id, door: 'slack' }, alert.id)).toEqual({ ok: false, code: 'forbidden' });
    expect(await ack({ type: 'staff', agencyId: w.agency.id, staffId: 'stf_nobody', door: 'slack' }, alert.id)).toEqual({ ok: false, code: 'forbidden' });
    expect((await core.store.crisis.get(w.scope, alert.id))?.acknowledgedAt).toBeNull();
  });

  it('finds no alert of another agency, nor one that does not exist', async () => {
    const theirs = await raise(await world(core));
    expect(await ack(w.asStaff, theirs.id)).toEqual({ ok: false, code: 'not_found' });
    expect(await ack(w.asStaff, 'crs_nothing')).toEqual({ ok: false, code: 'not_found' });
    expect(await ack(w.asStaff, '')).toEqual({ ok: false, code: 'invalid' });
  });
});
