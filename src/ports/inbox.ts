// Inbound work kept for a worker (the inbox) and the open question of a chat or phone number.
import type { Millis } from '../domain/types.ts';
import type { Scope, Write } from './store.ts';

export interface InboxItem {
  id: string;
  agencyId: string;
  /** who sent it: `telegram_update`, `twilio_sms`, … */
  source: string;
  externalId: string;
  payload: string;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
  nextAttemptAt: Millis;
  lockedUntil: Millis | null;
  lastError: string | null;
  receivedAt: Millis;
  handledAt: Millis | null;
}

export interface InboxRepo {
  /** Fails the whole commit with `duplicate` when (source, externalId) is already there. */
  insert(row: Pick<InboxItem, 'id' | 'agencyId' | 'source' | 'externalId' | 'payload' | 'receivedAt'>): Write;
  get(source: string, externalId: string): Promise<InboxItem | null>;
  /** Leases up to `limit` due pending items, oldest first, counting the attempt. */
  claimDue(now: Millis, limit: number, leaseMs: number): Promise<InboxItem[]>;
  /** Handled: the payload is cleared. */
  markDone(id: string, now: Millis): Promise<void>;
  markRetry(id: string, nextAttemptAt: Millis, error: string): Promise<void>;
  /** Given up: kept, with its payload, for someone to look at. */
  markDead(id: string, error: string, now: Millis): Promise<void>;
}

export type StateChannel = 'telegram' | 'sms';

export interface ConversationState {
  agencyId: string;
  channel: StateChannel;
  /** the chat id or the E.164 number */
  address: string;
  clientId: string;
  kind: string;
  /** JSON, the kind's own shape */
  data: string;
  expiresAt: Millis;
  updatedAt: Millis;
}

export interface ConversationStateRepo {
  /** The address's open question; null when there is none or it has expired. */
  get(s: Scope, channel: StateChannel, address: string, now: Millis): Promise<ConversationState | null>;
  /** Asks a new question, replacing any open one. */
  put(row: ConversationState): Write;
  clear(s: Scope, channel: StateChannel, address: string): Write;
}
