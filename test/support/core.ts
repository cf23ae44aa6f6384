// A core wired with real parts for tests: the real store (libsql file, or D1 in workerd), the real
// translator, a clock the test moves, and blobs in memory.
import { openTestStore } from '#test/store';
import type { Clock } from '../../src/ports/clock.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { memoryBlobStore } from '../../src/runtime/memory-blob-store.ts';
import { randomIds } from '../../src/runtime/random-ids.ts';
import type { CoreDeps } from '../../src/usecases/shared/deps.ts';

export interface TestClock extends Clock {
  set(at: number | string): void;
  advance(ms: number): void;
}

export const testClock = (start: number | string = '2026-03-02T15:00:00Z'): TestClock => {
  let now = typeof start === 'string' ? Date.parse(start) : start;
  return {
    now: () => now,
    set: (at) => {
      now = typeof at === 'string' ? Date.parse(at) : at;
    },
    advance: (ms) => {
      now += ms;
    },
  };
};

const translate = createTranslator();

export interface TestCore extends CoreDeps {
  clock: TestClock;
  blobs: ReturnType<typeof memoryBlobStore>;
}

export const makeCore = async (start?: number | string): Promise<TestCore> => ({
  store: await openTestStore(),
  clock: testClock(start),
  ids: randomIds(),
  t: translate,
  blobs: memoryBlobStore(),
});
