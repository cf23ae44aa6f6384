import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { documentRequestRow, insert, sampleFile, world, type World } from '../../../test/support/fixtures.ts';
import type { DocumentRequest } from '../../domain/types.ts';
import { sha256Hex } from '../../domain/secrets.ts';
import type { BlobStore } from '../../ports/blob-store.ts';
import type { Store } from '../../ports/store.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { limitInMb, uploadDocument } from './upload-document.ts';
import { reviewDocument } from './review-document.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
});

const addRequest = async (over: Partial<DocumentRequest> = {}) => {
  const r = documentRequestRow(core, w.alice, over);
  await insert(core, core.store.documents.insertRequest(r));
  return r;
};
const state = async (requestId: string) => ({
  request: await core.store.documents.getRequest(w.scope, requestId),
  files: (await core.store.documents.listForClient(w.scope, w.alice.id)).filter((d) => d.requestId === requestId),
  blobs: core.blobs.keys(),
});

describe('upload: the type comes from the bytes', () => {
  const cases = [
    ['pdf', 'application/pdf', 'pdf'],
    ['jpeg', 'image/jpeg', 'jpg'],
    ['png', 'image/png', 'png'],
    ['heic', 'image/heic', 'heic'],
    ['webp', 'image/webp', 'webp'],
  ] as const;

  it.each(cases)('stores a %s file, then records it and marks the request uploaded', async (kind, type, ext) => {
    const req = await addRequest();
    const bytes = sampleFile(kind, 600);
    // What the sender claims is never what decides.
    const r = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes, channel: 'telegram', declaredType: 'text/plain' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.document).toMatchObject({ detectedType: type, size: 600, channel: 'telegram', uploadedBy: `client:${w.alice.id}`, requestId: req.id });
    expect(r.value.document.sha256).toBe(await sha256Hex(bytes));
    expect(r.value.document).not.toHaveProperty('blobKey');
    expect(r.value.request).toMatchObject({ status: 'uploaded', version: 2 });
    const s = await state(req.id);
    expect(s.request).toMatchObject({ status: 'uploaded', version: 2 });
    const [file] = s.files;
    expect(file?.blobKey).toBe(`docs/${w.agency.id}/${r.value.document.id}.${ext}`);
    expect(s.blobs).toEqual([file?.blobKey]);
    expect(await core.blobs.get(file?.blobKey ?? '')).toEqual(bytes);
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((a) => [a.action, a.subjectId, a.channel])).toContainEqual(['document.upload', r.value.document.id, 'portal']);
  });

  it('refuses a web page named like a PDF, and writes nothing', async () => {
    const req = await addRequest();
    const r = await uploadDocument(core, w.asAlice, {
      clientId: w.alice.id,
      requestId: req.id,
      bytes: sampleFile('html'),
      channel: 'portal',
      declaredType: 'application/pdf',
    });
    expect(r).toEqual({ ok: false, code: 'unsupported_type' });
    expect(await state(req.id)).toMatchObject({ request: { status: 'requested', version: 1 }, files: [], blobs: [] });
  });

  it('refuses an empty file and malformed input', async () => {
    const req = await addRequest();
    const base = { clientId: w.alice.id, requestId: req.id, channel: 'portal' as const };
    expect(await uploadDocument(core, w.asAlice, { ...base, bytes: new Uint8Array(0) })).toEqual({ ok: false, code: 'empty_file' });
    expect(await uploadDocument(core, w.asAlice, { ...base, bytes: 'JVBERi0=' as never })).toEqual({ ok: false, code: 'invalid' });
    expect(await uploadDocument(core, w.asAlice, { ...base, channel: 'email' as never, bytes: sampleFile('pdf') })).toEqual({
      ok: false,
      code: 'invalid',
    });
  });
});

describe('upload: size limit from the agency settings', () => {
  it('takes a file at the limit and refuses one byte more, saying the limit', async () => {
    core = await makeCore('2026-02-25T15:00:00Z');
    w = await world(core, { settings: { uploadMaxBytes: 2048 } });
    const req = await addRequest();
    const base = { clientId: w.alice.id, requestId: req.id, channel: 'portal' as const };
    expect(await uploadDocument(core, w.asAlice, { ...base, bytes: sampleFile('png', 2049) })).toEqual({
      ok: false,
      code: 'too_large',
      detail: { maxMb: 0.002 },
    });
    expect(core.blobs.keys()).toEqual([]);
    expect((await uploadDocument(core, w.asAlice, { ...base, bytes: sampleFile('png', 2048) })).ok).toBe(true);
  });

  it('states the limit in MB without ever overstating it', () => {
    expect(limitInMb(20 * 1024 * 1024)).toBe(20);
    expect(limitInMb(1.55 * 1024 * 1024)).toBe(1.5);
    expect(limitInMb(1024)).toBe(0.00098);
  });
});

