// A message's status only moves forward, whatever order Twilio's status callbacks arrive in
// (they are separate HTTP requests, retried independently): a late `sent` never overwrites
// `delivered`. Outbound: scheduled / accepted → queued → sending → sent → delivered | undelivered
// | failed, then `read` after delivered (channels that report it). `canceled` ends a message that
// had not started sending. Inbound messages have their own short path: receiving → received.
import type { TwilioMessageStatus } from './types.ts';

const STAGE: Record<TwilioMessageStatus, number> = {
  scheduled: 0,
  accepted: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  delivered: 5,
  undelivered: 5,
  failed: 5,
  canceled: 5,
  read: 6,
  receiving: 0,
  received: 1,
};

const INBOUND: ReadonlySet<TwilioMessageStatus> = new Set(['receiving', 'received']);
/** Nothing comes after these (delivered still may become read). */
const FINAL: ReadonlySet<TwilioMessageStatus> = new Set(['undelivered', 'failed', 'canceled', 'read', 'received']);

/** True when no later callback can change this status. */
export const isFinalStatus = (s: TwilioMessageStatus): boolean => FINAL.has(s);

/** The status to keep when `next` arrives for a message that is at `current` (null: none known yet). */
export const advanceStatus = (current: TwilioMessageStatus | null, next: TwilioMessageStatus): TwilioMessageStatus => {
  if (current === null || current === next) return next;
  if (INBOUND.has(current) !== INBOUND.has(next)) return current;
  if (FINAL.has(current)) return current;
  if (current === 'delivered') return next === 'read' ? next : current;
  if (next === 'canceled') return STAGE[current] <= STAGE.queued ? next : current;
  return STAGE[next] > STAGE[current] ? next : current;
};
