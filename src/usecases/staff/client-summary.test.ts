import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { appointmentRow, attendanceRow, classRow, clientRow, documentRequestRow, enrollmentRow, insert, sessionRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Client } from '../../domain/types.ts';
import { formatDue } from '../documents/format-due.ts';
import { addInternalNote } from '../messaging/add-internal-note.ts';
import { recordInboundMessage } from '../messaging/record-inbound-message.ts';
import { sendStaffReply } from '../messaging/send-staff-reply.ts';
import { formatWhen } from '../shared/format.ts';
import { clientSummaryForStaff } from './client-summary.ts';
import { findClientForStaff, MAX_NAMED_MATCHES } from './find-client.ts';

let core: TestCore;
let w: World;
const at = (iso: string) => Date.parse(iso);
const ny = (iso: string) => formatWhen(at(iso), 'en', 'America/New_York');

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const summary = (query: string) => clientSummaryForStaff(core, w.asStaff, { query });
const actions = async (c: Client) => (await core.store.audit.listForClient(w.scope, c.id)).map((a) => a.action);
const found = async (query: string) => {
  const r = await findClientForStaff(core, w.asStaff, { query });
  return r.ok ? r.value.id : r.code;
};

describe('finding the client a caseworker means', () => {
  it('by SMS number however it is written, by case number, or by name in any case and accents', async () => {
    const jose = clientRow(core, w.agency.id, { displayName: 'José  Pérez', externalRef: 'DEMO-0101' });
    await insert(core, core.store.clients.insert(jose));
    for (const q of ['+15555550101', '(555) 555-0101', '555.555.0101', 'alice moreno', 'ALICE MORENO', 'moreno']) expect(await found(q), q).toBe(w.alice.id);
    for (const q of ['DEMO-0101', 'demo-0101', 'jose perez', 'JOSÉ PÉREZ', 'pérez']) expect(await found(q), q).toBe(jose.id);
    expect(await found('5555550102')).toBe(w.bob.id);
  });

  it('by the number a client signs in with when they have no SMS channel, and a number no one has as nobody', async () => {
    const cy = clientRow(core, w.agency.id, { displayName: 'Cy' });
    await insert(core, core.store.clients.insert(cy), core.store.channels.insert({ id: 'chn_cy', agencyId: w.agency.id, clientId: cy.id, kind: 'portal', address: '+15555550199', verified: true, consentGivenAt: null, consentWithdrawnAt: null, createdAt: 1 }));
    expect(await found('555 555 0199')).toBe(cy.id);
    expect(await found('555 555 0100')).toBe('not_found');
  });

  it('prefers a whole name to a part of one, and names the clients when several match', async () => {
    const more = ['Ana Lee', 'Ana Lee', 'Anabel Cruz'].map((displayName) => clientRow(core, w.agency.id, { displayName }));
    await insert(core, ...more.map((c) => core.store.clients.insert(c)));
    const both = await findClientForStaff(core, w.asStaff, { query: 'ana lee' });
    expect(both).toEqual({ ok: false, code: 'ambiguous', detail: { count: 2, names: 'Ana Lee\nAna Lee' } });
    expect(await found('anabel')).toBe(more[2]!.id);
    // No whole name is "ana": every name containing it.
    expect(await findClientForStaff(core, w.asStaff, { query: 'ana' })).toEqual({ ok: false, code: 'ambiguous', detail: { count: 3, names: 'Ana Lee\nAna Lee\nAnabel Cruz' } });
    // Each client named in the answer was shown: audited.
    for (const c of more) expect(await actions(c)).toContain('client.search_match');
    expect(await actions(w.alice)).not.toContain('client.search_match');
  });

  it(`names at most ${MAX_NAMED_MATCHES} and counts them all`, async () => {
    const many = Array.from({ length: MAX_NAMED_MATCHES + 3 }, (_, i) => clientRow(core, w.agency.id, { displayName: `Kim ${String(i).padStart(2, '0')}` }));
    await insert(core, ...many.map((c) => core.store.clients.insert(c)));
    const r = await findClientForStaff(core, w.asStaff, { query: 'kim' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.detail?.count).toBe(MAX_NAMED_MATCHES + 3);
    expect(String(r.detail?.names).split('\n')).toEqual(many.slice(0, MAX_NAMED_MATCHES).map((c) => c.displayName));
    expect(await actions(many.at(-1)!)).not.toContain('client.search_match');
  });

  it('refuses clients, blank queries and finds nobody of another agency', async () => {
    expect(await findClientForStaff(core, w.asAlice, { query: 'Bob Tran' })).toEqual({ ok: false, code: 'forbidden' });
    expect(await findClientForStaff(core, w.asStaff, { query: '   ' })).toEqual({ ok: false, code: 'invalid' });
    expect(await findClientForStaff(core, { ...w.asStaff, agencyId: 'agy_other' }, { query: 'Bob Tran' })).toEqual({ ok: false, code: 'not_found' });
  });
});

describe("a client's summary for a caseworker", () => {
  it('shows how to reach them, what is coming, what is open and the last messages, in the caseworker’s time', async () => {
    const series = classRow(core, w.agency.id, { title: 'Parenting Together' });
    const session = sessionRow(core, series, { startsAt: at('2026-03-04T23:00:00Z'), endsAt: at('2026-03-05T01:00:00Z') });
    await insert(
      core,
      core.store.appointments.insert(appointmentRow(core, w.alice, { kind: 'Check-in', startsAt: at('2026-03-03T15:00:00Z'), status: 'confirmed' })),
      core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: at('2026-03-04T15:00:00Z'), status: 'cancelled' })),
      core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: at('2026-02-20T15:00:00Z'), status: 'attended' })),
      core.store.appointments.insert(appointmentRow(core, w.bob, { startsAt: at('2026-03-03T16:00:00Z') })),
      core.store.classes.insertSeries(series),
      core.store.classes.insertSession(session),
      core.store.classes.insertEnrollment(enrollmentRow(core, series, w.alice)),
      core.store.classes.upsertAttendance(attendanceRow(core, session, w.alice, { rsvp: 'yes', rsvpAt: core.clock.now() })),
      core.store.documents.insertRequest(documentRequestRow(core, w.alice, { kind: 'Pay stub', dueAt: at('2026-03-06T22:00:00Z') })),
      core.store.documents.insertRequest(documentRequestRow(core, w.alice, { kind: 'Lease', dueAt: null, status: 'uploaded' })),
      core.store.documents.insertRequest(documentRequestRow(core, w.alice, { kind: 'ID', status: 'accepted' })),
    );
    const inbound = await recordInboundMessage(core, { type: 'system', agencyId: w.agency.id, door: 'sms' }, { clientId: w.alice.id, channel: 'sms', body: 'Is Tuesday\nstill on?', source: 'twilio', externalId: 'SM1' });
    expect(inbound.ok).toBe(true);
    core.clock.advance(60_000);
    await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'Yes, see you.', idempotencyKey: 'r1' });
    core.clock.advance(60_000);
    await addInternalNote(core, w.asStaff, { clientId: w.alice.id, text: 'note: bring forms', idempotencyKey: 'n1' });

    const r = await summary('alice');
    expect(r).toEqual({
      ok: true,
      value: {
        clientId: w.alice.id,
        name: 'Alice Moreno',
        phone: '+15555550101',
        language: 'en',
        neutral: false,
        sensitive: false,
        pausedSince: null,
        nextAppointments: [{ when: ny('2026-03-03T15:00:00Z'), kind: 'Check-in', status: 'confirmed' }],
        classes: [{ title: 'Parenting Together', when: ny('2026-03-04T23:00:00Z'), rsvp: 'yes' }],
        openRequests: [
          { kind: 'Pay stub', due: formatDue(at('2026-03-06T22:00:00Z'), 'en', 'America/New_York'), status: 'requested' },
          { kind: 'Lease', due: null, status: 'uploaded' },
        ],
        lastMessages: [
          { direction: 'in', body: 'Is Tuesday\nstill on?', when: ny('2026-03-02T15:00:00Z'), internal: false },
          { direction: 'out', body: 'Yes, see you.', when: ny('2026-03-02T15:01:00Z'), internal: false },
          { direction: 'out', body: expect.stringContaining('bring forms'), when: ny('2026-03-02T15:02:00Z'), internal: true },
        ],
      },
    });
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).filter((a) => a.action === 'client.view').map((a) => [a.actorId, a.channel])).toEqual([[w.staff.id, 'slack']]);
    expect(await actions(w.bob)).not.toContain('client.view');
  });

  it('says when texts must be neutral and the record is sensitive, and when there is no phone', async () => {
    const dee = clientRow(core, w.agency.id, { displayName: 'Dee', sensitive: true, language: 'es', pausedAt: at('2026-03-01T12:00:00Z'), pausedBy: 'client:sms' });
    await insert(core, core.store.clients.insert(dee));
    const r = await summary('dee');
    expect(r.ok && r.value).toMatchObject({ name: 'Dee', phone: null, language: 'es', neutral: true, sensitive: true, nextAppointments: [], classes: [], openRequests: [], lastMessages: [] });
    // and that messages are paused, since when (as the caseworker reads it)
    expect(r.ok && r.value.pausedSince).toBe(ny('2026-03-01T12:00:00Z'));
  });

  it('refuses what the finder refuses, and shows nothing then', async () => {
    await insert(core, core.store.clients.insert(clientRow(core, w.agency.id, { displayName: 'Alice Moreno' })));
    expect(await summary('Alice Moreno')).toMatchObject({ ok: false, code: 'ambiguous', detail: { count: 2 } });
    expect(await summary('Nobody Here')).toEqual({ ok: false, code: 'not_found' });
    expect(await summary('')).toEqual({ ok: false, code: 'invalid' });
    expect(await clientSummaryForStaff(core, w.asBob, { query: 'Alice' })).toEqual({ ok: false, code: 'forbidden' });
    expect(await actions(w.alice)).not.toContain('client.view');
  });
});
