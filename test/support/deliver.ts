// Delivers every due outbox row at a moment through the dev sender (what a demo "sends"), as the
// delivery worker would: for tests that need what happens once a message is on the phone.
import { devSender } from '../../src/senders/dev-sender.ts';
import { deliverAllDue } from '../../src/usecases/outbox/deliver-outbox.ts';
import type { TestCore } from './core.ts';

export const deliverAll = (core: TestCore, at: number = core.clock.now()): Promise<number> =>
  deliverAllDue({ store: core.store, t: core.t, senderFor: () => devSender(core), maxAttempts: 5 }, at, 100);
