import { DomainError } from '../../domain/result.ts';
import type { Write } from '../../ports/store.ts';
import type { CoreDeps } from '../shared/deps.ts';

export type Once<T> = { duplicate: true } | { duplicate: false; value: T };

/** What made a message: deduplicated on (source, externalId) in inbound_events. */
export interface EventKey {
  source: string;
  externalId: string;
}

/**
 * Commits the writes of an event once. `build` must include the event's inbound_events row, so a
 * concurrent twin that commits first makes ours fail with `duplicate`: we then find the event
 * stored and report a duplicate. A `duplicate` on another key (a first message of the client
 * creating the conversation at the same time) is retried with writes built afresh.
 */
export const commitOnce = async <T>(
  deps: Pick<CoreDeps, 'store' | 'onOutbox'>,
  key: EventKey,
  build: () => Promise<{ writes: (Write | null)[]; value: T }>,
): Promise<Once<T>> => {
  const seen = () => deps.store.inbound.seen(key.source, key.externalId);
  if (await seen()) return { duplicate: true };
  for (let attempt = 0; attempt < 3; attempt++) {
    const { writes, value } = await build();
    const outcome = await deps.store.commit(writes.filter((w): w is Write => w !== null));
    if (outcome === 'ok') {
      deps.onOutbox?.();
      return { duplicate: false, value };
    }
    if (await seen()) return { duplicate: true };
  }
  throw new DomainError('commit_not_settled', `event ${key.source}:${key.externalId} kept failing to commit`);
};
