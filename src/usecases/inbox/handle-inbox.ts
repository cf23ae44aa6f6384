// The inbox worker: what the webhooks accepted, handled in the background, at least once.
import type { Millis } from '../../domain/types.ts';
import type { InboxItem } from '../../ports/inbox.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { safeError } from '../shared/safe-error.ts';
import { backoffMs } from '../outbox/backoff.ts';

/** Attempts before an inbound item is given up (about a day and a half with the outbox's backoff). */
export const INBOX_MAX_ATTEMPTS = 12;

/** Handles one item's payload; a throw means "try again later". Must be safe to run twice. */
export type InboxHandler = (payload: string, item: InboxItem) => Promise<void>;

export interface InboxOptions {
  /** one handler per source; an item whose source has none waits (the channel may be switched off) */
  handlers: Partial<Record<string, InboxHandler>>;
  /** attempts before an item is given up as `dead` (kept, with its payload, to be looked at) */
  maxAttempts: number;
  leaseMs?: number;
  batchSize?: number;
  random?: () => number;
  /** told of every failed attempt, with the item's source and id only — never its payload */
  onFailure?: (item: Pick<InboxItem, 'source' | 'externalId' | 'attempts'>, error: unknown) => void;
}

export interface InboxCounts {
  done: number;
  retried: number;
  dead: number;
}


/**
 * Claims the due items (leased, the attempt counted), oldest first, and hands each to its
 * source's handler. Done → the payload is cleared; a throw → tried again later with backoff,
 * and given up after `maxAttempts`. A crash mid-way leaves the item leased; when the lease runs
 * out it is handled again, which is why every handler must be idempotent.
 */
export const handleInbox = async (deps: Pick<CoreDeps, 'store'> & InboxOptions, now: Millis): Promise<InboxCounts> => {
  const { store } = deps;
  const counts: InboxCounts = { done: 0, retried: 0, dead: 0 };
  const rows = await store.inbox.claimDue(now, deps.batchSize ?? 20, deps.leaseMs ?? 5 * 60_000);
  for (const item of rows) {
    const handler = deps.handlers[item.source];
    if (!handler) {
      await store.inbox.markRetry(item.id, now + 60 * 60_000, 'no_handler');
      counts.retried += 1;
      continue;
    }
    try {
      await handler(item.payload, item);
      await store.inbox.markDone(item.id, now);
      counts.done += 1;
    } catch (e) {
      deps.onFailure?.(item, e);
      if (item.attempts >= deps.maxAttempts) {
        await store.inbox.markDead(item.id, safeError(e), now);
        counts.dead += 1;
      } else {
        await store.inbox.markRetry(item.id, now + backoffMs(item.attempts, deps.random ?? Math.random), safeError(e));
        counts.retried += 1;
      }
    }
  }
  return counts;
};
