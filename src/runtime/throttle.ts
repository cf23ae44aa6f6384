// Pacing for senders: a least gap between two messages to the same key, and a rate overall.
// Telegram's limits are the defaults (one message a second to the same chat, about 30 a second
// overall — we stay at 25); the SMS sender keys it by its From number. This in-process scheduler
// is what the Node delivery loop's senders await before each call. On Workers, where every invocation is its own process,
// the Queue consumer's batch pacing (batch size and delay) takes this role later.
import type { Clock } from '../ports/clock.ts';

export interface Throttle {
  /** Resolves when a message to `key` may go; the slot is reserved at once, so callers queue up. */
  wait(key: string): Promise<void>;
}

export interface ThrottleOptions {
  clock: Clock;
  /** waits `ms`; tests pass one that moves their clock */
  sleep?: (ms: number) => Promise<void>;
  /** least time between two messages to one key (a chat, a sender number) */
  perKeyMs?: number;
  /** messages per second overall */
  perSecond?: number;
}

const realSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Past this many remembered chats, the ones whose spacing has run out are forgotten. */
const PRUNE_AT = 1000;

/**
 * Per chat: the next time a message may go. Overall: a bucket that drips one send every
 * 1/perSecond, kept as the sorted times already promised to callers. A new send takes the first
 * free gap at or after its chat's next time, so a chat made to wait does not hold up the others.
 */
export const keyedThrottle = (opts: ThrottleOptions): Throttle => {
  const sleep = opts.sleep ?? realSleep;
  const perKeyMs = opts.perKeyMs ?? 1000;
  const gap = 1000 / (opts.perSecond ?? 25);
  const chatNext = new Map<string, number>();
  /** promised send times, ascending, each at least `gap` from the next */
  let slots: number[] = [];

  const forget = (now: number) => {
    slots = slots.filter((s) => s > now - gap);
    if (chatNext.size < PRUNE_AT) return;
    for (const [chat, next] of chatNext) if (next <= now) chatNext.delete(chat);
  };

  /** The earliest time at or after `from` that keeps `gap` from every promised slot. */
  const place = (from: number): number => {
    let at = from;
    let i = 0;
    for (; i < slots.length; i++) {
      const s = slots[i]!;
      if (s <= at - gap) continue;
      if (s >= at + gap) break;
      at = s + gap;
    }
    slots.splice(i, 0, at);
    return at;
  };

  return {
    async wait(chatId) {
      const now = opts.clock.now();
      forget(now);
      const go = place(Math.max(now, chatNext.get(chatId) ?? now));
      chatNext.set(chatId, go + perKeyMs);
      if (go > now) await sleep(go - now);
    },
  };
};
