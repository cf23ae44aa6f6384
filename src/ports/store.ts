// The persistence port. Reads are async queries, always scoped by agency and, where a client is
// acting, by that client. Writes are built as values and applied together by `commit`, atomically:
// one batch (libsql, D1), so an outbox row is always written with the change that caused it.
import type {
  Agency,
  Appointment,
  Attendance,
  AuditEntry,
  AvailabilityRule,
  ClassSeries,
  ClassSession,
  Client,
  ClientChannel,
  Conversation,
  DocumentRequest,
  Enrollment,
  Message,
  Millis,
  OutboxItem,
  Provider,
  Staff,
  StoredDocument,
} from '../domain/types.ts';
import type { AuthStore } from './auth-store.ts';

declare const writeBrand: unique symbol;
/** One or more statements, opaque to the core; only `Store.commit` applies them. */
export interface Write {
  readonly [writeBrand]: true;
}

/**
 * - `ok`: every write applied.
 * - `conflict`: a guarded row changed since it was read; nothing applied.
 * - `duplicate`: a unique key already exists (the change was already made); nothing applied.
 */
export type CommitOutcome = 'ok' | 'conflict' | 'duplicate';

export interface Scope {
  agencyId: string;
}

export interface AgencyRepo {
  get(id: string): Promise<Agency | null>;
  list(): Promise<Agency[]>;
  insert(row: Agency & { createdAt: Millis }): Write;
  /** Replaces the agency's settings JSON. */
  updateSettings(id: string, settings: string): Write;
}

export interface StaffRepo {
  get(s: Scope, id: string): Promise<Staff | null>;
  list(s: Scope): Promise<Staff[]>;
  /** The staff member with this email in the agency, compared case-insensitively. */
  findByEmail(s: Scope, email: string): Promise<Staff | null>;
  /** The active staff member this Slack user is (staff.slack_user_id). */
  findBySlackUser(s: Scope, slackUserId: string): Promise<Staff | null>;
  insert(row: Staff & { createdAt: Millis }): Write;
  /** Changes the fields given of one staff member of the agency. */
  update(s: Scope, id: string, patch: Partial<Omit<Staff, 'id' | 'agencyId'>>): Write;
}

export interface ClientRepo {
  get(s: Scope, id: string): Promise<Client | null>;
  getByExternalRef(s: Scope, externalRef: string): Promise<Client | null>;
  list(s: Scope): Promise<Client[]>;
  insert(row: Client): Write;
  update(s: Scope, id: string, patch: Partial<Omit<Client, 'id' | 'agencyId' | 'createdAt'>>): Write;
  /** Pauses (pausedAt set) or resumes (null) a client, only from the other state; else the commit is a `conflict`. */
  setPaused(s: Scope, id: string, pause: Pick<Client, 'pausedAt' | 'pausedBy'>): Write;
}

export interface ChannelRepo {
  listForClient(s: Scope, clientId: string): Promise<ClientChannel[]>;
  findByAddress(s: Scope, kind: ClientChannel['kind'], address: string): Promise<ClientChannel | null>;
  insert(row: ClientChannel & { createdAt: Millis }): Write;
  /** Records consent given or withdrawn on one channel, only if it is this client's (in this agency). */
  setConsent(
    s: Scope,
    clientId: string,
    channelId: string,
    patch: Partial<Pick<ClientChannel, 'consentGivenAt' | 'consentWithdrawnAt'>>,
  ): Write;
  /** Points one of this client's channels (in this agency) at a new address, verified or not, with its consent. */
  relink(
    s: Scope,
    clientId: string,
    channelId: string,
    patch: Pick<ClientChannel, 'address' | 'verified' | 'consentGivenAt' | 'consentWithdrawnAt'>,
  ): Write;
}

export interface ProviderRepo {
  get(s: Scope, id: string): Promise<Provider | null>;
  list(s: Scope): Promise<Provider[]>;
  insert(row: Provider & { createdAt: Millis }): Write;
}

export interface AvailabilityRepo {
  listForStaff(s: Scope, staffId: string): Promise<AvailabilityRule[]>;
  insert(row: AvailabilityRule & { createdAt: Millis }): Write;
}

export type AppointmentPatch = Partial<
  Pick<
    Appointment,
    | 'status'
    | 'statusBeforeRequest'
    | 'requestedStartsAt'
    | 'startsAt'
    | 'rescheduleCount'
    | 'cancelReason'
    | 'confirmedAt'
    | 'location'
    | 'whatToBring'
    | 'kind'
    | 'durationMinutes'
    | 'staffId'
    | 'providerId'
    | 'videoUrl'
    | 'sensitive'
  >
>;

