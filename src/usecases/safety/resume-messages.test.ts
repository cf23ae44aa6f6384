import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { clientRow, insert, staffRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatWhen } from '../shared/format.ts';
import { pauseMessages } from './pause-messages.ts';
import { resumeMessages } from './resume-messages.ts';

let core: TestCore;
let w: World;
let pausedAt: number;

beforeEach(async () => {
  // Monday 2 March 2026, 10:00 in New York
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  await pauseMessages(core, w.asAlice, { clientId: w.alice.id });
  pausedAt = core.clock.now();
  core.clock.advance(3_600_000);
});

const alice = () => core.store.clients.get(w.scope, w.alice.id);
/** What was queued after the pause, the caseworker's card first. */
const newRows = async () =>
  (await core.store.outbox.list(w.scope)).filter((o) => o.createdAt > pausedAt).sort((a, b) => Number(b.channel === 'slack') - Number(a.channel === 'slack'));
const staffWhen = () => formatWhen(core.clock.now(), 'en', 'America/New_York');

describe('resumeMessages', () => {
  it('turns messages back on from the portal: cleared, audited, the caseworker and the client told', async () => {
    const r = await resumeMessages(core, w.asAlice, { clientId: w.alice.id });
    expect(r).toEqual({ ok: true, value: { resumed: true, pausedAt, pausedBy: 'client:portal', told: true } });
    expect(await alice()).toMatchObject({ pausedAt: null, pausedBy: null });
    const rows = await newRows();
    expect(rows.map((o) => [o.channel, o.template, o.toAddress])).toEqual([
      ['slack', 'staff.client_resumed', `staff:${w.staff.id}`],
      ['sms', 'safety.resumed', '+15555550101'],
    ]);
    expect(rows[0]?.text).toBe(core.t('en', 'staff.client_resumed', { client: 'Alice Moreno', when: staffWhen() }));
    expect(rows[1]).toMatchObject({ text: core.t('en', 'safety.resumed'), nextAttemptAt: core.clock.now() });
    const [audit] = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit).toMatchObject({ action: 'safety.resume', actorType: 'client', channel: 'portal' });
  });

  it('lets the caseworker resume, named on the card; the client is told in their allowed hours, neutrally if asked', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { neutralWording: true, contactWindowStart: 17 * 60, contactWindowEnd: 19 * 60 }));
    const r = await resumeMessages(core, w.asStaff, { clientId: w.alice.id });
    expect(r.ok && r.value.resumed).toBe(true);
    const [card, told] = await newRows();
    expect(card).toMatchObject({ template: 'staff.client_resumed_by_staff' });
    expect(card?.text).toBe(core.t('en', 'staff.client_resumed_by_staff', { by: 'Dana Whitfield', client: 'Alice Moreno', when: staffWhen() }));
    // 17:00 in New York that day
    expect(told).toMatchObject({ template: 'safety.resumed_neutral', nextAttemptAt: Date.parse('2026-03-02T22:00:00Z') });
    expect((await core.store.audit.listForClient(w.scope, w.alice.id))[0]).toMatchObject({ action: 'safety.resume', actorType: 'staff', actorId: w.staff.id });
  });

  it('does nothing for a client who is not paused, or resumed already', async () => {
    expect(await resumeMessages(core, w.asStaff, { clientId: w.bob.id })).toEqual({ ok: true, value: { resumed: false, pausedAt: null, pausedBy: null, told: false } });
    await resumeMessages(core, w.asAlice, { clientId: w.alice.id });
    const again = await resumeMessages(core, w.asStaff, { clientId: w.alice.id });
    expect(again.ok && again.value.resumed).toBe(false);
    expect(await newRows()).toHaveLength(2);
  });

  it('tells nobody on a phone when the client has no channel we may use', async () => {
    const quiet = clientRow(core, w.agency.id, { displayName: 'Cai Lin', staffId: w.staff.id, pausedAt: pausedAt, pausedBy: 'client:portal' });
    await insert(core, core.store.clients.insert(quiet));
    const r = await resumeMessages(core, w.asStaff, { clientId: quiet.id });
    expect(r.ok && r.value).toMatchObject({ resumed: true, told: false });
    expect((await newRows()).map((o) => o.channel)).toEqual(['slack']);
  });

  it('refuses the client by text (whoever holds the phone), others, bad input, and anyone but active staff', async () => {
    const gone = staffRow(core, w.agency.id, { active: false });
    await insert(core, core.store.staff.insert(gone));
    expect(await resumeMessages(core, w.asAlice, { clientId: '' })).toEqual({ ok: false, code: 'invalid' });
    expect(await resumeMessages(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await resumeMessages(core, w.asStaff, { clientId: 'cli_nope' })).toEqual({ ok: false, code: 'not_found' });
    const others: Actor[] = [
      { ...w.asAlice, door: 'sms' },
      { ...w.asAlice, door: 'telegram' },
      { type: 'admin', agencyId: w.agency.id, door: 'cli' },
      { type: 'system', agencyId: w.agency.id, door: 'scheduler' },
      { type: 'staff', agencyId: w.agency.id, staffId: gone.id, door: 'slack' },
    ];
    for (const actor of others) expect(await resumeMessages(core, actor, { clientId: w.alice.id })).toEqual({ ok: false, code: 'forbidden' });
    expect((await alice())?.pausedAt).toBe(pausedAt);
    expect(await newRows()).toEqual([]);
  });
});
