import type { CommitOutcome, Write } from '../ports/store.ts';
import { itemsOf, type Item, type RunBatch } from './types.ts';

const messagesOf = (e: unknown): string => {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let i = 0; cur && i < 5; i++) {
    if (cur instanceof Error) {
      parts.push(cur.message);
      cur = (cur as { cause?: unknown }).cause;
    } else {
      parts.push(String(cur));
      break;
    }
  }
  return parts.join(' | ');
};

/** Classifies a failed batch: a guard or a unique key is an expected outcome, anything else throws. */
export const commitOutcomeOf = (e: unknown): CommitOutcome | null => {
  const text = messagesOf(e);
  if (text.includes('casebridge_guard_failed')) return 'conflict';
  if (/UNIQUE constraint failed|SQLITE_CONSTRAINT_UNIQUE|SQLITE_CONSTRAINT_PRIMARYKEY/.test(text)) return 'duplicate';
  return null;
};

export const makeCommit =
  (runBatch: RunBatch) =>
  async (writes: Write[]): Promise<CommitOutcome> => {
    const items: Item[] = writes.flatMap(itemsOf);
    if (items.length === 0) return 'ok';
    try {
      await runBatch(items as [Item, ...Item[]]);
      return 'ok';
    } catch (e) {
      const outcome = commitOutcomeOf(e);
      if (outcome) return outcome;
      throw e;
    }
  };