describe('upload: which requests take a file', () => {
  it('replaces a rejected file: the new one is the latest, the old one is kept', async () => {
    const req = await addRequest();
    const base = { clientId: w.alice.id, requestId: req.id, channel: 'sms' as const };
    const first = await uploadDocument(core, w.asAlice, { ...base, bytes: sampleFile('jpeg') });
    await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'reject', reason: 'Too blurry' });
    expect((await state(req.id)).request).toMatchObject({ status: 'rejected', rejectionReason: 'Too blurry' });
    const second = await uploadDocument(core, w.asAlice, { ...base, bytes: sampleFile('pdf') });
    expect(second.ok && second.value.request).toMatchObject({ status: 'uploaded', rejectionReason: null, version: 4 });
    const s = await state(req.id);
    expect(s.request).toMatchObject({ status: 'uploaded', rejectionReason: null });
    expect(s.files.map((f) => f.id)).toEqual([first.ok && first.value.document.id, second.ok && second.value.document.id]);
    expect((await core.store.documents.latestForRequest(w.scope, req.id))?.detectedType).toBe('application/pdf');
    expect(s.blobs).toHaveLength(2);
  });

  it('lets the client replace a file before review, but not after it was accepted', async () => {
    const req = await addRequest();
    const base = { clientId: w.alice.id, requestId: req.id, channel: 'portal' as const };
    expect((await uploadDocument(core, w.asAlice, { ...base, bytes: sampleFile('jpeg') })).ok).toBe(true);
    const again = await uploadDocument(core, w.asAlice, { ...base, bytes: sampleFile('png') });
    expect(again.ok && again.value.request.version).toBe(3);
    await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'accept' });
    expect(await uploadDocument(core, w.asAlice, { ...base, bytes: sampleFile('pdf') })).toEqual({
      ok: false,
      code: 'not_uploadable',
      detail: { status: 'accepted' },
    });
    expect(core.blobs.keys()).toHaveLength(2);
  });

  it("never attaches a file to another client's request", async () => {
    const req = await addRequest();
    const bytes = sampleFile('pdf');
    for (const [actor, clientId] of [
      [w.asBob, w.bob.id],
      [w.asBob, w.alice.id],
    ] as const) {
      expect(await uploadDocument(core, actor, { clientId, requestId: req.id, bytes, channel: 'portal' })).toEqual({
        ok: false,
        code: 'not_found',
      });
    }
    expect(await uploadDocument(core, w.asStaff, { clientId: w.bob.id, requestId: req.id, bytes, channel: 'slack' })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await state(req.id)).toMatchObject({ request: { status: 'requested' }, files: [], blobs: [] });
  });

  it('lets staff upload on the client behalf, recording who did', async () => {
    const req = await addRequest();
    const r = await uploadDocument(core, w.asStaff, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('pdf'), channel: 'slack' });
    expect(r.ok && r.value.document).toMatchObject({ uploadedBy: `staff:${w.staff.id}`, channel: 'slack', clientId: w.alice.id });
  });
});

