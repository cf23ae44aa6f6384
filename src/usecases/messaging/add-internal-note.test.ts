import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { addInternalNote } from './add-internal-note.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const note = (over: Partial<Parameters<typeof addInternalNote>[2]> = {}) => ({
  clientId: w.alice.id,
  text: 'Called the landlord; waiting for the lease copy.',
  idempotencyKey: 'Ev0100',
  ...over,
});

describe('an internal note', () => {
  it('is stored as internal, sends nothing, and is audited', async () => {
    const r = await addInternalNote(core, w.asStaff, note());
    expect(r.ok && !r.value.duplicate && r.value.value).toMatchObject({
      internal: true,
      status: 'internal',
      outboxId: null,
      staffId: w.staff.id,
      channel: 'slack',
    });
    expect(await core.store.outbox.list(w.scope)).toHaveLength(0);
    expect(await core.store.messages.listForClient(w.scope, w.alice.id)).toHaveLength(0);
    expect(await core.store.messages.listForClient(w.scope, w.alice.id, { includeInternal: true })).toHaveLength(1);
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => a.action)).toEqual(['message.note']);
  });

  it('is stored once when retried', async () => {
    await addInternalNote(core, w.asStaff, note());
    expect(await addInternalNote(core, w.asStaff, note())).toEqual({ ok: true, value: { duplicate: true } });
    expect(await core.store.messages.listForClient(w.scope, w.alice.id, { includeInternal: true })).toHaveLength(1);
  });

  it('is for staff only', async () => {
    expect(await addInternalNote(core, w.asAlice, note())).toEqual({ ok: false, code: 'forbidden' });
    const door: Actor = { type: 'system', agencyId: w.agency.id, door: 'sms' };
    expect(await addInternalNote(core, door, note())).toEqual({ ok: false, code: 'forbidden' });
    const stranger: Actor = { type: 'staff', agencyId: w.agency.id, staffId: 'stf_nobody', door: 'slack' };
    expect(await addInternalNote(core, stranger, note())).toEqual({ ok: false, code: 'forbidden' });
  });

  it('refuses an unknown client, an empty or too long text, and a missing key', async () => {
    expect(await addInternalNote(core, w.asStaff, note({ clientId: 'cli_nobody' }))).toEqual({ ok: false, code: 'not_found' });
    expect(await addInternalNote(core, w.asStaff, note({ text: '\t\n' }))).toEqual({ ok: false, code: 'empty_message' });
    expect(await addInternalNote(core, w.asStaff, note({ text: 'n'.repeat(4001) }))).toMatchObject({ code: 'message_too_long' });
    expect(await addInternalNote(core, w.asStaff, note({ idempotencyKey: '' }))).toEqual({ ok: false, code: 'invalid' });
  });
});
