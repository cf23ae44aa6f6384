// The cross-client queries of the follow-up jobs (missed appointments, unanswered messages,
// unreachable numbers, the daily digest, class attendance summaries). Each is scoped by agency,
// looks at a bounded window only, and joins what it needs in one query: the scheduler runs them
// every minute for every agency.
import type {
  Appointment,
  Attendance,
  ClassSeries,
  ClassSession,
  Client,
  ClientChannel,
  DocumentRequest,
  Millis,
  OutboxItem,
} from '../domain/types.ts';
import type { Scope } from './store.ts';

export interface AppointmentWithClient {
  appointment: Appointment;
  client: Client;
}

/** A conversation whose client wrote last: nobody has replied since. */
export interface WaitingConversation {
  client: Client;
  /** the client's last message and when it came */
  lastMessageId: string;
  lastInboundAt: Millis;
  /** how many messages the client sent since the last reply */
  waiting: number;
}

/** One message that left (or tried to leave) for a client's phone or chat, and what became of it. */
export interface ClientDelivery {
  outboxId: string;
  clientId: string;
  channel: 'sms' | 'telegram';
  toAddress: string;
  status: OutboxItem['status'];
  /** why the row was given up (`dead`) */
  lastError: string | null;
  /** what the provider reported later (Twilio: delivered, undelivered, failed…) */
  providerStatus: string | null;
  providerError: string | null;
  /** when it was due to leave (for a dead row: when it was given up) */
  at: Millis;
  /** the client's channel at that address, if it is still theirs */
  clientChannel: ClientChannel | null;
}

export interface EndedSession {
  session: ClassSession;
  series: ClassSeries;
}

/** One person on a session's list: actively enrolled in the class, or with an attendance row for it. */
export interface RosterEntry {
  clientId: string;
  clientName: string;
  enrolled: boolean;
  attendance: Attendance | null;
}

/** What a caseworker's day holds for their own clients (clients.staff_id). */
export interface CaseworkerDay {
  /** appointments starting in the window, not cancelled, earliest first */
  appointments: { appointment: Appointment; clientName: string }[];
  /** new times clients asked for, waiting for a decision, soonest first */
  reschedules: { appointment: Appointment; clientName: string }[];
  /** requests with a file sent and not reviewed yet, longest waiting first */
  documents: { request: DocumentRequest; clientName: string }[];
}

export interface FollowupScanRepo {
  /**
   * Caseworker appointments (staff_id set) still open (scheduled, confirmed or rescheduled) whose
   * end (start + duration) lies in (from, to], with their client.
   */
  openAppointmentsEndedBetween(s: Scope, from: Millis, to: Millis): Promise<AppointmentWithClient[]>;
  /**
   * Conversations whose client's last message came at or after `since` and after the last reply,
   * oldest first; only the clients of `staffId` when given.
   */
  waitingConversations(s: Scope, since: Millis, staffId?: string): Promise<WaitingConversation[]>;
  /**
   * Messages to clients' phones and chats that were sent or given up since `since` (by when they
   * were due), oldest first; only those to `address` on `channel` when given.
   */
  clientDeliveries(s: Scope, since: Millis, to?: { channel: 'sms' | 'telegram'; address: string }): Promise<ClientDelivery[]>;
  /** Sessions that ended in (from, to] of classes that have a caseworker (classes.staff_id). */
  sessionsEndedBetween(s: Scope, from: Millis, to: Millis): Promise<EndedSession[]>;
  /** Everyone on a session's list, by name. */
  sessionRoster(s: Scope, session: Pick<ClassSession, 'id' | 'classId'>): Promise<RosterEntry[]>;
  /** A caseworker's clients' appointments in [from, to), pending new times and files to review. */
  caseworkerDay(s: Scope, staffId: string, from: Millis, to: Millis): Promise<CaseworkerDay>;
}