describe('upload: file and record stay together', () => {
  it('says storage_failed and writes no row when the blob store fails', async () => {
    const req = await addRequest();
    const broken: BlobStore = { ...core.blobs, put: async () => Promise.reject(new Error('disk full')) };
    const deps: CoreDeps = { ...core, blobs: broken };
    const r = await uploadDocument(deps, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('pdf'), channel: 'portal' });
    expect(r).toEqual({ ok: false, code: 'storage_failed' });
    expect(await state(req.id)).toMatchObject({ request: { status: 'requested', version: 1 }, files: [], blobs: [] });
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => a.action)).not.toContain('document.upload');
  });

  it('deletes its file when a concurrent upload wins the race', async () => {
    const req = await addRequest();
    const input = { clientId: w.alice.id, requestId: req.id, channel: 'portal' as const };
    let winner: Awaited<ReturnType<typeof uploadDocument>> | null = null;
    // While the first upload is storing its file, a second one (from another phone) completes.
    const racing: BlobStore = {
      ...core.blobs,
      async put(key, bytes, type) {
        winner ??= await uploadDocument(core, w.asAlice, { ...input, bytes: sampleFile('png') });
        await core.blobs.put(key, bytes, type);
      },
    };
    const lost = await uploadDocument({ ...core, blobs: racing }, w.asAlice, { ...input, bytes: sampleFile('jpeg') });
    expect(lost).toEqual({ ok: false, code: 'conflict' });
    const s = await state(req.id);
    expect(s.files.map((f) => f.detectedType)).toEqual(['image/png']);
    expect(s.blobs).toEqual([s.files[0]?.blobKey]);
    expect(winner).toMatchObject({ ok: true });
  });

  it('deletes its file when the commit fails, and keeps it when only the reply was lost', async () => {
    const req = await addRequest();
    const input = { clientId: w.alice.id, requestId: req.id, channel: 'portal' as const, bytes: sampleFile('pdf') };
    const failing: Store = { ...core.store, commit: async () => Promise.reject(new Error('database unreachable')) };
    await expect(uploadDocument({ ...core, store: failing }, w.asAlice, input)).rejects.toThrow('database unreachable');
    expect(await state(req.id)).toMatchObject({ files: [], blobs: [] });

    const replyLost: Store = {
      ...core.store,
      commit: async (writes) => {
        await core.store.commit(writes);
        throw new Error('connection reset');
      },
    };
    const r = await uploadDocument({ ...core, store: replyLost }, w.asAlice, input);
    expect(r.ok).toBe(true);
    const s = await state(req.id);
    expect(s.request?.status).toBe('uploaded');
    expect(s.blobs).toEqual([s.files[0]?.blobKey]);
  });
});

describe('upload: the caseworker is told', () => {
  it('queues one notice to whoever asked for the file, with the request, type and size, when the client sends it', async () => {
    const req = await addRequest({ staffId: w.staff.id, kind: 'Proof of address' });
    const r = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('pdf', 3 * 1024), channel: 'telegram' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const staffRows = (await core.store.outbox.list(w.scope)).filter((o) => o.channel === 'slack');
    expect(staffRows).toHaveLength(1);
    expect(staffRows[0]).toMatchObject({
      staffId: w.staff.id,
      clientId: w.alice.id,
      toAddress: `staff:${w.staff.id}`,
      template: 'staff.document_uploaded',
      idempotencyKey: `doc-uploaded:${r.value.document.id}`,
      text: core.t('en', 'staff.document_uploaded', { client: 'Alice Moreno', request: 'Proof of address', type: core.t('en', 'portal.documents.type.pdf'), size: '3 KB', channel: 'telegram' }),
    });
    expect(JSON.parse(staffRows[0]!.payload)).toEqual({ documentId: r.value.document.id, requestId: req.id, requestKind: 'Proof of address', detectedType: 'application/pdf', size: 3 * 1024, channel: 'telegram' });
  });

  it('queues nothing for staff when staff add the file themselves', async () => {
    const req = await addRequest({ staffId: w.staff.id });
    const r = await uploadDocument(core, w.asStaff, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('pdf', 600), channel: 'slack' });
    expect(r.ok).toBe(true);
    expect((await core.store.outbox.list(w.scope)).filter((o) => o.channel === 'slack')).toEqual([]);
  });

  it('queues nothing when a refused file changed nothing', async () => {
    const req = await addRequest({ staffId: w.staff.id });
    const r = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes: new TextEncoder().encode('plain text'), channel: 'portal' });
    expect(r.ok).toBe(false);
    expect(await core.store.outbox.list(w.scope)).toEqual([]);
  });
});

describe('upload: a client without a caseworker', () => {
  it('still tells the agency, on the unassigned queue', async () => {
    const req = await addRequest({ staffId: null });
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { staffId: null }));
    const alice = { ...w.asAlice };
    const r = await uploadDocument(core, alice, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('pdf', 600), channel: 'sms' });
    expect(r.ok).toBe(true);
    const staffRows = (await core.store.outbox.list(w.scope)).filter((o) => o.channel === 'slack');
    expect(staffRows.map((o) => [o.toAddress, o.staffId])).toEqual([['staff:unassigned', null]]);
  });
});
