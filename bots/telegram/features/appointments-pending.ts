// "Cancel" asks for a reason; the chat's next text within 10 minutes is that reason.
// The waiting state lives in this process's memory, per chat, with an expiry. A deployment with
// more than one bot instance (or one that restarts) needs it in the store instead, as a
// short-lived row keyed by chat; until then a lost state only means the client is asked again.
import { MINUTE } from '../../../src/domain/time.ts';
import type { Millis } from '../../../src/domain/types.ts';

export const REASON_WAIT = 10 * MINUTE;
/** A bound on memory: chats that never answer are forgotten when they expire or past this many. */
const MAX_WAITING = 10_000;

export interface PendingCancel {
  clientId: string;
  appointmentId: string;
  expiresAt: Millis;
}

export const pendingCancels = () => {
  const waiting = new Map<number, PendingCancel>();
  const sweep = (now: Millis) => {
    for (const [chat, p] of waiting) if (p.expiresAt <= now) waiting.delete(chat);
  };
  return {
    start(chatId: number, clientId: string, appointmentId: string, now: Millis) {
      sweep(now);
      if (waiting.size >= MAX_WAITING) waiting.delete(waiting.keys().next().value!);
      waiting.set(chatId, { clientId, appointmentId, expiresAt: now + REASON_WAIT });
    },
    /** The chat's waiting cancel, removed: it is answered (or abandoned) once. Null when expired. */
    take(chatId: number, now: Millis): PendingCancel | null {
      const p = waiting.get(chatId);
      waiting.delete(chatId);
      return p && p.expiresAt > now ? p : null;
    },
  };
};
