// The `dev` channel sender of demo mode: instead of reaching a phone, it records each message in
// dev_messages, where the demo's outbox page shows it. Recording is keyed by the idempotency key,
// so a resend after a crash shows the message once, as a real provider would deliver it once.
import type { ChannelSender } from '../ports/channel-sender.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/ids.ts';
import type { Store } from '../ports/store.ts';

export const devSender = (deps: { store: Pick<Store, 'devOutbox'>; ids: IdGenerator; clock: Clock }): ChannelSender => ({
  name: 'dev',
  async send(message) {
    await deps.store.devOutbox.record({
      id: deps.ids.newId('dev'),
      agencyId: message.agencyId,
      outboxId: message.outboxId,
      idempotencyKey: message.idempotencyKey,
      channel: message.channel,
      toAddress: message.to,
      clientId: message.clientId,
      text: message.text,
      payload: JSON.stringify(message.payload),
      createdAt: deps.clock.now(),
    });
    // Already recorded (a resend) is the same success: the message is there once.
    return { ok: true, externalId: `dev-${message.outboxId}` };
  },
});