export interface AppointmentRepo {
  /** Only that client's appointment: another client's id gives null. */
  getForClient(s: Scope, clientId: string, id: string): Promise<Appointment | null>;
  get(s: Scope, id: string): Promise<Appointment | null>;
  getByExternalRef(s: Scope, externalRef: string): Promise<Appointment | null>;
  listForClient(s: Scope, clientId: string): Promise<Appointment[]>;
  /** Appointments of a caseworker that overlap [from, to). */
  listForStaffBetween(s: Scope, staffId: string, from: Millis, to: Millis): Promise<Appointment[]>;
  insert(row: Appointment): Write;
  /** Applies only if the row still has `expectVersion`; bumps the version. */
  update(s: Scope, id: string, expectVersion: number, patch: AppointmentPatch, now: Millis): Write;
}

export interface SessionWithClass {
  session: ClassSession;
  series: ClassSeries;
  attendance: Attendance | null;
}

export interface ClassRepo {
  getSeries(s: Scope, id: string): Promise<ClassSeries | null>;
  getSession(s: Scope, id: string): Promise<SessionWithClass | null>;
  /** Sessions of classes the client is actively enrolled in, starting at or after `from`. */
  sessionsForClient(s: Scope, clientId: string, from: Millis, to: Millis): Promise<SessionWithClass[]>;
  enrollment(s: Scope, classId: string, clientId: string): Promise<Enrollment | null>;
  enrollmentsForClient(s: Scope, clientId: string): Promise<Enrollment[]>;
  attendanceForClient(s: Scope, clientId: string): Promise<SessionWithClass[]>;
  /**
   * One session of the agency with this client's attendance row (null when they have none);
   * enrollment is not checked here. Null when the session is not the agency's.
   */
  sessionForClient(s: Scope, clientId: string, sessionId: string): Promise<SessionWithClass | null>;
  /**
   * The sessions that ended before `before` and count in the client's attendance record, oldest
   * first: sessions of classes they are or were enrolled in that started once they were enrolled,
   * plus any session with an attendance row. For a withdrawn enrollment (it has no withdrawal date)
   * only the sessions with an attendance row.
   */
  pastSessionsForClient(s: Scope, clientId: string, before: Millis): Promise<SessionWithClass[]>;
  /**
   * Writes the one attendance row of (session, client) if it is still as it was read:
   * `prevUpdatedAt` is the `updatedAt` read, or null when there was no row. Otherwise the commit
   * is a `conflict` and nothing is applied.
   */
  putAttendance(s: Scope, row: Attendance, prevUpdatedAt: Millis | null): Write;
  insertSeries(row: ClassSeries & { createdAt: Millis }): Write;
  insertSession(row: ClassSession & { createdAt: Millis }): Write;
  insertEnrollment(row: Enrollment & { createdAt: Millis }): Write;
  /** Inserts or replaces the one attendance row of (session, client). */
  upsertAttendance(row: Attendance): Write;
}

export type DocumentRequestPatch = Partial<Pick<DocumentRequest, 'status' | 'rejectionReason'>>;

export interface DocumentRepo {
  getRequestForClient(s: Scope, clientId: string, id: string): Promise<DocumentRequest | null>;
  getRequest(s: Scope, id: string): Promise<DocumentRequest | null>;
  listRequestsForClient(s: Scope, clientId: string): Promise<DocumentRequest[]>;
  /** The newest file of a request (ties on time broken by insertion order). */
  latestForRequest(s: Scope, requestId: string): Promise<StoredDocument | null>;
  /** Only that client's document: another client's id gives null. */
  getDocumentForClient(s: Scope, clientId: string, id: string): Promise<StoredDocument | null>;
  /** Oldest first (ties on time broken by insertion order). */
  listForClient(s: Scope, clientId: string): Promise<StoredDocument[]>;
  insertRequest(row: DocumentRequest): Write;
  updateRequest(s: Scope, id: string, expectVersion: number, patch: DocumentRequestPatch, now: Millis): Write;
  insertDocument(row: StoredDocument): Write;
}

export interface ConversationRepo {
  forClient(s: Scope, clientId: string): Promise<Conversation | null>;
  insert(row: Conversation & { createdAt: Millis }): Write;
  touch(s: Scope, id: string, patch: Partial<Pick<Conversation, 'lastInboundAt' | 'lastOutboundAt' | 'clientReadAt'>>): Write;
  /**
   * The conversation whose Slack thread this is: the thread's parent message ts in that channel. A
   * conversation recorded without a channel (a thread opened before per-caseworker channels) is in
   * `defaultChannel` (SLACK_CHANNEL), and only matches there.
   */
  bySlackThread(s: Scope, thread: SlackThreadRef, defaultChannel: string): Promise<Conversation | null>;
  /**
   * Records the Slack thread of a conversation, with the channel it is in, unless it has one
   * already; returns the thread that stands (ours, or the one another worker recorded first; its
   * channel is null for a thread recorded before channels were).
   */
  claimSlackThread(s: Scope, id: string, thread: SlackThreadRef): Promise<{ channel: string | null; threadTs: string } | null>;
  /**
   * Moves the conversation's thread from `from` (as it was read; channel null for a thread recorded
   * before channels were) to `to`, unless another worker moved it meanwhile; returns the thread that stands.
   */
  moveSlackThread(s: Scope, id: string, from: { channel: string | null; threadTs: string }, to: SlackThreadRef): Promise<{ channel: string | null; threadTs: string } | null>;
}

