import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { insert, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { DAY } from '../../domain/time.ts';
import { formatDue } from './format-due.ts';
import { requestDocument } from './request-document.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
});

describe('request a document', () => {
  it('writes the request and, in the same commit, tells the client what and by when', async () => {
    const dueAt = Date.parse('2026-03-06T22:00:00Z'); // Friday 6 March, 17:00 in New York
    const r = await requestDocument(core, w.asStaff, { clientId: w.alice.id, kind: ' Pay stub ', note: 'The last two', dueAt });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ kind: 'Pay stub', note: 'The last two', dueAt, status: 'requested', staffId: w.staff.id, version: 1 });
    expect(await core.store.documents.getRequestForClient(w.scope, w.alice.id, r.value.id)).toEqual(r.value);
    const [notice] = await core.store.outbox.list(w.scope);
    const due = formatDue(dueAt, 'en', 'America/New_York');
    expect(due).toBe('Fri, Mar 6');
    expect(notice).toMatchObject({
      channel: 'sms',
      toAddress: w.aliceSms.address,
      template: 'notify.document_requested',
      text: core.t('en', 'notify.document_requested', { kind: 'Pay stub', due }),
      idempotencyKey: `document_request:${r.value.id}:requested`,
    });
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((a) => [a.action, a.actorType, a.subjectId])).toContainEqual(['document_request.create', 'staff', r.value.id]);
  });

  it('shows the due day in the client language and time zone, and leaves it out when there is none', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'es', timeZone: 'Asia/Tokyo' }));
    const dueAt = Date.parse('2026-03-06T22:00:00Z'); // already Saturday 7 March in Tokyo
    await requestDocument(core, w.asStaff, { clientId: w.alice.id, kind: 'Contrato de alquiler', dueAt });
    const [withDue] = await core.store.outbox.list(w.scope);
    const due = formatDue(dueAt, 'es', 'Asia/Tokyo');
    expect(due).toMatch(/^sáb/);
    expect(due).toContain('7');
    expect(withDue?.text).toBe(core.t('es', 'notify.document_requested', { kind: 'Contrato de alquiler', due }));

    const r = await requestDocument(core, w.asStaff, { clientId: w.alice.id, kind: 'ID' });
    expect(r.ok && r.value.dueAt).toBe(null);
    const notices = await core.store.outbox.list(w.scope);
    expect(notices.map((n) => n.template)).toContain('notify.document_requested_nodue');
  });

  it('names nothing on the lock screen when the client asked for neutral wording', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { neutralWording: true }));
    await requestDocument(core, w.asStaff, { clientId: w.alice.id, kind: 'Protective order', dueAt: core.clock.now() + 3 * DAY });
    const [notice] = await core.store.outbox.list(w.scope);
    expect(notice?.template).toBe('notify.document_requested_neutral');
    expect(notice?.text).not.toMatch(/protective|caseworker/i);
  });

  it('lets an admin ask too, and keeps the client caseworker on the request', async () => {
    const admin: Actor = { type: 'admin', agencyId: w.agency.id, adminId: 'adm_1', door: 'cli' };
    const r = await requestDocument(core, admin, { clientId: w.bob.id, kind: 'Lease' });
    expect(r.ok && r.value.staffId).toBe(w.staff.id);
  });

  it('refuses clients and the system, bad input, past due dates and unknown clients', async () => {
    const system: Actor = { type: 'system', agencyId: w.agency.id, door: 'system' };
    expect(await requestDocument(core, w.asAlice, { clientId: w.alice.id, kind: 'ID' })).toEqual({ ok: false, code: 'forbidden' });
    expect(await requestDocument(core, system, { clientId: w.alice.id, kind: 'ID' })).toEqual({ ok: false, code: 'forbidden' });
    for (const bad of [
      { clientId: w.alice.id, kind: '  ' },
      { clientId: w.alice.id, kind: 'x'.repeat(81) },
      { clientId: w.alice.id, kind: 'ID', note: 'n'.repeat(501) },
      { clientId: w.alice.id, kind: 'ID', dueAt: core.clock.now() - 1 },
      { clientId: w.alice.id, kind: 'ID', dueAt: 1.5 },
    ]) {
      expect(await requestDocument(core, w.asStaff, bad)).toEqual({ ok: false, code: 'invalid' });
    }
    expect((await requestDocument(core, w.asStaff, { clientId: w.alice.id, kind: 'x'.repeat(80), note: 'n'.repeat(500) })).ok).toBe(true);
    expect(await requestDocument(core, w.asStaff, { clientId: 'cli_nobody', kind: 'ID' })).toEqual({ ok: false, code: 'not_found' });
    const other = await world(core);
    expect(await requestDocument(core, other.asStaff, { clientId: w.alice.id, kind: 'ID' })).toEqual({ ok: false, code: 'not_found' });
    expect(await core.store.documents.listRequestsForClient(w.scope, w.alice.id)).toHaveLength(1);
  });
});
