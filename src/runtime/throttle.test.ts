import { describe, expect, it } from 'vitest';
import { testClock } from '../../test/support/core.ts';
import { keyedThrottle } from './throttle.ts';

/** A throttle on a test clock whose sleeps move the clock, recording when each wait ended. */
const paced = (opts: { perSecond?: number; perKeyMs?: number } = {}) => {
  const clock = testClock(0);
  const sleeps: number[] = [];
  const throttle = keyedThrottle({
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    ...opts,
  });
  const at = async (chat: string) => {
    await throttle.wait(chat);
    return clock.now();
  };
  return { clock, sleeps, at };
};

describe('the Telegram throttle', () => {
  it('lets the first message to a chat go at once', async () => {
    const p = paced();
    expect(await p.at('100')).toBe(0);
    expect(p.sleeps).toEqual([]);
  });

  it('spaces messages to one chat at least a second apart', async () => {
    const p = paced();
    const times = [await p.at('100'), await p.at('100'), await p.at('100')];
    expect(times).toEqual([0, 1000, 2000]);
  });

  it('does not wait again for a chat whose second has already passed', async () => {
    const p = paced();
    await p.at('100');
    p.clock.advance(1500);
    expect(await p.at('100')).toBe(1500);
    expect(p.sleeps).toEqual([]);
  });

  it('keeps different chats apart only by the overall rate, 25 a second', async () => {
    const p = paced();
    const times: number[] = [];
    for (let i = 0; i < 50; i++) times.push(await p.at(`chat-${i}`));
    expect(times.slice(0, 3)).toEqual([0, 40, 80]);
    // 50 messages to 50 chats take two seconds: 25 a second
    expect(times.at(-1)).toBe(49 * 40);
    expect(times.filter((t) => t < 1000)).toHaveLength(25);
  });

  it('fills a gap between promised slots with a message to another chat', async () => {
    // Sleeps return at once here: each wait is promised and the clock only moves when we say.
    const clock = testClock(0);
    let slept = 0;
    const throttle = keyedThrottle({ clock, perSecond: 10, sleep: async (ms) => void (slept = ms) });
    const at = async (chat: string) => {
      slept = 0;
      await throttle.wait(chat);
      return clock.now() + slept;
    };
    expect([await at('a'), await at('a')]).toEqual([0, 1000]);
    clock.set(500);
    expect(await at('b')).toBe(500);
    clock.set(950);
    // 950 is too close to a's slot at 1000: the next free time is 1100
    expect(await at('c')).toBe(1100);
  });

  it('applies both limits together, queuing callers that wait at the same time', async () => {
    const clock = testClock(0);
    const ends: Record<string, number[]> = {};
    const pending: { until: number; done: () => void }[] = [];
    const throttle = keyedThrottle({
      clock,
      perSecond: 10,
      sleep: (ms) => new Promise<void>((done) => pending.push({ until: clock.now() + ms, done })),
    });
    const go = (chat: string) =>
      throttle.wait(chat).then(() => (ends[chat] ??= []).push(clock.now()));
    const all = Promise.all([go('a'), go('a'), go('b'), go('a'), go('b')]);
    // Every slot was reserved at once, at time 0; now let time run to each wake-up in order.
    await Promise.resolve();
    for (const p of [...pending].sort((x, y) => x.until - y.until)) {
      clock.set(p.until);
      p.done();
      await new Promise((r) => setTimeout(r, 0));
    }
    await all;
    // b is not held up behind a's later slots: it takes the first free tenth of a second
    expect(ends).toEqual({ a: [0, 1000, 2000], b: [100, 1100] });
  });
});
