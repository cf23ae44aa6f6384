import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import {
  agencyRow,
  appointmentRow,
  attendanceRow,
  classRow,
  clientRow,
  documentRequestRow,
  enrollmentRow,
  insert,
  providerRow,
  sessionRow,
  world,
  type World,
} from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Conversation, Message, StoredDocument } from '../../domain/types.ts';
import { exportClient } from './export-client.ts';

let core: TestCore;
let w: World;
let admin: Actor;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  admin = { type: 'admin', agencyId: w.agency.id, adminId: 'os:ops', door: 'cli' };
});

const conversation = (): Conversation & { createdAt: number } => ({
  id: core.ids.newId('cnv'),
  agencyId: w.agency.id,
  clientId: w.alice.id,
  staffId: w.staff.id,
  slackThreadTs: null, slackChannel: null,
  lastInboundAt: null,
  lastOutboundAt: null,
  clientReadAt: null,
  createdAt: core.clock.now(),
});

const message = (conversationId: string, over: Partial<Message>): Message => ({
  id: core.ids.newId('msg'),
  agencyId: w.agency.id,
  conversationId,
  clientId: w.alice.id,
  direction: 'in',
  channel: 'sms',
  body: 'Hi',
  status: 'received',
  externalId: null,
  internal: false,
  staffId: null,
  outboxId: null,
  createdAt: core.clock.now(),
  ...over,
});

const storedDocument = (requestId: string): StoredDocument => ({
  id: core.ids.newId('doc'),
  agencyId: w.agency.id,
  clientId: w.alice.id,
  requestId,
  blobKey: 'docs/secret-key.pdf',
  sha256: 'ab'.repeat(32),
  detectedType: 'application/pdf',
  size: 2048,
  channel: 'portal',
  uploadedBy: w.alice.id,
  createdAt: core.clock.now(),
});

describe('export a client', () => {
  it('contains the whole record, internal notes included, and is audited', async () => {
    const clinic = providerRow(core, w.agency.id);
    const visit = appointmentRow(core, w.alice, { providerId: clinic.id, staffId: null, kind: 'Blood test' });
    const series = classRow(core, w.agency.id);
    const session = sessionRow(core, series);
    const request = documentRequestRow(core, w.alice, { status: 'uploaded' });
    const convo = conversation();
    await insert(
      core,
      core.store.providers.insert(clinic),
      core.store.appointments.insert(appointmentRow(core, w.alice)),
      core.store.appointments.insert(visit),
      core.store.appointments.insert(appointmentRow(core, w.bob)),
      core.store.classes.insertSeries(series),
      core.store.classes.insertSession(session),
      core.store.classes.insertEnrollment(enrollmentRow(core, series, w.alice)),
      core.store.classes.upsertAttendance(attendanceRow(core, session, w.alice, { rsvp: 'yes', rsvpAt: core.clock.now() })),
      core.store.documents.insertRequest(request),
      core.store.documents.insertDocument(storedDocument(request.id)),
      core.store.conversations.insert(convo),
      core.store.messages.insert(message(convo.id, { body: 'Can we move Monday?' })),
      core.store.messages.insert(message(convo.id, { direction: 'out', body: 'Private: check court date', internal: true, status: 'internal', staffId: w.staff.id })),
    );
    core.clock.advance(60_000);
    const r = await exportClient(core, admin, { clientId: w.alice.id });
    if (!r.ok) throw new Error(r.code);
    const rec = r.value;
    expect(rec.exportedAt).toBe(core.clock.now());
    expect(rec.agency).toEqual({ id: w.agency.id, name: w.agency.name });
    expect(rec.client).toEqual(w.alice);
    expect(rec.channels.map((c) => c.address)).toEqual(['+15555550101']);
    expect(rec.appointments).toHaveLength(2);
    expect(rec.appointments.every((a) => a.clientId === w.alice.id)).toBe(true);
    expect(rec.appointments.find((a) => a.id === visit.id)?.with).toMatchObject({ type: 'provider', name: clinic.name });
    expect(rec.classes).toHaveLength(1);
    expect(rec.classes[0]).toMatchObject({ series: { id: series.id }, enrollment: { status: 'active' } });
    expect(rec.classes[0]?.sessions.map((s) => [s.session.id, s.attendance?.rsvp])).toEqual([[session.id, 'yes']]);
    expect(rec.documentRequests.map((d) => d.id)).toEqual([request.id]);
    expect(rec.documents).toHaveLength(1);
    expect(rec.documents[0]).toMatchObject({ sha256: 'ab'.repeat(32), size: 2048, requestId: request.id });
    expect(rec.documents[0]).not.toHaveProperty('blobKey');
    expect(rec.conversation?.id).toBe(convo.id);
    expect(rec.conversation?.messages.map((m) => [m.body, m.internal])).toEqual([
      ['Can we move Monday?', false],
      ['Private: check court date', true],
    ]);
    expect(rec.audit.map((e) => [e.action, e.actorType, e.actorId, e.channel])).toEqual([
      ['client.export', 'admin', 'os:ops', 'cli'],
    ]);
    expect(JSON.stringify(rec)).not.toContain(w.bob.id);
  });

  it('gives a client with no conversation an empty record rather than an error', async () => {
    const r = await exportClient(core, admin, { clientId: w.bob.id });
    if (!r.ok) throw new Error(r.code);
    expect([r.value.conversation, r.value.appointments, r.value.classes, r.value.documents]).toEqual([null, [], [], []]);
  });

  it("refuses another agency's client as not found, and anyone but an admin", async () => {
    const other = agencyRow(core, { name: 'Elsewhere' });
    const stranger = clientRow(core, other.id);
    await insert(core, core.store.agencies.insert(other), core.store.clients.insert(stranger));
    expect(await exportClient(core, admin, { clientId: stranger.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await exportClient(core, admin, { clientId: 'cli_nobody' })).toEqual({ ok: false, code: 'not_found' });
    expect(await exportClient(core, w.asStaff, { clientId: w.alice.id })).toEqual({ ok: false, code: 'forbidden' });
    expect(await exportClient(core, w.asAlice, { clientId: w.alice.id })).toEqual({ ok: false, code: 'forbidden' });
    expect(await core.store.audit.listForClient({ agencyId: other.id }, stranger.id)).toEqual([]);
  });
});
