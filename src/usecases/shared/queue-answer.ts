// A door's answer to what a person just sent (a bot reply, a text back): one outbox row under a
// key made from the inbound item, so handling that item again queues nothing twice.
import type { OutboxFields } from './outbox-row.ts';
import { pendingOutboxRow } from './outbox-row.ts';
import type { CoreDeps } from './deps.ts';

export const queueAnswer = async (deps: Pick<CoreDeps, 'store' | 'ids' | 'clock' | 'onOutbox'>, fields: OutboxFields): Promise<void> => {
  const outcome = await deps.store.commit([deps.store.outbox.insert(pendingOutboxRow(deps.ids.newId('out'), deps.clock.now(), fields))]);
  // 'duplicate': the item was handled before and this answer is queued already.
  if (outcome === 'ok') deps.onOutbox?.();
};
