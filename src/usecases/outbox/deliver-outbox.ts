import type { SenderFor, OutboundMessage, SendResult } from '../../ports/channel-sender.ts';
import type { Millis, OutboxItem } from '../../domain/types.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { safeError } from '../shared/safe-error.ts';
import { backoffMs } from './backoff.ts';
import { checkSend } from './may-send.ts';
import { parsePayload } from './payload.ts';
import { askWrite, questionOnSend } from '../shared/conversation-state.ts';

export interface DeliveryOptions {
  senderFor: SenderFor;
  /** attempts before a row is given up as `dead` */
  maxAttempts: number;
  /** how long a claimed row is ours; past it, another run may claim it again */
  leaseMs?: number;
  batchSize?: number;
  /** jitter source, in [0, 1) */
  random?: () => number;
  /** told when a provider says the address takes no more messages (see channelGone) */
  onGone?: (row: OutboxItem, gone: 'opted_out' | 'unreachable') => Promise<void>;
  /** told once a row is sent or given up (e.g. to show it on the caseworker's Slack message); its errors are not the row's */
  onSettled?: (row: OutboxItem, outcome: { sent: true } | { sent: false; error: string }) => Promise<void>;
}

export interface DeliveryCounts {
  sent: number;
  retried: number;
  dead: number;
  /** refused by the outbound policy (paused, unsafe channel, opted out…) */
  cancelled: number;
  /** held back until the client's allowed hours */
  deferred: number;
}

type Outcome = keyof DeliveryCounts;


export const outboundOf = (row: OutboxItem): OutboundMessage => ({
  outboxId: row.id,
  idempotencyKey: row.idempotencyKey,
  agencyId: row.agencyId,
  clientId: row.clientId,
  channel: row.channel,
  to: row.toAddress,
  template: row.template,
  text: row.text,
  payload: parsePayload(row.payload),
});


/**
 * Delivers the outbox rows that are due, each at least once: claimed (the attempt counted, the
 * row leased), handed to its channel's sender with its idempotency key, then marked sent, retried
 * later with backoff, or dead. A crash after the send leaves the row leased; when the lease runs
 * out it is claimed again and sent again with the same key, which the sender delivers at most
 * once, so the client still gets one message. Rows are sent one by one, oldest due first, so a
 * client's messages keep their order.
 */
export const deliverDue = async (
  deps: Pick<CoreDeps, 'store' | 't'> & DeliveryOptions,
  now: Millis,
): Promise<DeliveryCounts> => {
  const { store } = deps;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const random = deps.random ?? Math.random;
  const counts: DeliveryCounts = { sent: 0, retried: 0, dead: 0, cancelled: 0, deferred: 0 };

  const settled = async (row: OutboxItem, outcome: { sent: true } | { sent: false; error: string }) => {
    await deps.onSettled?.(row, outcome).catch(() => {});
  };

  const dead = async (row: OutboxItem, error: string): Promise<Outcome> => {
    await store.commit([store.messages.settleByOutbox(row, row.id, 'failed')]);
    await store.outbox.markDead(row.id, error, now);
    await settled(row, { sent: false, error });
    return 'dead';
  };

  /** The outbound policy said no: kept as `cancelled`, with why, and shown where it was written. */
  const cancelled = async (row: OutboxItem, reason: string): Promise<Outcome> => {
    await store.commit([store.messages.settleByOutbox(row, row.id, 'failed')]);
    await store.outbox.markCancelled(row.id, reason, now);
    await settled(row, { sent: false, error: reason });
    return 'cancelled';
  };

  const deliverOne = async (row: OutboxItem): Promise<Outcome> => {
    // A row whose sends kept crashing the worker comes back past its last attempt.
    if (row.attempts > deps.maxAttempts) return dead(row, row.lastError ?? 'max_attempts');
    const sender = deps.senderFor(row.channel);
    if (!sender) return dead(row, 'channel_off');
    const check = await checkSend(deps, row, now);
    if (!check.go) {
      if ('cancel' in check) return cancelled(row, check.cancel);
      await store.outbox.defer(row.id, check.deferUntil);
      return 'deferred';
    }
    const message = outboundOf(row);
    if (check.text !== undefined) message.text = check.text;
    let result: SendResult;
    try {
      result = await sender.send(message);
    } catch (e) {
      // A sender should answer with a value; a throw (a network error) is worth another try.
      result = { ok: false, retryable: true, error: safeError(e) };
    }
    if (result.ok) {
      // The message first: if we crash before marking the row, the resend finds it already sent.
      // A text that asks for a numbered answer opens its question now that it is on the phone.
      const q = row.channel === 'sms' ? questionOnSend(message.payload) : null;
      const ask = q ? askWrite({ store, clock: { now: () => now } }, { agencyId: row.agencyId, channel: 'sms', address: row.toAddress }, q, Math.max(60_000, q.untilAt - now)) : null;
      await store.commit([store.messages.settleByOutbox(row, row.id, 'sent'), ...(ask ? [ask] : [])]);
      await store.outbox.markSent(row.id, result.externalId, sender.name, now);
      await settled(row, { sent: true });
      return 'sent';
    }
    if (result.gone && deps.onGone) await deps.onGone(row, result.gone);
    if (!result.retryable || row.attempts >= deps.maxAttempts) return dead(row, result.error);
    await store.outbox.markRetry(row.id, now + backoffMs(row.attempts, random, result.retryAfterMs), result.error);
    return 'retried';
  };

  const rows = await store.outbox.claimDue(now, deps.batchSize ?? 20, leaseMs);
  for (const row of rows) counts[await deliverOne(row)] += 1;
  return counts;
};

/**
 * Delivers, batch after batch, until a run at `at` finds nothing left to do (or `maxRounds` runs
 * passed): for one-off runs outside the delivery worker (the CLI's tick). Answers how many were sent.
 */
export const deliverAllDue = async (deps: Parameters<typeof deliverDue>[0], at: Millis, maxRounds = 1000): Promise<number> => {
  let sent = 0;
  for (let i = 0; i < maxRounds; i++) {
    const c = await deliverDue(deps, at);
    sent += c.sent;
    if (c.sent + c.retried + c.dead + c.cancelled + c.deferred === 0) break;
  }
  return sent;
};
