import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { world, type World } from '../../../test/support/fixtures.ts';
import type { ChannelSender } from '../../ports/channel-sender.ts';
import { devSender } from '../../senders/dev-sender.ts';
import { deliverDue } from '../outbox/deliver-outbox.ts';
import { addInternalNote } from './add-internal-note.ts';
import { listConversation } from './list-conversation.ts';
import { recordInboundMessage } from './record-inbound-message.ts';
import { sendStaffReply } from './send-staff-reply.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const step = () => core.clock.advance(1000);

const conversationWith = async () => {
  await recordInboundMessage(core, w.asAlice, { clientId: w.alice.id, channel: 'portal', body: 'Hello?', source: 'portal', externalId: 'f1' });
  step();
  await addInternalNote(core, w.asStaff, { clientId: w.alice.id, text: 'She sounded worried.', idempotencyKey: 'n1' });
  step();
  await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'Hi Alice, I am here.', idempotencyKey: 'r1' });
  step();
};

const failing: ChannelSender = { name: 'flaky', send: async () => ({ ok: false, retryable: true, error: 'HTTP 503' }) };

describe('reading a conversation', () => {
  it('shows the client their messages newest last, without internal notes', async () => {
    await conversationWith();
    const r = await listConversation(core, w.asAlice, { clientId: w.alice.id });
    expect(r.ok && r.value.messages.map((m) => [m.body, m.direction, m.delivery])).toEqual([
      ['Hello?', 'in', 'received'],
      ['Hi Alice, I am here.', 'out', 'queued'],
    ]);
    expect(r.ok && r.value.messages.some((m) => 'lastError' in m)).toBe(false);
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => a.action)).toContain('conversation.read');
  });

  it('shows staff everything, notes included', async () => {
    await conversationWith();
    const r = await listConversation(core, w.asStaff, { clientId: w.alice.id });
    expect(r.ok && r.value.messages.map((m) => m.delivery)).toEqual(['received', 'internal', 'queued']);
    expect(r.ok && r.value.conversationId).toBe((await core.store.conversations.forClient(w.scope, w.alice.id))?.id);
  });

  it('follows the outbox: retrying, then sent', async () => {
    await conversationWith();
    const deps = { store: core.store, t: core.t, maxAttempts: 5, random: () => 0 };
    await deliverDue({ ...deps, senderFor: () => failing }, core.clock.now());
    const retrying = await listConversation(core, w.asStaff, { clientId: w.alice.id });
    expect(retrying.ok && retrying.value.messages[2]).toMatchObject({ delivery: 'retrying', lastError: 'HTTP 503' });
    core.clock.advance(60_000);
    await deliverDue({ ...deps, senderFor: () => devSender(core) }, core.clock.now());
    const sent = await listConversation(core, w.asAlice, { clientId: w.alice.id });
    expect(sent.ok && sent.value.messages[1]?.delivery).toBe('sent');
    expect((await core.store.messages.listForClient(w.scope, w.alice.id))[1]?.status).toBe('sent');
  });

  it('says when delivery gave up', async () => {
    await conversationWith();
    await deliverDue({ store: core.store, t: core.t, maxAttempts: 1, senderFor: () => failing }, core.clock.now());
    const r = await listConversation(core, w.asStaff, { clientId: w.alice.id });
    expect(r.ok && r.value.messages[2]).toMatchObject({ delivery: 'dead', lastError: 'HTTP 503' });
    expect((await core.store.messages.listForClient(w.scope, w.alice.id))[1]?.status).toBe('failed');
  });

  it('is empty before the first message, and keeps to the latest messages when asked', async () => {
    expect(await listConversation(core, w.asAlice, { clientId: w.alice.id })).toEqual({
      ok: true,
      value: { conversationId: null, messages: [] },
    });
    await conversationWith();
    const r = await listConversation(core, w.asStaff, { clientId: w.alice.id, limit: 1 });
    expect(r.ok && r.value.messages.map((m) => m.body)).toEqual(['Hi Alice, I am here.']);
  });

  it("never shows a client another client's conversation", async () => {
    await conversationWith();
    expect(await listConversation(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    const other = await world(core);
    expect(await listConversation(core, other.asStaff, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await listConversation(core, w.asStaff, { clientId: w.alice.id, limit: 0 })).toEqual({ ok: false, code: 'invalid' });
  });
});
