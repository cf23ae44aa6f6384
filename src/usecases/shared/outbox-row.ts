import type { Millis, OutboxItem } from '../../domain/types.ts';

export type OutboxFields = Pick<OutboxItem, 'agencyId' | 'clientId' | 'staffId' | 'channel' | 'toAddress' | 'template' | 'text' | 'payload' | 'idempotencyKey'>;

/** A new outbox row, due now (or at `notBefore`): what every notice and every bot answer is queued as. */
export const pendingOutboxRow = (id: string, now: Millis, f: OutboxFields, notBefore: Millis = now): OutboxItem => ({
  ...f,
  id,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: Math.max(now, notBefore),
  lockedUntil: null,
  lastError: null,
  externalId: null,
  sender: null,
  createdAt: now,
  sentAt: null,
});
