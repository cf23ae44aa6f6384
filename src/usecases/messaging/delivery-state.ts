import type { Message } from '../../domain/types.ts';
import type { MessageDelivery } from '../../ports/store.ts';

/**
 * Where a message stands, as a conversation shows it:
 * - `received`: a client's message, stored.
 * - `internal`: a caseworker's note; never sent.
 * - `portal`: an answer with no push channel to carry it; it waits in the portal.
 * - `queued` → `sending` → `sent` (→ `delivered` → `read` when a provider reports it);
 *   `retrying` after a failed attempt; `dead` when delivery gave up; `cancelled`.
 */
export type DeliveryState =
  | 'received'
  | 'internal'
  | 'portal'
  | 'queued'
  | 'retrying'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'dead'
  | 'cancelled';

export const deliveryState = (m: Message, delivery: MessageDelivery | null): DeliveryState => {
  if (m.internal || m.status === 'internal') return 'internal';
  if (m.direction === 'in') return 'received';
  // A provider's receipt goes further than the outbox can see.
  if (m.status === 'delivered' || m.status === 'read') return m.status;
  if (m.outboxId === null) return m.status === 'failed' ? 'dead' : 'portal';
  if (delivery) {
    switch (delivery.status) {
      case 'pending':
        return delivery.attempts > 0 ? 'retrying' : 'queued';
      case 'sending':
        return 'sending';
      case 'sent':
        return 'sent';
      case 'dead':
        return 'dead';
      case 'cancelled':
        return 'cancelled';
    }
  }
  return m.status === 'sent' ? 'sent' : m.status === 'failed' ? 'dead' : 'queued';
};
