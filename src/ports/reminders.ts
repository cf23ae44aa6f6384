// What the scheduler did about each moment of each subject: the record that makes "at most once
// per (subject, offset, channel)" hold across concurrent runs, crashes and downtime.
import type { Millis } from '../domain/types.ts';
import type { Scope, Write } from './store.ts';

export interface ReminderRecord {
  id: string;
  agencyId: string;
  clientId: string | null;
  staffId: string | null;
  /** appointment | session | document | missed | unanswered | unreachable | digest | attendance | … */
  kind: string;
  subjectId: string;
  /** which moment of the subject: 'm1440', 'due-3d', 'overdue-2', a local date for a digest… */
  offsetKey: string;
  /** the channel it went (or would have gone) to: sms, telegram, slack, none */
  channel: string;
  /** the moment it was meant for, and when it was (or would have been) sent */
  dueAt: Millis;
  sendAt: Millis;
  status: 'queued' | 'skipped';
  /** why it was skipped: late, quiet_hours, no_channel, paused… */
  reason: string | null;
  outboxId: string | null;
  createdAt: Millis;
}

export interface ReminderRepo {
  /**
   * Records it unless (agency, kind, subject, offset, channel) is recorded already; then it does
   * nothing and the commit is still `ok`. Pair it with `outbox.insertIfAbsent` under a key made
   * of the same parts, so two runs at once queue one message.
   */
  insertIfAbsent(row: ReminderRecord): Write;
  /** The records of these subjects of one kind (to skip what is done without a write). */
  listForSubjects(s: Scope, kind: string, subjectIds: string[]): Promise<ReminderRecord[]>;
  /** A client's records, newest first. */
  listForClient(s: Scope, clientId: string, limit?: number): Promise<ReminderRecord[]>;
}

/** The key of a record within its kind: what the unique index holds. */
export const reminderKey = (r: Pick<ReminderRecord, 'subjectId' | 'offsetKey' | 'channel'>): string => `${r.subjectId}|${r.offsetKey}|${r.channel}`;
