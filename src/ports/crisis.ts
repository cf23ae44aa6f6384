// Crisis alerts: a client's message that matched a crisis phrase, until someone acknowledges it.
// The guards make the two races safe: a second Acknowledge press, and two scheduler runs
// escalating the same alert at once, each change it once (the other commit is a `conflict`).
import type { CrisisCategory } from '../domain/crisis/detect.ts';
import type { ClientChannelKind, Millis } from '../domain/types.ts';
import type { Scope, Write } from './store.ts';

export interface CrisisAlert {
  id: string;
  agencyId: string;
  clientId: string;
  /** the client's message that raised it */
  messageId: string | null;
  /** where the client wrote from */
  channel: ClientChannelKind;
  category: CrisisCategory;
  /** 0 when raised; one more at each escalation */
  level: number;
  /** when it escalates next, while nobody has acknowledged it */
  nextEscalationAt: Millis | null;
  acknowledgedAt: Millis | null;
  /** the staff id of who acknowledged it */
  acknowledgedBy: string | null;
  /** the alert's Slack message, to update it when acknowledged */
  slackChannel: string | null;
  slackTs: string | null;
  createdAt: Millis;
}

export interface CrisisRepo {
  insert(row: CrisisAlert): Write;
  get(s: Scope, id: string): Promise<CrisisAlert | null>;
  /** The agency's alerts nobody has acknowledged whose escalation is due at `now`, oldest first. */
  listDue(s: Scope, now: Millis): Promise<CrisisAlert[]>;
  /** Marks it acknowledged; the commit is a `conflict` (nothing applied) if it already was. */
  acknowledge(s: Scope, id: string, staffId: string, at: Millis): Write;
  /**
   * Moves it from `fromLevel` up one level, next due at `nextAt`; the commit is a `conflict` if it
   * is no longer unacknowledged at `fromLevel` (acknowledged, or escalated by another run).
   */
  escalate(s: Scope, id: string, fromLevel: number, nextAt: Millis): Write;
  /** Where its Slack alert was posted. */
  setSlackMessage(s: Scope, id: string, channel: string, ts: string): Write;
  /** A client's alerts, newest first. */
  listForClient(s: Scope, clientId: string, limit?: number): Promise<CrisisAlert[]>;
}
