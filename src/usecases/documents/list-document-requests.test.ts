import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { documentRequestRow, insert, sampleFile, world, type World } from '../../../test/support/fixtures.ts';
import { DAY, MINUTE } from '../../domain/time.ts';
import type { DocumentRequest } from '../../domain/types.ts';
import { listDocumentRequests } from './list-document-requests.ts';
import { uploadDocument } from './upload-document.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
});

const add = async (over: Partial<DocumentRequest>) => {
  const r = documentRequestRow(core, w.alice, over);
  await insert(core, core.store.documents.insertRequest(r));
  return r;
};

describe('list document requests', () => {
  it('puts what the client must still send first, soonest due first, with the latest file of each', async () => {
    const now = core.clock.now();
    const done = await add({ kind: 'ID', status: 'accepted', dueAt: now - 5 * DAY });
    const waiting = await add({ kind: 'Lease', dueAt: now + 2 * DAY });
    const later = await add({ kind: 'Bank letter', dueAt: null });
    const soon = await add({ kind: 'Pay stub', status: 'rejected', rejectionReason: 'Cut off', dueAt: now + DAY });
    const late = await add({ kind: 'Birth certificate', dueAt: now - DAY });
    const sent = await add({ kind: 'Utility bill', dueAt: now + 3 * DAY });
    await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: sent.id, bytes: sampleFile('jpeg', 300), channel: 'sms' });
    core.clock.advance(MINUTE);
    const second = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: sent.id, bytes: sampleFile('pdf', 700), channel: 'portal' });

    const r = await listDocumentRequests(core, w.asAlice, { clientId: w.alice.id });
    expect(r.ok).toBe(true);
    if (!r.ok || !second.ok) return;
    expect(r.value.map((v) => v.id)).toEqual([late.id, soon.id, waiting.id, later.id, sent.id, done.id]);
    expect(r.value.map((v) => [v.status, v.open, v.overdue])).toEqual([
      ['requested', true, true],
      ['rejected', true, false],
      ['requested', true, false],
      ['requested', true, false],
      ['uploaded', true, false],
      ['accepted', false, false],
    ]);
    expect(r.value[1]).toMatchObject({ kind: 'Pay stub', rejectionReason: 'Cut off', dueAt: now + DAY, latestFile: null });
    expect(r.value[4]?.latestFile).toEqual({
      documentId: second.value.document.id,
      type: 'application/pdf',
      size: 700,
      uploadedAt: now + MINUTE,
    });
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((a) => [a.action, a.actorType])).toContainEqual(['document_requests.list', 'client']);
  });

  it("shows staff the list, and one client nothing of another's", async () => {
    await add({ kind: 'Lease' });
    const staffView = await listDocumentRequests(core, w.asStaff, { clientId: w.alice.id });
    expect(staffView.ok && staffView.value.map((v) => v.kind)).toEqual(['Lease']);
    expect(await listDocumentRequests(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    const bobs = await listDocumentRequests(core, w.asBob, { clientId: w.bob.id });
    expect(bobs.ok && bobs.value).toEqual([]);
    const other = await world(core);
    expect(await listDocumentRequests(core, other.asStaff, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
  });
});
