import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { clientRow, documentRequestRow, insert, sampleFile, world, type World } from '../../test/support/fixtures.ts';
import { portalApp, signedIn, type App, type Browser } from '../../test/support/portal.ts';
import { DAY } from '../../src/domain/time.ts';
import type { Client, DocumentRequest } from '../../src/domain/types.ts';
import { reviewDocument } from '../../src/usecases/documents/review-document.ts';
import { uploadDocument } from '../../src/usecases/documents/upload-document.ts';

let core: TestCore;
let w: World;
let app: App;
let b: Browser;
let payStub: DocumentRequest;
let lease: DocumentRequest;
let photoId: DocumentRequest;
let bobsRequest: DocumentRequest;
let bobsDocId: string;

const now = Date.parse('2026-03-02T15:00:00Z');

const read = async (res: Response) =>
  (await res.text()).replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

const form = (fields: Record<string, Blob | string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') f.set(k, v);
    else f.set(k, v, k === 'photo' ? 'image.jpg' : 'upload.pdf');
  }
  return f;
};
const blob = (bytes: Uint8Array, type = 'application/pdf') => new Blob([new Uint8Array(bytes)], { type });
const empty = () => new Blob([], { type: 'application/octet-stream' });

/** A request with a file sent on the client's behalf, then reviewed by staff. */
const sentAndReviewed = async (client: Client, over: Partial<DocumentRequest>, review?: 'accept' | 'reject') => {
  const req = documentRequestRow(core, client, over);
  await insert(core, core.store.documents.insertRequest(req));
  const actor = { type: 'client' as const, agencyId: client.agencyId, clientId: client.id, door: 'portal' as const };
  const up = await uploadDocument(core, actor, { clientId: client.id, requestId: req.id, bytes: sampleFile('jpeg', 2000), channel: 'portal' });
  if (!up.ok) throw new Error(up.code);
  if (review === 'accept') expect((await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'accept' })).ok).toBe(true);
  if (review === 'reject') {
    const r = await reviewDocument(core, w.asStaff, { requestId: req.id, decision: 'reject', reason: 'The photo is blurred.' });
    expect(r.ok).toBe(true);
  }
  return { req, docId: up.value.document.id };
};

const setUp = async (settings: object = {}) => {
  core = await makeCore(now - 10 * DAY);
  w = await world(core, { settings });
  payStub = documentRequestRow(core, w.alice, { kind: 'Pay stub', dueAt: now - 4 * DAY });
  await insert(core, core.store.documents.insertRequest(payStub));
  lease = (await sentAndReviewed(w.alice, { kind: 'Lease', note: 'All pages, please.' }, 'reject')).req;
  photoId = (await sentAndReviewed(w.alice, { kind: 'Photo ID' }, 'accept')).req;
  ({ req: bobsRequest, docId: bobsDocId } = await sentAndReviewed(w.bob, { kind: 'Court letter', dueAt: now + 3 * DAY }));
  core.clock.set(now);
  app = portalApp(core);
  b = await signedIn(app, core, w.alice);
};

beforeEach(() => setUp());

describe('documents page', () => {
  it('lists open requests with due dates, status, the rejection reason and the last file, accepted ones after', async () => {
    const res = await b.get('/documents');
    expect(res.status).toBe(200);
    const html = await read(res);
    // Overdue pay stub first, the rejected lease next, the accepted photo ID last.
    const at = (s: string) => html.indexOf(s);
    expect(at('Pay stub')).toBeLessThan(at('Lease'));
    expect(at('Lease')).toBeLessThan(at('<h2>Accepted</h2>'));
    expect(at('<h2>Accepted</h2>')).toBeLessThan(at('Photo ID'));
    expect(html).toContain('Due Thu, Feb 26, 2026');
    expect(html).toContain('Overdue');
    expect(html).toContain('Waiting for your file');
    expect(html).toContain('Not accepted: please send a new file');
    expect(html).toContain('Why it was not accepted:</strong> The photo is blurred.');
    expect(html).toContain('All pages, please.');
    expect(html).toMatch(/Last file sent: JPEG photo, 2 KB, \w{3}, Feb 20, 2026/);
    expect(html).not.toContain('Court letter');
    // A form for each open request (two), none for the accepted one.
    expect(html.match(/enctype="multipart\/form-data"/g)).toHaveLength(2);
    expect(html).toContain(`action="/documents/${payStub.id}/upload"`);
    expect(html).toContain(`action="/documents/${lease.id}/upload"`);
    expect(html).not.toContain(`action="/documents/${photoId.id}/upload"`);
    expect(html).toContain('name="file" type="file" accept="image/*,application/pdf"');
    expect(html).toContain('name="photo" type="file" accept="image/*" capture="environment"');
    expect(html).toContain('Take a photo');
    expect(html).toContain('up to 20 MB');
    expect(html).toContain('Send a new file');
  });
});

