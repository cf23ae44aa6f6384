import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { world, type World } from '../../../test/support/fixtures.ts';
import { addInternalNote } from './add-internal-note.ts';
import { isUnreadByClient, markConversationRead } from './mark-conversation-read.ts';
import { recordInboundMessage } from './record-inbound-message.ts';
import { sendStaffReply } from './send-staff-reply.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const unread = async (clientId: string) => {
  const c = await core.store.conversations.forClient(w.scope, clientId);
  const ms = await core.store.messages.listForClient(w.scope, clientId, { includeInternal: true });
  return ms.filter((m) => isUnreadByClient(m, c?.clientReadAt)).map((m) => m.body);
};

describe('marking the conversation read', () => {
  it('counts only the caseworker’s messages after the last read, and reads them all now', async () => {
    await recordInboundMessage(core, w.asAlice, { clientId: w.alice.id, channel: 'portal', body: 'Hi', source: 'portal', externalId: 'n1' });
    core.clock.advance(60_000);
    await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'Hello Alice', idempotencyKey: 'r1' });
    await addInternalNote(core, w.asStaff, { clientId: w.alice.id, text: 'note to self', idempotencyKey: 'n1' });
    expect(await unread(w.alice.id)).toEqual(['Hello Alice']);

    core.clock.advance(60_000);
    const r = await markConversationRead(core, w.asAlice, { clientId: w.alice.id });
    expect(r).toEqual({ ok: true, value: { readAt: core.clock.now(), previousReadAt: null } });
    expect((await core.store.conversations.forClient(w.scope, w.alice.id))?.clientReadAt).toBe(core.clock.now());
    expect(await unread(w.alice.id)).toEqual([]);

    core.clock.advance(60_000);
    await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'One more thing', idempotencyKey: 'r2' });
    expect(await unread(w.alice.id)).toEqual(['One more thing']);
    const firstRead = core.clock.now() - 60_000;
    core.clock.advance(1000);
    expect(await markConversationRead(core, w.asAlice, { clientId: w.alice.id })).toEqual({
      ok: true,
      value: { readAt: core.clock.now(), previousReadAt: firstRead },
    });
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.filter((a) => a.action === 'conversation.mark_read')).toHaveLength(2);
  });

  it('has nothing to mark before the first message', async () => {
    expect(await markConversationRead(core, w.asAlice, { clientId: w.alice.id })).toEqual({ ok: true, value: { readAt: null, previousReadAt: null } });
    expect(await core.store.conversations.forClient(w.scope, w.alice.id)).toBeNull();
  });

  it('is the client’s own act: another client finds nothing, staff may not, bad input is invalid', async () => {
    await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'Hello Alice', idempotencyKey: 'r1' });
    expect(await markConversationRead(core, w.asBob, { clientId: w.alice.id })).toEqual({ ok: false, code: 'not_found' });
    expect(await markConversationRead(core, w.asStaff, { clientId: w.alice.id })).toEqual({ ok: false, code: 'forbidden' });
    expect(await markConversationRead(core, w.asAlice, { clientId: '' })).toEqual({ ok: false, code: 'invalid' });
    expect(await unread(w.alice.id)).toEqual(['Hello Alice']);
  });
});
