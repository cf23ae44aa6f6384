import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { documentRequestRow, insert, sampleFile, world, type World } from '../../../test/support/fixtures.ts';
import type { BlobStore } from '../../ports/blob-store.ts';
import { getDocumentFile } from './get-document-file.ts';
import { uploadDocument } from './upload-document.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
});

const aliceSends = async (bytes: Uint8Array) => {
  const req = documentRequestRow(core, w.alice);
  await insert(core, core.store.documents.insertRequest(req));
  const up = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes, channel: 'portal' });
  if (!up.ok) throw new Error(up.code);
  return up.value.document;
};

describe('get a document file', () => {
  it('gives the client their own file with its detected type, and audits the read', async () => {
    const bytes = sampleFile('heic', 900);
    const doc = await aliceSends(bytes);
    const r = await getDocumentFile(core, w.asAlice, { clientId: w.alice.id, documentId: doc.id });
    expect(r.ok && r.value).toEqual({
      documentId: doc.id,
      requestId: doc.requestId,
      bytes,
      type: 'image/heic',
      size: 900,
      fileName: `${doc.id}.heic`,
      uploadedAt: doc.createdAt,
    });
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((a) => [a.action, a.subjectId, a.actorType])).toContainEqual(['document.read', doc.id, 'client']);
  });

  it('gives it to staff of the agency, and to no one else', async () => {
    const doc = await aliceSends(sampleFile('pdf'));
    const staff = await getDocumentFile(core, w.asStaff, { clientId: w.alice.id, documentId: doc.id });
    expect(staff.ok && staff.value.type).toBe('application/pdf');
    expect(await getDocumentFile(core, w.asBob, { clientId: w.alice.id, documentId: doc.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await getDocumentFile(core, w.asBob, { clientId: w.bob.id, documentId: doc.id })).toEqual({ ok: false, code: 'not_found' });
    const other = await world(core);
    expect(await getDocumentFile(core, other.asStaff, { clientId: w.alice.id, documentId: doc.id })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await getDocumentFile(core, w.asAlice, { clientId: w.alice.id, documentId: 'doc_nothing' })).toEqual({
      ok: false,
      code: 'not_found',
    });
  });

  it('says storage_failed when the blob store cannot answer, and throws when a file went missing', async () => {
    const doc = await aliceSends(sampleFile('png'));
    const down: BlobStore = { ...core.blobs, get: async () => Promise.reject(new Error('timeout')) };
    expect(await getDocumentFile({ ...core, blobs: down }, w.asAlice, { clientId: w.alice.id, documentId: doc.id })).toEqual({
      ok: false,
      code: 'storage_failed',
    });
    const [key] = core.blobs.keys();
    await core.blobs.put(key ?? '', sampleFile('png', 10), 'image/png');
    await expect(getDocumentFile(core, w.asAlice, { clientId: w.alice.id, documentId: doc.id })).rejects.toThrow('checksum');
    await core.blobs.delete(key ?? '');
    await expect(getDocumentFile(core, w.asAlice, { clientId: w.alice.id, documentId: doc.id })).rejects.toThrow('has no file');
  });
});