/** A Slack thread: the channel it is in and its parent message's ts. */
export interface SlackThreadRef {
  channel: string;
  threadTs: string;
}

/** What became of an outgoing message's outbox row, as far as a conversation view needs it. */
export type MessageDelivery = Pick<OutboxItem, 'status' | 'attempts' | 'lastError' | 'sentAt'>;

export interface MessageRepo {
  listForClient(s: Scope, clientId: string, opts?: { includeInternal?: boolean; limit?: number }): Promise<Message[]>;
  /** As `listForClient`, each message with its outbox row (null when it has none), in one query. */
  listWithDelivery(
    s: Scope,
    clientId: string,
    opts?: { includeInternal?: boolean; limit?: number },
  ): Promise<{ message: Message; delivery: MessageDelivery | null }[]>;
  insert(row: Message): Write;
  /** Moves the queued outgoing message of an outbox row to `sent` or `failed`; a no-op if there is none. */
  settleByOutbox(s: Scope, outboxId: string, status: 'sent' | 'failed'): Write;
}

export interface OutboxRepo {
  insert(row: OutboxItem): Write;
  /** Inserts unless a row with this idempotency key exists (then does nothing, and the commit is `ok`). */
  insertIfAbsent(row: OutboxItem): Write;
  /** Cancels the agency's still-pending rows whose idempotency key starts with `keyPrefix` (a reminder's subject). */
  cancelPending(s: Scope, keyPrefix: string, reason: string): Write;
  get(id: string): Promise<OutboxItem | null>;
  /**
   * Leases up to `limit` due items (pending, or `sending` with an expired lease) for `leaseMs`,
   * counting the attempt. Two workers never hold the same item at once.
   */
  claimDue(now: Millis, limit: number, leaseMs: number): Promise<OutboxItem[]>;
  markSent(id: string, externalId: string | null, sender: string, now: Millis): Promise<void>;
  markRetry(id: string, nextAttemptAt: Millis, error: string): Promise<void>;
  markDead(id: string, error: string, now: Millis): Promise<void>;
  /** Not sent on purpose (the outbound policy said no): kept, with why, and never retried. */
  markCancelled(id: string, reason: string, now: Millis): Promise<void>;
  /** Back to pending until `until` without counting the attempt (the client's quiet hours). */
  defer(id: string, until: Millis): Promise<void>;
  list(s: Scope, opts?: { status?: OutboxItem['status']; limit?: number }): Promise<OutboxItem[]>;
}

export interface InboundRepo {
  seen(source: string, externalId: string): Promise<boolean>;
  /** Fails the whole commit with `duplicate` if (source, externalId) was already stored. */
  insert(row: { id: string; agencyId: string; source: string; externalId: string; receivedAt: Millis }): Write;
}

export interface AuditRepo {
  insert(row: AuditEntry): Write;
  listForClient(s: Scope, clientId: string, limit?: number): Promise<AuditEntry[]>;
}

export interface DevMessage {
  id: string;
  outboxId: string;
  channel: string;
  to: string;
  clientId: string | null;
  text: string;
  payload: string;
  status: OutboxItem['status'];
  createdAt: Millis;
}

export interface DevOutboxRepo {
  /** Records a message once per idempotency key; returns false if that key was already there. */
  record(row: {
    id: string;
    agencyId: string;
    outboxId: string;
    idempotencyKey: string;
    channel: string;
    toAddress: string;
    clientId: string | null;
    text: string;
    payload: string;
    createdAt: Millis;
  }): Promise<boolean>;
  list(limit?: number): Promise<DevMessage[]>;
}

export interface Store extends AuthStore {
  agencies: AgencyRepo;
  staff: StaffRepo;
  clients: ClientRepo;
  channels: ChannelRepo;
  providers: ProviderRepo;
  availability: AvailabilityRepo;
  appointments: AppointmentRepo;
  classes: ClassRepo;
  documents: DocumentRepo;
  conversations: ConversationRepo;
  messages: MessageRepo;
  outbox: OutboxRepo;
  inbound: InboundRepo;
  audit: AuditRepo;
  devOutbox: DevOutboxRepo;
  deliveries: import('./delivery-log.ts').DeliveryLogRepo;
  inbox: import('./inbox.ts').InboxRepo;
  states: import('./inbox.ts').ConversationStateRepo;
  smsOptOuts: import('./sms.ts').SmsOptOutRepo;
  reminders: import('./reminders.ts').ReminderRepo;
  followupScan: import('./followup-scan.ts').FollowupScanRepo;
  reminderScan: import('./reminder-scan.ts').ReminderScanRepo;
  crisis: import('./crisis.ts').CrisisRepo;
  /** Applies every write in one atomic batch. */
  commit(writes: Write[]): Promise<CommitOutcome>;
  /** A cheap query that proves the database answers. */
  ping(): Promise<void>;
}
