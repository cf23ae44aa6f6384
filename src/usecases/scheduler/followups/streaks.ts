// When an address keeps failing: the run of failed deliveries at the end of its history. A streak
// is named by its first failed message, so however often it is looked at (each scan, or the
// delivery worker when a provider says the address is gone) it is one streak, flagged once; a
// message that arrives ends it, and the next failures start a new one.
import type { ClientChannel } from '../../../domain/types.ts';
import type { ClientDelivery } from '../../../ports/followup-scan.ts';

/** What the provider may report about a text that did not reach the phone. */
const PROVIDER_FAILED = new Set(['undelivered', 'failed']);
/** Given up for reasons of ours, not the address's (no sender configured): neither a failure nor an arrival. */
const NOT_THE_ADDRESS = new Set(['channel_off']);

export type DeliveryVerdict = 'arrived' | 'failed' | 'unknown';

export const verdictOf = (d: Pick<ClientDelivery, 'status' | 'lastError' | 'providerStatus'>): DeliveryVerdict => {
  if (d.status === 'dead') return d.lastError && NOT_THE_ADDRESS.has(d.lastError) ? 'unknown' : 'failed';
  if (d.status !== 'sent') return 'unknown';
  return d.providerStatus && PROVIDER_FAILED.has(d.providerStatus) ? 'failed' : 'arrived';
};

/** The error a failed delivery ended with: the provider's code when it gave one, else ours. */
export const errorOf = (d: Pick<ClientDelivery, 'status' | 'lastError' | 'providerStatus' | 'providerError'>): string =>
  (d.status === 'dead' ? d.lastError : (d.providerError ?? d.providerStatus)) ?? 'unknown';

export interface FailureStreak {
  /** the first failed message of the run: the streak's name */
  startId: string;
  /** how many failed in a row */
  count: number;
  lastError: string;
}

/** The failures at the end of one address's deliveries (oldest first); null when the last one arrived. */
export const failureStreak = (history: ClientDelivery[]): FailureStreak | null => {
  let startId: string | null = null;
  let count = 0;
  let lastError = '';
  for (const d of history) {
    const v = verdictOf(d);
    if (v === 'arrived') {
      startId = null;
      count = 0;
    } else if (v === 'failed') {
      startId ??= d.outboxId;
      count += 1;
      lastError = errorOf(d);
    }
  }
  return startId === null ? null : { startId, count, lastError };
};

/** One address's deliveries, oldest first, keyed by client, channel and address. */
export const byAddress = (deliveries: ClientDelivery[]): ClientDelivery[][] => {
  const out = new Map<string, ClientDelivery[]>();
  for (const d of deliveries) {
    const key = `${d.clientId}|${d.channel}|${d.toAddress}`;
    const list = out.get(key);
    if (list) list.push(d);
    else out.set(key, [d]);
  }
  return [...out.values()];
};

/** A channel the client still lets us use (verified, consent given and not withdrawn since). */
export const stillOpen = (ch: ClientChannel | null): ch is ClientChannel =>
  ch !== null && ch.verified && ch.consentGivenAt !== null && !(ch.consentWithdrawnAt !== null && ch.consentWithdrawnAt >= ch.consentGivenAt);
