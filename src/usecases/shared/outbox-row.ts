import type { Millis, OutboxItem } from '../../domain/types.ts';

export type OutboxFields = Pick<OutboxItem, 'agencyId' | 'clientId' | 'staffId' | 'channel' | 'toAddress' | 'template' | 'text' | 'payload' | 'idempotencyKey'>;

/** A new outbox row, due now: what every notice and every bot answer is queued as. */
export const pendingOutboxRow = (id: string, now: Millis, f: OutboxFields): OutboxItem => ({
  ...f,
  id,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: now,
  lockedUntil: null,
  lastError: null,
  externalId: null,
  sender: null,
  createdAt: now,
  sentAt: null,
});
