// A channel sender's own log of what a provider accepted, per idempotency key. Providers such as
// Telegram and Twilio do not deduplicate, so a resend after a crash (between the provider's "ok"
// and the outbox row being marked sent) looks here first and does not reach the client again.
import type { Millis } from '../domain/types.ts';

export interface DeliveryRecord {
  idempotencyKey: string;
  /** the sender's channel, e.g. `telegram` */
  channel: string;
  /** the provider's id of the message it accepted, when it gave one */
  externalId: string | null;
  sentAt: Millis;
}

export interface DeliveryLogRepo {
  /** What the provider accepted under this key, or null when nothing was accepted yet. */
  find(idempotencyKey: string): Promise<{ externalId: string | null } | null>;
  /** Records an accepted send; a key already recorded is left as it was (insert-or-ignore). */
  record(row: DeliveryRecord): Promise<void>;
  /** The delivery a provider's id belongs to, with the last status the provider reported. */
  findByExternalId(channel: string, externalId: string): Promise<{ idempotencyKey: string; providerStatus: string | null } | null>;
  /**
   * Records a status the provider reported, only over a status in `replaces` (or none yet), so
   * callbacks arriving out of order never move a message back. False when nothing changed.
   */
  setProviderStatus(
    channel: string,
    externalId: string,
    update: { status: string; error: string | null; at: Millis; replaces: readonly string[] },
  ): Promise<boolean>;
}
