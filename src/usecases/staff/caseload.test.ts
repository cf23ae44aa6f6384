import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { appointmentRow, clientRow, documentRequestRow, insert, sampleFile, staffRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Client } from '../../domain/types.ts';
import { uploadDocument } from '../documents/upload-document.ts';
import { addInternalNote } from '../messaging/add-internal-note.ts';
import { recordInboundMessage } from '../messaging/record-inbound-message.ts';
import { sendStaffReply } from '../messaging/send-staff-reply.ts';
import { formatWhen } from '../shared/format.ts';
import { staffCaseload } from './caseload.ts';

let core: TestCore;
let w: World;
const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);
const ny = (iso: string) => formatWhen(at(iso), 'en', NY);

beforeEach(async () => {
  // Monday 2 March 2026, 10:00 in New York
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

let sms = 1;
const clientWrites = async (client: Client, body: string) => {
  const r = await recordInboundMessage(core, { type: 'system', agencyId: w.agency.id, door: 'sms' }, { clientId: client.id, channel: 'sms', body, source: 'twilio', externalId: `SM${sms++}` });
  expect(r.ok).toBe(true);
};
const caseload = (actor: Actor = w.asStaff) => staffCaseload(core, actor, { now: core.clock.now() });
const auditOf = async (client: Client) => (await core.store.audit.listForClient(w.scope, client.id)).filter((a) => a.action === 'caseload.view');

describe("a caseworker's caseload", () => {
  it('lists today, unconfirmed, new times, files and unanswered messages of their own clients only', async () => {
    const other = staffRow(core, w.agency.id, { name: 'Sam Other' });
    const carol = clientRow(core, w.agency.id, { displayName: 'Carol Otherson', staffId: other.id });
    await insert(
      core,
      core.store.staff.insert(other),
      core.store.clients.insert(carol),
      core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: at('2026-03-02T19:00:00Z'), status: 'confirmed' })),
      core.store.appointments.insert(appointmentRow(core, w.bob, { startsAt: at('2026-03-02T14:00:00Z'), status: 'scheduled' })),
      core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: at('2026-03-02T20:00:00Z'), status: 'cancelled' })),
      // 22:30 in New York: still today there
      core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: at('2026-03-03T03:30:00Z'), status: 'rescheduled' })),
      core.store.appointments.insert(appointmentRow(core, w.bob, { startsAt: at('2026-03-03T15:00:00Z'), status: 'scheduled' })),
      core.store.appointments.insert(
        appointmentRow(core, w.alice, { startsAt: at('2026-03-05T15:00:00Z'), status: 'reschedule_requested', statusBeforeRequest: 'confirmed', requestedStartsAt: at('2026-03-06T16:00:00Z') }),
      ),
      core.store.appointments.insert(appointmentRow(core, carol, { startsAt: at('2026-03-02T18:00:00Z'), status: 'scheduled', staffId: other.id })),
    );
    core.clock.set('2026-03-01T13:00:00Z');
    const req = documentRequestRow(core, w.bob, { kind: 'Lease' });
    await insert(core, core.store.documents.insertRequest(req));
    expect((await uploadDocument(core, { type: 'client', agencyId: w.agency.id, clientId: w.bob.id, door: 'portal' }, { clientId: w.bob.id, requestId: req.id, bytes: sampleFile('pdf'), channel: 'portal' })).ok).toBe(true);

    core.clock.set('2026-03-02T12:00:00Z');
    await clientWrites(w.alice, 'Is Monday still on?');
    expect((await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'Yes', idempotencyKey: 'r1' })).ok).toBe(true);
    core.clock.set('2026-03-02T13:00:00Z');
    await clientWrites(w.alice, 'Thanks');
    core.clock.set('2026-03-02T14:10:00Z');
    await clientWrites(w.alice, 'Can I bring my son?');
    await clientWrites(w.bob, 'Hello');
    // A note is no answer: Bob is still waiting.
    expect((await addInternalNote(core, w.asStaff, { clientId: w.bob.id, text: 'note: call him', idempotencyKey: 'n1' })).ok).toBe(true);
    await clientWrites(carol, 'Hi Sam');
    core.clock.set('2026-03-02T15:00:00Z');

    const r = await caseload();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      staffName: 'Dana Whitfield',
      timeZone: NY,
      today: [
        { clientName: 'Bob Tran', when: ny('2026-03-02T14:00:00Z'), confirmed: false },
        { clientName: 'Alice Moreno', when: ny('2026-03-02T19:00:00Z'), confirmed: true },
        { clientName: 'Alice Moreno', when: ny('2026-03-03T03:30:00Z'), confirmed: false },
      ],
      unconfirmed: [
        { clientName: 'Alice Moreno', when: ny('2026-03-03T03:30:00Z'), confirmed: false },
        { clientName: 'Bob Tran', when: ny('2026-03-03T15:00:00Z'), confirmed: false },
      ],
      pendingReschedules: [{ clientName: 'Alice Moreno', oldWhen: ny('2026-03-05T15:00:00Z'), newWhen: ny('2026-03-06T16:00:00Z') }],
      documentsToReview: [{ clientName: 'Bob Tran', requestKind: 'Lease', uploadedWhen: ny('2026-03-01T13:00:00Z') }],
      unreadMessages: [
        { clientName: 'Alice Moreno', count: 2, lastWhen: ny('2026-03-02T14:10:00Z') },
        { clientName: 'Bob Tran', count: 1, lastWhen: ny('2026-03-02T14:10:00Z') },
      ],
      paused: [],
    });
    expect(ny('2026-03-02T19:00:00Z')).toBe('Mon, Mar 2, 2:00 PM');

    // Each client named is audited for the caseworker, through Slack; the other caseworker's is not.
    for (const c of [w.alice, w.bob]) {
      expect((await auditOf(c)).map((a) => [a.actorType, a.actorId, a.channel, a.subjectType, a.subjectId])).toEqual([['staff', w.staff.id, 'slack', 'client', c.id]]);
    }
    expect(await auditOf(carol)).toEqual([]);
  });

  it('reads "today" on the caseworker’s own calendar', async () => {
    const paris = staffRow(core, w.agency.id, { name: 'Pia Paris', timeZone: 'Europe/Paris' });
    const zoe = clientRow(core, w.agency.id, { displayName: 'Zoe', staffId: paris.id });
    await insert(
      core,
      core.store.staff.insert(paris),
      core.store.clients.insert(zoe),
      // 16:30 on Monday in Paris
      core.store.appointments.insert(appointmentRow(core, zoe, { startsAt: at('2026-03-02T15:30:00Z'), status: 'confirmed' })),
      // 22:30 on Monday in New York, but Tuesday in Paris
      core.store.appointments.insert(appointmentRow(core, zoe, { startsAt: at('2026-03-03T03:30:00Z'), status: 'confirmed' })),
    );
    const r = await caseload({ type: 'staff', agencyId: w.agency.id, staffId: paris.id, door: 'slack' });
    expect(r.ok && r.value.today).toEqual([{ clientName: 'Zoe', when: formatWhen(at('2026-03-02T15:30:00Z'), 'en', 'Europe/Paris'), confirmed: true }]);
    expect(r.ok && r.value.today[0]?.when).toBe('Mon, Mar 2, 4:30 PM');
  });

  it('lists the clients whose messages are paused, longest paused first, and audits each one named', async () => {
    const cai = clientRow(core, w.agency.id, { displayName: 'Cai Lin', staffId: w.staff.id, pausedAt: at('2026-03-01T12:00:00Z'), pausedBy: 'client:sms' });
    await insert(
      core,
      core.store.clients.insert(cai),
      core.store.clients.update(w.scope, w.alice.id, { pausedAt: at('2026-03-02T14:00:00Z'), pausedBy: `staff:${w.staff.id}` }),
    );
    const r = await caseload();
    expect(r.ok && r.value.paused).toEqual([
      { clientName: 'Cai Lin', since: ny('2026-03-01T12:00:00Z') },
      { clientName: 'Alice Moreno', since: ny('2026-03-02T14:00:00Z') },
    ]);
    expect((await auditOf(cai)).map((a) => [a.actorId, a.subjectId])).toEqual([[w.staff.id, cai.id]]);
    expect(await auditOf(w.bob)).toEqual([]);
  });

  it('says nothing is waiting when nothing is, and audits no client', async () => {
    await insert(core, core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: at('2026-03-09T15:00:00Z'), status: 'confirmed' })));
    const r = await caseload();
    expect(r).toEqual({
      ok: true,
      value: { staffName: 'Dana Whitfield', timeZone: NY, today: [], unconfirmed: [], pendingReschedules: [], documentsToReview: [], unreadMessages: [], paused: [] },
    });
    expect(await auditOf(w.alice)).toEqual([]);
    expect(await auditOf(w.bob)).toEqual([]);
  });

  it('is only for staff, with a valid time, and a staff member who exists', async () => {
    expect(await caseload(w.asAlice)).toEqual({ ok: false, code: 'forbidden' });
    expect(await caseload({ type: 'admin', agencyId: w.agency.id, door: 'cli' })).toEqual({ ok: false, code: 'forbidden' });
    expect(await staffCaseload(core, w.asStaff, { now: -5 })).toEqual({ ok: false, code: 'invalid' });
    expect(await caseload({ type: 'staff', agencyId: w.agency.id, staffId: 'stf_nobody', door: 'slack' })).toEqual({ ok: false, code: 'not_found' });
    // Another agency's caseworker is nobody here.
    expect(await caseload({ ...w.asStaff, agencyId: 'agy_other' } as Actor)).toEqual({ ok: false, code: 'not_found' });
  });
});
