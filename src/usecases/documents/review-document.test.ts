import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { documentRequestRow, insert, sampleFile, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import type { DocumentRequest } from '../../domain/types.ts';
import { reviewDocument } from './review-document.ts';
import { uploadDocument } from './upload-document.ts';

let core: TestCore;
let w: World;

/** What was queued for the client (the caseworker's own notice of an upload is not one). */
const clientNotices = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.staffId === null);

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
});

/** A request of Alice's with one file sent; returns the request and that file's id. */
const uploaded = async (over: Partial<DocumentRequest> = {}) => {
  const req = documentRequestRow(core, w.alice, over);
  await insert(core, core.store.documents.insertRequest(req));
  const up = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('jpeg'), channel: 'portal' });
  if (!up.ok) throw new Error(up.code);
  return { req, documentId: up.value.document.id };
};

describe('review a document', () => {
  it('accepts, tells the client in the same commit, and audits', async () => {
    const { req, documentId } = await uploaded({ kind: 'Lease' });
    const r = await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'accept', documentId });
    expect(r.ok && r.value).toMatchObject({ status: 'accepted', rejectionReason: null, version: 3 });
    expect(await core.store.documents.getRequest(w.scope, req.id)).toMatchObject({ status: 'accepted', version: 3 });
    const [notice] = await clientNotices();
    expect(notice).toMatchObject({
      template: 'notify.document_accepted',
      text: core.t('en', 'notify.document_accepted', { kind: 'Lease' }),
      idempotencyKey: `document_request:${req.id}:v3:accept`,
      toAddress: w.aliceSms.address,
    });
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((a) => [a.action, a.actorId])).toContainEqual(['document_request.accept', w.staff.id]);
  });

  it('rejects with a reason the client reads, neutrally worded when asked', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { neutralWording: true }));
    const { req } = await uploaded({ kind: 'Probation order' });
    const r = await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'reject', reason: ' The photo is cut off ' });
    expect(r.ok && r.value).toMatchObject({ status: 'rejected', rejectionReason: 'The photo is cut off' });
    const [notice] = await clientNotices();
    expect(notice?.template).toBe('notify.document_rejected_neutral');
    expect(notice?.text).toContain('The photo is cut off');
    expect(notice?.text).not.toMatch(/probation|caseworker/i);
  });

  it('writes the rejection in the client language', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'es' }));
    const { req } = await uploaded({ kind: 'Talón de pago' });
    await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'reject', reason: 'Falta la fecha' });
    const [notice] = await clientNotices();
    expect(notice?.text).toBe(core.t('es', 'notify.document_rejected', { kind: 'Talón de pago', reason: 'Falta la fecha' }));
  });

  it('reviews only a file awaiting review', async () => {
    const waiting = documentRequestRow(core, w.alice);
    await insert(core, core.store.documents.insertRequest(waiting));
    expect(await reviewDocument(core, w.asStaff, { requestId: waiting.id, decision: 'accept' })).toEqual({
      ok: false,
      code: 'not_reviewable',
      detail: { status: 'requested' },
    });
    const { req } = await uploaded();
    expect((await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'accept' })).ok).toBe(true);
    expect(await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'reject', reason: 'late' })).toMatchObject({
      code: 'not_reviewable',
    });
    expect(await clientNotices()).toHaveLength(1);
  });

  it('is a conflict when the client sent a newer file than the one reviewed, or the request moved on', async () => {
    const { req, documentId } = await uploaded();
    await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('png'), channel: 'portal' });
    expect(await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'accept', documentId })).toEqual({
      ok: false,
      code: 'conflict',
    });
    // A stale version loses cleanly too.
    const stale = core.store.documents.updateRequest(w.scope, req.id, 2, { status: 'accepted' }, core.clock.now());
    expect(await core.store.commit([stale])).toBe('conflict');
    expect(await core.store.documents.getRequest(w.scope, req.id)).toMatchObject({ status: 'uploaded', version: 3 });
    expect(await clientNotices()).toEqual([]);
  });

  it('refuses clients, bad input, and requests of another agency', async () => {
    const { req } = await uploaded();
    const system: Actor = { type: 'system', agencyId: w.agency.id, door: 'system' };
    expect(await reviewDocument(core, w.asAlice, { requestId: req.id, decision: 'accept' })).toEqual({ ok: false, code: 'forbidden' });
    expect(await reviewDocument(core, system, { requestId: req.id, decision: 'accept' })).toEqual({ ok: false, code: 'forbidden' });
    for (const bad of [
      { requestId: req.id, decision: 'reject', reason: '   ' },
      { requestId: req.id, decision: 'reject', reason: 'r'.repeat(501) },
      { requestId: req.id, decision: 'reject' },
      { requestId: req.id, decision: 'maybe' },
    ]) {
      expect(await reviewDocument(core, w.asStaff, bad as never)).toEqual({ ok: false, code: 'invalid' });
    }
    expect(await reviewDocument(core, w.asStaff, { requestId: 'drq_nothing', decision: 'accept' })).toEqual({ ok: false, code: 'not_found' });
    const other = await world(core);
    expect(await reviewDocument(core, other.asStaff, { requestId: req.id, decision: 'accept' })).toEqual({ ok: false, code: 'not_found' });
    const admin: Actor = { type: 'admin', agencyId: w.agency.id, door: 'cli' };
    const r = await reviewDocument(core, admin, { requestId: req.id, decision: 'reject', reason: 'r'.repeat(500) });
    expect(r.ok && r.value.status).toBe('rejected');
  });
});
