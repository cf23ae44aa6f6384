// Numbers that asked for no more texts.
import type { Millis } from '../domain/types.ts';
import type { Scope, Write } from './store.ts';

export interface SmsOptOut {
  agencyId: string;
  phone: string;
  optedOutAt: Millis;
  source: 'keyword' | 'provider';
  optedInAt: Millis | null;
}

export interface SmsOptOutRepo {
  get(s: Scope, phone: string): Promise<SmsOptOut | null>;
  /** Records (or renews) the opt-out of a number, with its time. */
  optOut(row: Omit<SmsOptOut, 'optedInAt'>): Write;
  /** Ends the opt-out of a number (the row stays, with both times). */
  optIn(s: Scope, phone: string, at: Millis): Write;
}

/** Opted out now: a STOP with no START after it. */
export const isOptedOut = (o: SmsOptOut | null): boolean => o !== null && (o.optedInAt === null || o.optedInAt < o.optedOutAt);
