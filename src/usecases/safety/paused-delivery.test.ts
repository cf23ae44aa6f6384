// What leaves for a paused client: the confirmation of the pause, and nothing else of what is
// queued for them (a notice, a reminder, a caseworker's reply), until messages are back on.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { insert, outboxRow, world, type World } from '../../../test/support/fixtures.ts';
import type { ChannelSender, OutboundMessage } from '../../ports/channel-sender.ts';
import type { Write } from '../../ports/store.ts';
import { sendStaffReply } from '../messaging/send-staff-reply.ts';
import { deliverDue } from '../outbox/deliver-outbox.ts';
import { bookAppointment } from '../staff/book-appointment.ts';
import { pauseByWordWrites } from './pause-messages.ts';
import { resumeMessages } from './resume-messages.ts';

let core: TestCore;
let w: World;
const sent: OutboundMessage[] = [];
const phone: ChannelSender = {
  name: 'phone',
  async send(m) {
    sent.push(m);
    return { ok: true, externalId: `ext-${sent.length}` };
  },
};

beforeEach(async () => {
  // Monday 2 March 2026, 10:00 in New York: inside the allowed hours
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  sent.length = 0;
  await insert(core, core.store.clients.update(w.scope, w.alice.id, { pauseWord: 'Mango' }));
});

const deliver = () => deliverDue({ store: core.store, t: core.t, senderFor: (ch) => (ch === 'slack' ? null : phone), maxAttempts: 5 }, core.clock.now());
const rows = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.channel !== 'slack');
const alice = async () => (await core.store.clients.get(w.scope, w.alice.id))!;
const reply = (text: string, key: string) => sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text, idempotencyKey: key });

describe('a paused client', () => {
  it('gets the confirmation of the pause, and no notice, reminder or caseworker reply', async () => {
    const pause = await pauseByWordWrites(core, await alice(), { channel: 'sms', body: 'mango' });
    await insert(core, ...(pause as Write[]));
    expect((await reply('See you Monday.', 'ev-1')).ok).toBe(true);
    expect((await bookAppointment(core, w.asStaff, { clientId: w.alice.id, startsAt: core.clock.now() + 86_400_000, durationMinutes: 30 })).ok).toBe(true);
    await insert(core, core.store.outbox.insert(outboxRow(core, w.alice, { template: 'reminder.appointment', text: 'Tomorrow at 10:00.' })));

    const counts = await deliver();
    expect(counts).toMatchObject({ sent: 1, cancelled: 3 });
    expect(sent.map((m) => m.template)).toEqual(['safety.paused']);
    const byTemplate = Object.fromEntries((await rows()).map((o) => [o.template, [o.status, o.lastError]]));
    expect(byTemplate).toEqual({
      'safety.paused': ['sent', null],
      // queued for a client who is paused: worded as the client chose, and held back
      'notify.staff_reply': ['cancelled', 'paused'],
      'notify.appointment_booked': ['cancelled', 'paused'],
      'reminder.appointment': ['cancelled', 'paused'],
    });
    // The caseworker's reply shows it did not reach the client.
    const [message] = await core.store.messages.listForClient(w.scope, w.alice.id);
    expect(message).toMatchObject({ body: 'See you Monday.', status: 'failed' });
  });

  it('gets messages again once they are back on, and what was held is not sent late', async () => {
    await insert(core, ...((await pauseByWordWrites(core, await alice(), { channel: 'sms', body: 'Mango!' })) as Write[]));
    await reply('Held back.', 'ev-1');
    await deliver();
    core.clock.advance(60_000);
    expect((await resumeMessages(core, w.asAlice, { clientId: w.alice.id })).ok).toBe(true);
    await reply('Welcome back.', 'ev-2');
    await deliver();
    expect(sent.map((m) => m.text)).toEqual([core.t('en', 'safety.paused'), core.t('en', 'safety.resumed'), 'Dana: Welcome back.']);
  });
});
