import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { clientRow, documentRequestRow, insert, sampleFile, staffRow, world, type World } from '../../../test/support/fixtures.ts';
import { STAFF_FILE_LINK_TTL, staffFileLink } from '../../usecases/documents/staff-file-link.ts';
import { uploadDocument } from '../../usecases/documents/upload-document.ts';
import { createApp } from '../app.ts';

const SECRET = 'a-link-secret-of-at-least-32-characters!';
const URL_ = 'http://localhost:8787';
let core: TestCore;
let w: World;
let documentId: string;

beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
  const req = documentRequestRow(core, w.alice);
  await insert(core, core.store.documents.insertRequest(req));
  const up = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('jpeg', 600), channel: 'portal', declaredType: 'image/jpeg' });
  if (!up.ok) throw new Error(up.code);
  documentId = up.value.document.id;
});

const app = () => createApp({ core, demo: false, publicUrl: URL_, linkSecret: SECRET });
const link = (over: { clientId?: string; documentId?: string; staffId?: string } = {}, expiresAt = core.clock.now() + STAFF_FILE_LINK_TTL) =>
  staffFileLink(SECRET, URL_, { clientId: w.alice.id, documentId, staffId: w.staff.id, ...over }, expiresAt);
const get = async (url: string) => app().request(url.slice(URL_.length));

describe('GET /staff/files (a Slack card’s View-file link)', () => {
  it('serves the file to the staff member it was made for, sandboxed, never cached, and audits the read', async () => {
    const res = await get(await link());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    // the route's own policy stands: the app-wide one must not replace it
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(sampleFile('jpeg', 600));
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.some((a) => a.actorId === w.staff.id && a.channel === 'slack')).toBe(true);
  });

  it('opens nothing for an expired, altered or made-up link', async () => {
    const expired = await link({}, core.clock.now() - 1);
    expect((await get(expired)).status).toBe(403);
    const good = await link();
    expect((await get(good.replace(w.alice.id, w.bob.id))).status).toBe(403);
    expect((await app().request('/staff/files?c=x&d=y&s=z&e=1&sig=abc')).status).toBe(403);
  });

  it('opens nothing for a staff member who left, or a file that is not that client’s', async () => {
    const gone = staffRow(core, w.agency.id, { active: false });
    await insert(core, core.store.staff.insert(gone));
    expect((await get(await link({ staffId: gone.id }))).status).toBe(403);
    const other = clientRow(core, w.agency.id);
    await insert(core, core.store.clients.insert(other));
    expect((await get(await link({ clientId: other.id }))).status).toBe(404);
  });
});
