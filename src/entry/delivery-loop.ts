// The in-process delivery worker of the Node server: runs the outbox delivery use case every
// interval, and at once when a commit queued something, never two runs at a time.
import type { Clock } from '../ports/clock.ts';
import type { Store } from '../ports/store.ts';
import { deliverDue, type DeliveryOptions } from '../usecases/outbox/deliver-outbox.ts';

export interface DeliveryLoop {
  /** ask for a run soon (coalesced with any run already asked for) */
  kick(): void;
  /** resolves when the current run, if any, is over */
  stop(): Promise<void>;
}

export const startDeliveryLoop = (
  deps: { store: Store; clock: Clock } & DeliveryOptions,
  opts: { intervalMs: number; onError: (e: unknown) => void },
): DeliveryLoop => {
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
          const c = await deliverDue(deps, deps.clock.now());
          if (!again && c.sent + c.retried + c.dead < (deps.batchSize ?? 20)) break;
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
