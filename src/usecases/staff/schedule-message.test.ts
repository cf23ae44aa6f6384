import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { clientRow, insert, staffRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ChannelSender, OutboundMessage } from '../../ports/channel-sender.ts';
import { deliverDue } from '../outbox/deliver-outbox.ts';
import { pauseMessages } from '../safety/pause-messages.ts';
import { MAX_SCHEDULED_CHARS, scheduleMessage } from './schedule-message.ts';

let core: TestCore;
let w: World;
let n = 0;

beforeEach(async () => {
  // Monday 2 March 2026, 10:00 in New York
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

/** Tuesday 3 March 2026 at `hh:mm` in New York (EST, UTC-5). */
const tue = (hhmm: string) => Date.parse(`2026-03-03T${hhmm}:00-05:00`);
const schedule = (over: { actor?: Actor; clientId?: string; sendAt?: number; text?: string; idempotencyKey?: string } = {}) =>
  scheduleMessage(core, over.actor ?? w.asStaff, {
    clientId: over.clientId ?? w.alice.id,
    sendAt: over.sendAt ?? tue('09:00'),
    text: over.text ?? 'Remember to bring your ID.',
    idempotencyKey: over.idempotencyKey ?? `trigger-${++n}`,
  });
const outbox = () => core.store.outbox.list(w.scope);
const window = (start: number, end: number) => insert(core, core.store.clients.update(w.scope, w.alice.id, { contactWindowStart: start, contactWindowEnd: end }));

describe('scheduleMessage', () => {
  it('queues the caseworker’s message for that time, in the conversation, audited', async () => {
    const r = await schedule();
    if (!r.ok) throw new Error(r.code);
    expect(r.value).toMatchObject({ leavesAt: tue('09:00'), paused: false });
    expect(r.value.message).toMatchObject({ direction: 'out', channel: 'sms', body: 'Remember to bring your ID.', status: 'queued', staffId: w.staff.id, createdAt: core.clock.now() });
    const [row, ...more] = await outbox();
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      id: r.value.message.outboxId,
      channel: 'sms',
      toAddress: '+15555550101',
      template: 'notify.scheduled_message',
      text: 'Dana: Remember to bring your ID.',
      status: 'pending',
      nextAttemptAt: tue('09:00'),
    });
    expect((await core.store.messages.listForClient(w.scope, w.alice.id)).map((m) => m.id)).toEqual([r.value.message.id]);
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).map((a) => a.action)).toEqual(['message.schedule']);
  });

  it('leaves at that time, not before', async () => {
    const sent: OutboundMessage[] = [];
    const phone: ChannelSender = { name: 'phone', send: async (m) => (sent.push(m), { ok: true, externalId: 'x' }) };
    await schedule();
    const deliver = () => deliverDue({ store: core.store, t: core.t, senderFor: () => phone, maxAttempts: 5 }, core.clock.now());
    await deliver();
    expect(sent).toEqual([]);
    core.clock.set(tue('09:00'));
    await deliver();
    expect(sent.map((m) => m.text)).toEqual(['Dana: Remember to bring your ID.']);
  });

  it('moves to the first minute the client’s window and the quiet hours allow', async () => {
    await window(17 * 60, 19 * 60);
    const r = await schedule({ sendAt: tue('09:00') });
    expect(r.ok && r.value.leavesAt).toBe(tue('17:00'));
    expect((await outbox())[0]?.nextAttemptAt).toBe(tue('17:00'));
    await window(0, 0);
    // 22:30 is inside the quiet hours (21:00–08:00): it leaves at 08:00 the next morning
    const late = await schedule({ sendAt: tue('22:30') });
    expect(late.ok && late.value.leavesAt).toBe(Date.parse('2026-03-04T08:00:00-05:00'));
  });

  it('words it neutrally for a client who asked, with no name', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { neutralWording: true }));
    await schedule({ text: 'Tomorrow at 9.' });
    expect((await outbox())[0]).toMatchObject({ template: 'notify.scheduled_message_neutral', text: 'Tomorrow at 9.' });
  });

  it('schedules for a paused client, says so, and it does not leave while they are paused', async () => {
    await pauseMessages(core, w.asAlice, { clientId: w.alice.id });
    const r = await schedule();
    expect(r.ok && r.value.paused).toBe(true);
    const row = (await outbox()).find((o) => o.channel === 'sms');
    expect(row).toMatchObject({ template: 'notify.scheduled_message', nextAttemptAt: tue('09:00') });
    core.clock.set(tue('09:00'));
    const phone: ChannelSender = { name: 'phone', send: async () => ({ ok: true, externalId: 'x' }) };
    await deliverDue({ store: core.store, t: core.t, senderFor: (ch) => (ch === 'slack' ? null : phone), maxAttempts: 5 }, core.clock.now());
    expect(await core.store.outbox.get(row!.id)).toMatchObject({ status: 'cancelled', lastError: 'paused' });
  });

  it('schedules once per cause', async () => {
    expect((await schedule({ idempotencyKey: 'trigger-same' })).ok).toBe(true);
    expect(await schedule({ idempotencyKey: 'trigger-same' })).toEqual({ ok: false, code: 'duplicate' });
    expect(await outbox()).toHaveLength(1);
    expect(await core.store.messages.listForClient(w.scope, w.alice.id)).toHaveLength(1);
  });

  it('refuses a past time, an empty or too long text, a client it cannot reach or find, and anyone but staff', async () => {
    const quiet = clientRow(core, w.agency.id, { displayName: 'Cai Lin', staffId: w.staff.id });
    const gone = staffRow(core, w.agency.id, { active: false });
    await insert(core, core.store.clients.insert(quiet), core.store.staff.insert(gone));
    const cases: [Parameters<typeof schedule>[0], string][] = [
      [{ sendAt: core.clock.now() }, 'in_the_past'],
      [{ sendAt: 0 }, 'invalid'],
      [{ text: '  \n ' }, 'empty_message'],
      [{ text: 'x'.repeat(MAX_SCHEDULED_CHARS + 1) }, 'message_too_long'],
      [{ clientId: quiet.id }, 'no_channel'],
      [{ clientId: 'cli_nope' }, 'not_found'],
      [{ actor: w.asAlice }, 'forbidden'],
      [{ actor: { type: 'system', agencyId: w.agency.id, door: 'scheduler' } }, 'forbidden'],
      [{ actor: { type: 'staff', agencyId: w.agency.id, staffId: gone.id, door: 'slack' } }, 'forbidden'],
    ];
    for (const [over, code] of cases) expect((await schedule(over)) as { code?: string }, code).toMatchObject({ ok: false, code });
    expect((await schedule({ text: '😀'.repeat(MAX_SCHEDULED_CHARS) })).ok).toBe(true);
    // A window that lies wholly inside the quiet hours leaves no time to send it.
    await window(22 * 60, 23 * 60);
    expect(await schedule()).toEqual({ ok: false, code: 'no_contact_time' });
    expect(await outbox()).toHaveLength(1);
  });
});
