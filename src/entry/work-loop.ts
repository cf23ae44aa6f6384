// The Node server's in-process workers (outbox delivery, inbox handling): one step run every
// interval, and at once when something was queued, never two runs of a step at a time.

export interface WorkLoop {
  /** ask for a run soon (coalesced with any run already asked for) */
  kick(): void;
  /** resolves when the current run, if any, is over */
  stop(): Promise<void>;
}

export interface WorkLoopOptions {
  intervalMs: number;
  /** a step that did this many items may have left more: run it again at once */
  batchSize: number;
  onError: (e: unknown) => void;
}

/** Runs `step` (which answers how many items it handled) on a timer and on `kick`. */
export const startWorkLoop = (step: () => Promise<number>, opts: WorkLoopOptions): WorkLoop => {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        // Keep going while a batch was full or a kick came in meanwhile.
        for (let i = 0; i < 50; i++) {
          again = false;
          const done = await step();
          if (!again && done < opts.batchSize) break;
        }
      } catch (e) {
        opts.onError(e);
      } finally {
        running = null;
      }
    })();
  };

  const timer = setInterval(run, opts.intervalMs);
  timer.unref?.();
  return {
    kick: () => {
      if (!stopped) queueMicrotask(run);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
};
