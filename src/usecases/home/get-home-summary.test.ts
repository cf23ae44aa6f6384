import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import {
  appointmentRow,
  classRow,
  documentRequestRow,
  enrollmentRow,
  insert,
  sessionRow,
  world,
  type World,
} from '../../../test/support/fixtures.ts';
import { DAY, HOUR } from '../../domain/time.ts';
import { markConversationRead } from '../messaging/mark-conversation-read.ts';
import { sendStaffReply } from '../messaging/send-staff-reply.ts';
import { getHomeSummary } from './get-home-summary.ts';

let core: TestCore;
let w: World;
const now = Date.parse('2026-03-02T15:00:00Z');

beforeEach(async () => {
  core = await makeCore(now);
  w = await world(core);
});

describe('home summary', () => {
  it('is empty for a client with nothing going on', async () => {
    expect(await getHomeSummary(core, w.asAlice, { clientId: w.alice.id })).toEqual({
      ok: true,
      value: { nextAppointment: null, nextSession: null, openRequests: [], unreadMessages: 0 },
    });
  });

  it('shows the next live appointment, the next session, open requests and unread messages', async () => {
    const parenting = classRow(core, w.agency.id);
    const ended = sessionRow(core, parenting, { startsAt: now - 3 * HOUR, endsAt: now - HOUR });
    const next = sessionRow(core, parenting, { startsAt: now + DAY, endsAt: now + DAY + HOUR });
    const later = sessionRow(core, parenting, { startsAt: now + 2 * DAY, endsAt: now + 2 * DAY + HOUR });
    const cancelled = appointmentRow(core, w.alice, { startsAt: now + HOUR, status: 'cancelled' });
    const soon = appointmentRow(core, w.alice, { startsAt: now + 2 * DAY, kind: 'Check-in' });
    const past = appointmentRow(core, w.alice, { startsAt: now - 2 * DAY, status: 'attended' });
    const bobs = appointmentRow(core, w.bob, { startsAt: now + 30 * 60_000 });
    const dueLater = documentRequestRow(core, w.alice, { kind: 'Lease', dueAt: now + 9 * DAY });
    const rejected = documentRequestRow(core, w.alice, { kind: 'Photo ID', status: 'rejected', rejectionReason: 'Blurry', dueAt: now + DAY });
    const uploaded = documentRequestRow(core, w.alice, { kind: 'Pay stub', status: 'uploaded' });
    const accepted = documentRequestRow(core, w.alice, { kind: 'Letter', status: 'accepted' });
    await insert(
      core,
      core.store.classes.insertSeries(parenting),
      ...[ended, next, later].map((s) => core.store.classes.insertSession(s)),
      core.store.classes.insertEnrollment(enrollmentRow(core, parenting, w.alice)),
      ...[cancelled, soon, past, bobs].map((a) => core.store.appointments.insert(a)),
      ...[dueLater, rejected, uploaded, accepted].map((r) => core.store.documents.insertRequest(r)),
    );
    await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'See you Wednesday', idempotencyKey: 'r1' });
    await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'Bring your ID', idempotencyKey: 'r2' });

    const r = await getHomeSummary(core, w.asAlice, { clientId: w.alice.id });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.nextAppointment?.id).toBe(soon.id);
    expect(r.value.nextAppointment?.with).toEqual({ type: 'staff', name: w.staff.name });
    expect(r.value.nextSession?.sessionId).toBe(next.id);
    expect(r.value.openRequests.map((x) => [x.kind, x.status, x.dueAt])).toEqual([
      ['Photo ID', 'rejected', now + DAY],
      ['Lease', 'requested', now + 9 * DAY],
    ]);
    expect(r.value.unreadMessages).toBe(2);

    core.clock.advance(1000);
    await markConversationRead(core, w.asAlice, { clientId: w.alice.id });
    const after = await getHomeSummary(core, w.asAlice, { clientId: w.alice.id });
    expect(after.ok && after.value.unreadMessages).toBe(0);
    const actions = (await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['appointments.list', 'class_sessions.list', 'document_requests.list', 'messages.unread_count']));
  });

  it('shows another client nothing, and refuses bad input', async () => {
    expect(await getHomeSummary(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await getHomeSummary(core, w.asAlice, { clientId: '' })).toEqual({ ok: false, code: 'invalid' });
    expect(await core.store.audit.listForClient(w.scope, w.alice.id)).toEqual([]);
  });
});