describe('uploads', () => {
  it('takes a PDF from the file field and a JPEG from the camera field', async () => {
    const pdf = await b.upload(`/documents/${payStub.id}/upload`, form({ file: blob(sampleFile('pdf', 1200)), photo: empty() }));
    expect(pdf.status).toBe(303);
    expect(pdf.headers.get('location')).toBe('/documents?done=uploaded');
    const jpeg = await b.upload(`/documents/${lease.id}/upload`, form({ file: empty(), photo: blob(sampleFile('jpeg', 900), 'image/jpeg') }));
    expect(jpeg.status).toBe(303);
    const files = await core.store.documents.listForClient(w.scope, w.alice.id);
    const byRequest = (id: string) => files.filter((f) => f.requestId === id).at(-1);
    expect(byRequest(payStub.id)).toMatchObject({ detectedType: 'application/pdf', size: 1200, channel: 'portal' });
    expect(byRequest(lease.id)).toMatchObject({ detectedType: 'image/jpeg', size: 900, channel: 'portal' });
    const html = await read(await b.get('/documents?done=uploaded'));
    expect(html).toContain('Your file was sent.');
    expect(html).not.toContain('The photo is blurred.'); // the new file replaced the rejected one
    expect(html.match(/Sent, waiting for review/g)).toHaveLength(2);
  });

  it('refuses an HTML page named .pdf, tied to the file field, and stores nothing', async () => {
    const f = new FormData();
    f.set('file', blob(sampleFile('html')), 'statement.pdf');
    const res = await b.upload(`/documents/${payStub.id}/upload`, f);
    expect(res.status).toBe(400);
    const html = await read(res);
    expect(html).toContain('This kind of file cannot be accepted.');
    expect(html).toContain('aria-describedby="file-1-hint file-1-error"');
    expect(html).toContain('aria-invalid="true"');
    expect((await core.store.documents.listForClient(w.scope, w.alice.id)).filter((d) => d.requestId === payStub.id)).toEqual([]);
  });

  it('refuses an empty form, and a request that no longer takes a file', async () => {
    const none = await b.upload(`/documents/${payStub.id}/upload`, form({ file: empty(), photo: empty() }));
    expect(none.status).toBe(400);
    expect(await read(none)).toContain('This file is empty.');
    const done = await b.upload(`/documents/${photoId.id}/upload`, form({ file: blob(sampleFile('pdf')) }));
    expect(done.status).toBe(400);
    expect(await read(done)).toContain('This request does not need a file any more.');
  });

  it("refuses a file over the agency's limit with 413, saying the limit", async () => {
    await setUp({ uploadMaxBytes: 2048 });
    const page = await read(await b.get('/documents'));
    expect(page).toContain('up to 0.002 MB');
    const res = await b.upload(`/documents/${payStub.id}/upload`, form({ file: blob(sampleFile('pdf', 4096)) }));
    expect(res.status).toBe(413);
    const html = await read(res);
    expect(html).toContain('This file is too big. The limit is 0.002 MB.');
    expect(html).toContain('aria-describedby="file-1-hint file-1-error"');
  });

  it('cuts off a body over 20 MB before reading it', async () => {
    const res = await b.upload(`/documents/${payStub.id}/upload`, form({ file: blob(sampleFile('pdf', 20 * 1024 * 1024 + 100 * 1024)) }));
    expect(res.status).toBe(413);
    expect((await core.store.documents.listForClient(w.scope, w.alice.id)).filter((d) => d.requestId === payStub.id)).toEqual([]);
  });
});

describe('downloads', () => {
  it('send the client their own file as an attachment with a neutral name, never as HTML', async () => {
    await b.upload(`/documents/${payStub.id}/upload`, form({ file: blob(sampleFile('pdf', 700)) }));
    const html = await read(await b.get('/documents'));
    const href = html.match(/href="(\/documents\/files\/[^"]+)"/g)!;
    expect(href.length).toBeGreaterThan(0);
    const doc = (await core.store.documents.listForClient(w.scope, w.alice.id)).find((d) => d.requestId === payStub.id)!;
    expect(html).toContain(`href="/documents/files/${doc.id}"`);
    const res = await b.get(`/documents/files/${doc.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-type')).not.toMatch(/html/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="document-2026-03-02.pdf"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(sampleFile('pdf', 700));
  });
});

describe("another client's requests and documents", () => {
  it('are not found on every route, and nothing of theirs is read or changed', async () => {
    await b.get('/documents');
    for (const id of [bobsRequest.id, 'drq_unknown']) {
      const res = await b.upload(`/documents/${id}/upload`, form({ file: blob(sampleFile('pdf')) }));
      expect(res.status).toBe(404);
    }
    for (const id of [bobsDocId, 'doc_unknown']) expect((await b.get(`/documents/files/${id}`)).status).toBe(404);
    expect(await core.store.documents.listForClient(w.scope, w.bob.id)).toHaveLength(1);
    expect((await core.store.documents.getRequestForClient(w.scope, w.bob.id, bobsRequest.id))?.version).toBe(bobsRequest.version + 1);
    const bobAudit = (await core.store.audit.listForClient(w.scope, w.bob.id)).filter((e) => e.actorId === w.alice.id);
    expect(bobAudit).toEqual([]);
  });
});

describe('in Arabic', () => {
  it('renders the documents page right to left', async () => {
    const amira = clientRow(core, w.agency.id, { displayName: 'Amira Haddad', language: 'ar' });
    await insert(core, core.store.clients.insert(amira), core.store.documents.insertRequest(documentRequestRow(core, amira)));
    const html = await (await (await signedIn(app, core, amira)).get('/documents')).text();
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain('capture="environment"');
  });
});
