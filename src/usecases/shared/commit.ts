import { fail, ok, type Result } from '../../domain/result.ts';
import type { Write } from '../../ports/store.ts';
import type { CoreDeps } from './deps.ts';

/**
 * Commits a use case's writes; a guard that no longer holds becomes `conflict` (the client is
 * asked to try again), a unique key that exists becomes `duplicate`.
 */
export const commitWrites = async <T>(
  deps: Pick<CoreDeps, 'store' | 'onOutbox'>,
  writes: (Write | null)[],
  value: T,
): Promise<Result<T, 'conflict' | 'duplicate'>> => {
  const outcome = await deps.store.commit(writes.filter((w): w is Write => w !== null));
  if (outcome !== 'ok') return fail(outcome);
  // Cheap when nothing was queued: the worker finds nothing due.
  deps.onOutbox?.();
  return ok(value);
};
