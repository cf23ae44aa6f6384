import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { channelRow, clientRow, insert, staffRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { sendStaffReply } from './send-staff-reply.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const reply = (over: Partial<Parameters<typeof sendStaffReply>[2]> = {}) => ({
  clientId: w.alice.id,
  text: 'Friday at 10 works. Bring your lease.',
  idempotencyKey: 'Ev0001',
  ...over,
});

const outbox = () => core.store.outbox.list(w.scope);
const messagesOf = (clientId: string) => core.store.messages.listForClient(w.scope, clientId, { includeInternal: true });

describe('a caseworker replies', () => {
  it('stores the message and queues it to the client’s channel in one go, signed with the first name', async () => {
    const r = await sendStaffReply(core, w.asStaff, reply());
    expect(r.ok && !r.value.duplicate && r.value.value.delivery).toBe('queued');
    const [row] = await outbox();
    expect(row).toMatchObject({
      channel: 'sms',
      toAddress: '+15555550101',
      template: 'notify.staff_reply',
      text: 'Dana: Friday at 10 works. Bring your lease.',
      status: 'pending',
      idempotencyKey: `staff_reply:${w.alice.id}:Ev0001`,
    });
    const [m] = await messagesOf(w.alice.id);
    expect(m).toMatchObject({ direction: 'out', status: 'queued', staffId: w.staff.id, outboxId: row?.id, channel: 'sms', internal: false });
    // the words' values travel with the row, to re-word it neutrally at send time if need be
    expect(JSON.parse(row?.payload ?? '{}')).toEqual({ kind: 'message', messageId: m?.id, vars: { name: 'Dana', text: 'Friday at 10 works. Bring your lease.' } });
    const conversation = await core.store.conversations.forClient(w.scope, w.alice.id);
    expect(conversation).toMatchObject({ id: m?.conversationId, lastOutboundAt: core.clock.now(), staffId: w.staff.id });
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => a.action)).toEqual(['message.reply']);
  });

  it('leaves out the name when the client asked for neutral wording', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { neutralWording: true }));
    await sendStaffReply(core, w.asStaff, reply());
    expect((await outbox())[0]).toMatchObject({ template: 'notify.staff_reply_neutral', text: 'Friday at 10 works. Bring your lease.' });
  });

  it('lets an admin reply, unsigned', async () => {
    const admin: Actor = { type: 'admin', agencyId: w.agency.id, door: 'cli' };
    const r = await sendStaffReply(core, admin, reply());
    expect(r.ok && !r.value.duplicate && r.value.value.message.staffId).toBe(null);
    expect((await outbox())[0]).toMatchObject({ template: 'notify.staff_reply_neutral', text: 'Friday at 10 works. Bring your lease.' });
  });

  it('keeps the message in the portal when the client has no usable push channel', async () => {
    const carol = clientRow(core, w.agency.id, { staffId: w.staff.id });
    await insert(
      core,
      core.store.clients.insert(carol),
      core.store.channels.insert(channelRow(core, carol, { consentWithdrawnAt: core.clock.now() })),
    );
    const r = await sendStaffReply(core, w.asStaff, reply({ clientId: carol.id }));
    expect(r.ok && !r.value.duplicate && r.value.value.delivery).toBe('portal');
    expect(await outbox()).toHaveLength(0);
    expect((await messagesOf(carol.id))[0]).toMatchObject({ status: 'sent', outboxId: null, channel: 'portal' });
  });
});

describe('a retried reply', () => {
  it('never queues twice', async () => {
    await sendStaffReply(core, w.asStaff, reply());
    expect(await sendStaffReply(core, w.asStaff, reply())).toEqual({ ok: true, value: { duplicate: true } });
    expect(await outbox()).toHaveLength(1);
    expect(await messagesOf(w.alice.id)).toHaveLength(1);
  });

  it('never queues twice when both tries arrive at once', async () => {
    const results = await Promise.all([sendStaffReply(core, w.asStaff, reply()), sendStaffReply(core, w.asStaff, reply())]);
    expect(results.map((r) => r.ok && r.value.duplicate).sort()).toEqual([false, true]);
    expect(await outbox()).toHaveLength(1);
    expect(await messagesOf(w.alice.id)).toHaveLength(1);
  });

  it('keys the reply per client: the same key for another client is another reply', async () => {
    await sendStaffReply(core, w.asStaff, reply());
    const r = await sendStaffReply(core, w.asStaff, reply({ clientId: w.bob.id }));
    expect(r.ok && r.value.duplicate).toBe(false);
    expect(await outbox()).toHaveLength(2);
  });
});

describe('refusals', () => {
  it('is for caseworkers only', async () => {
    expect(await sendStaffReply(core, w.asAlice, reply())).toEqual({ ok: false, code: 'forbidden' });
    const scheduler: Actor = { type: 'system', agencyId: w.agency.id, door: 'scheduler' };
    expect(await sendStaffReply(core, scheduler, reply())).toEqual({ ok: false, code: 'forbidden' });
  });

  it('refuses a caseworker who has left, or who is not on this agency’s staff', async () => {
    const gone = staffRow(core, w.agency.id, { active: false });
    await insert(core, core.store.staff.insert(gone));
    const asGone: Actor = { type: 'staff', agencyId: w.agency.id, staffId: gone.id, door: 'slack' };
    expect(await sendStaffReply(core, asGone, reply())).toEqual({ ok: false, code: 'forbidden' });
    const stranger: Actor = { type: 'staff', agencyId: w.agency.id, staffId: 'stf_nobody', door: 'slack' };
    expect(await sendStaffReply(core, stranger, reply())).toEqual({ ok: false, code: 'forbidden' });
  });

  it('refuses an unknown client and another agency’s client', async () => {
    expect(await sendStaffReply(core, w.asStaff, reply({ clientId: 'cli_nobody' }))).toEqual({ ok: false, code: 'not_found' });
    const other = await world(core);
    expect(await sendStaffReply(core, other.asStaff, reply())).toEqual({ ok: false, code: 'not_found' });
    expect(await outbox()).toHaveLength(0);
  });

  it('refuses an empty or too long text, and a missing key', async () => {
    expect(await sendStaffReply(core, w.asStaff, reply({ text: '  \u0000 ' }))).toEqual({ ok: false, code: 'empty_message' });
    expect(await sendStaffReply(core, w.asStaff, reply({ text: 'x'.repeat(4001) }))).toEqual({
      ok: false,
      code: 'message_too_long',
      detail: { max: 4000 },
    });
    expect(await sendStaffReply(core, w.asStaff, reply({ idempotencyKey: '' }))).toEqual({ ok: false, code: 'invalid' });
    expect(await outbox()).toHaveLength(0);
  });
});
