// Delivers every due outbox row at a moment through the dev sender (what a demo "sends"), as the
// delivery worker would: for tests that need what happens once a message is on the phone.
import { devSender } from '../../src/senders/dev-sender.ts';
import { deliverDue } from '../../src/usecases/outbox/deliver-outbox.ts';
import type { TestCore } from './core.ts';

export const deliverAll = async (core: TestCore, at: number = core.clock.now()): Promise<number> => {
  const dev = devSender(core);
  let sent = 0;
  for (let i = 0; i < 100; i++) {
    const c = await deliverDue({ store: core.store, t: core.t, senderFor: () => dev, maxAttempts: 5 }, at);
    sent += c.sent;
    if (c.sent + c.retried + c.dead + c.cancelled + c.deferred === 0) break;
  }
  return sent;
};
