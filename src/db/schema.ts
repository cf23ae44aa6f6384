// The one schema, shared by libsql on Node and D1 on Workers. Times are UTC epoch milliseconds.
// Every row that belongs to an agency carries agency_id.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const id = () => text('id').primaryKey();
const agencyId = () => text('agency_id').notNull().references(() => agencies.id);
const createdAt = () => integer('created_at').notNull();

export const agencies = sqliteTable('agencies', {
  id: id(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  /** JSON of AgencySettings (reschedule notice, max changes, reminder offsets, quiet hours…) */
  settings: text('settings').notNull().default('{}'),
  createdAt: createdAt(),
});

export const staff = sqliteTable(
  'staff',
  {
    id: id(),
    agencyId: agencyId(),
    name: text('name').notNull(),
    email: text('email'),
    slackUserId: text('slack_user_id'),
    timeZone: text('time_zone').notNull(),
    /** JSON WorkingHours: { days: number[] (1=Mon..7=Sun), start: minutes, end: minutes } */
    workingHours: text('working_hours').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('staff_agency_idx').on(t.agencyId),
    uniqueIndex('staff_slack_user_uq').on(t.agencyId, t.slackUserId),
  ],
);

export const clients = sqliteTable(
  'clients',
  {
    id: id(),
    agencyId: agencyId(),
    /** the agency's own case number, used by imports to match rows */
    externalRef: text('external_ref'),
    displayName: text('display_name').notNull(),
    language: text('language').notNull(),
    timeZone: text('time_zone').notNull(),
    staffId: text('staff_id').references(() => staff.id),
    preferredChannel: text('preferred_channel'),
    neutralWording: integer('neutral_wording', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of channel kinds the client says are safe; null = all */
    safeChannels: text('safe_channels'),
    /** minutes after local midnight; both null = no window */
    contactWindowStart: integer('contact_window_start'),
    contactWindowEnd: integer('contact_window_end'),
    pauseWord: text('pause_word'),
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('clients_agency_idx').on(t.agencyId),
    index('clients_staff_idx').on(t.staffId),
    uniqueIndex('clients_external_ref_uq').on(t.agencyId, t.externalRef),
  ],
);

export const clientChannels = sqliteTable(
  'client_channels',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    kind: text('kind', { enum: ['sms', 'telegram', 'portal'] }).notNull(),
    /** E.164 phone for sms, chat id for telegram, phone for portal sign-in */
    address: text('address').notNull(),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    consentGivenAt: integer('consent_given_at'),
    consentWithdrawnAt: integer('consent_withdrawn_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('client_channels_client_idx').on(t.clientId),
    uniqueIndex('client_channels_address_uq').on(t.agencyId, t.kind, t.address),
  ],
);

export const providers = sqliteTable(
  'providers',
  {
    id: id(),
    agencyId: agencyId(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['clinic', 'court', 'employment', 'housing', 'other'] }).notNull(),
    address: text('address'),
    phone: text('phone'),
    createdAt: createdAt(),
  },
  (t) => [index('providers_agency_idx').on(t.agencyId)],
);

/** Weekly recurring availability of a caseworker, in the caseworker's own time zone. */
export const availability = sqliteTable(
  'availability',
  {
    id: id(),
    agencyId: agencyId(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    /** ISO weekday: 1 = Monday … 7 = Sunday */
    weekday: integer('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    location: text('location'),
    createdAt: createdAt(),
  },
  (t) => [index('availability_staff_idx').on(t.staffId)],
);

export const appointments = sqliteTable(
  'appointments',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    staffId: text('staff_id').references(() => staff.id),
    providerId: text('provider_id').references(() => providers.id),
    externalRef: text('external_ref'),
    kind: text('kind').notNull(),
    startsAt: integer('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    location: text('location'),
    videoUrl: text('video_url'),
    whatToBring: text('what_to_bring'),
    status: text('status', {
      enum: ['scheduled', 'confirmed', 'reschedule_requested', 'rescheduled', 'cancelled', 'attended', 'missed'],
    }).notNull(),
    /** status to return to when a reschedule request is declined */
    statusBeforeRequest: text('status_before_request'),
    requestedStartsAt: integer('requested_starts_at'),
    rescheduleCount: integer('reschedule_count').notNull().default(0),
    cancelReason: text('cancel_reason'),
    confirmedAt: integer('confirmed_at'),
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('appointments_client_idx').on(t.clientId, t.startsAt),
    index('appointments_staff_idx').on(t.staffId, t.startsAt),
    uniqueIndex('appointments_external_ref_uq').on(t.agencyId, t.externalRef),
  ],
);

export const classes = sqliteTable(
  'classes',
  {
    id: id(),
    agencyId: agencyId(),
    staffId: text('staff_id').references(() => staff.id),
    title: text('title').notNull(),
    description: text('description'),
    location: text('location'),
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('classes_agency_idx').on(t.agencyId)],
);

export const classSessions = sqliteTable(
  'class_sessions',
  {
    id: id(),
    agencyId: agencyId(),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    location: text('location'),
    checkinCode: text('checkin_code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('class_sessions_class_idx').on(t.classId, t.startsAt)],
);

export const enrollments = sqliteTable(
  'enrollments',
  {
    id: id(),
    agencyId: agencyId(),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    status: text('status', { enum: ['active', 'withdrawn', 'completed'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('enrollments_uq').on(t.classId, t.clientId), index('enrollments_client_idx').on(t.clientId)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    id: id(),
    agencyId: agencyId(),
    sessionId: text('session_id')
      .notNull()
      .references(() => classSessions.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    rsvp: text('rsvp', { enum: ['yes', 'no'] }),
    rsvpAt: integer('rsvp_at'),
    checkedInAt: integer('checked_in_at'),
    checkinMethod: text('checkin_method', { enum: ['code', 'staff'] }),
    /** staff's own marking: attended or absent */
    staffMark: text('staff_mark', { enum: ['attended', 'absent'] }),
    markedBy: text('marked_by'),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('attendance_uq').on(t.sessionId, t.clientId), index('attendance_client_idx').on(t.clientId)],
);

export const documentRequests = sqliteTable(
  'document_requests',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    staffId: text('staff_id').references(() => staff.id),
    kind: text('kind').notNull(),
    note: text('note'),
    dueAt: integer('due_at'),
    status: text('status', { enum: ['requested', 'uploaded', 'accepted', 'rejected'] }).notNull(),
    rejectionReason: text('rejection_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('document_requests_client_idx').on(t.clientId, t.status)],
);

export const documents = sqliteTable(
  'documents',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    requestId: text('request_id').references(() => documentRequests.id),
    blobKey: text('blob_key').notNull(),
    sha256: text('sha256').notNull(),
    detectedType: text('detected_type').notNull(),
    size: integer('size').notNull(),
    channel: text('channel').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('documents_client_idx').on(t.clientId), index('documents_request_idx').on(t.requestId)],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    staffId: text('staff_id').references(() => staff.id),
    /** Slack thread of this client, set by the Slack adapter */
    slackThreadTs: text('slack_thread_ts'),
    lastInboundAt: integer('last_inbound_at'),
    lastOutboundAt: integer('last_outbound_at'),
    /** when the client last opened the conversation (unread = caseworker messages after it) */
    clientReadAt: integer('client_read_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('conversations_client_uq').on(t.clientId)],
);

export const messages = sqliteTable(
  'messages',
  {
    id: id(),
    agencyId: agencyId(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    channel: text('channel').notNull(),
    body: text('body').notNull(),
    status: text('status', {
      enum: ['received', 'queued', 'sent', 'delivered', 'read', 'failed', 'internal'],
    }).notNull(),
    externalId: text('external_id'),
    internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
    staffId: text('staff_id'),
    outboxId: text('outbox_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_conversation_idx').on(t.conversationId, t.createdAt),
    index('messages_client_idx').on(t.clientId, t.createdAt),
    index('messages_outbox_idx').on(t.outboxId),
  ],
);

export const outbox = sqliteTable(
  'outbox',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id'),
    staffId: text('staff_id'),
    channel: text('channel', { enum: ['sms', 'telegram', 'slack'] }).notNull(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    text: text('text').notNull(),
    /** JSON: channel-neutral extras (reply options, links, thread) */
    payload: text('payload').notNull().default('{}'),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'dead', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lockedUntil: integer('locked_until'),
    lastError: text('last_error'),
    externalId: text('external_id'),
    sender: text('sender'),
    createdAt: createdAt(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_uq').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_client_idx').on(t.clientId),
  ],
);

/** What the dev channel sender "delivered": the demo's view of every outgoing message. */
export const devMessages = sqliteTable(
  'dev_messages',
  {
    id: id(),
    agencyId: agencyId(),
    outboxId: text('outbox_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    channel: text('channel').notNull(),
    toAddress: text('to_address').notNull(),
    clientId: text('client_id'),
    text: text('text').notNull(),
    payload: text('payload').notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dev_messages_idempotency_uq').on(t.idempotencyKey)],
);

export const inboundEvents = sqliteTable(
  'inbound_events',
  {
    id: id(),
    agencyId: agencyId(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [uniqueIndex('inbound_events_uq').on(t.source, t.externalId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    agencyId: agencyId(),
    actorType: text('actor_type', { enum: ['client', 'staff', 'admin', 'system'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    clientId: text('client_id'),
    channel: text('channel').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('audit_client_idx').on(t.clientId, t.at), index('audit_agency_idx').on(t.agencyId, t.at)],
);

/**
 * Never holds a row: an insert with ok = 0 aborts the whole atomic batch (see the trigger in the
 * guard migration). This is how a batch on D1, which has no interactive transactions, still
 * refuses to apply a change whose precondition (a row version) no longer holds.
 */
export const commitGuards = sqliteTable('commit_guards', {
  name: text('name').notNull(),
  ok: integer('ok').notNull(),
});


/** A signed-in portal session. The id is the SHA-256 of the cookie's token, so a copy of the
 * database holds no live session. */
export const portalSessions = sqliteTable(
  'portal_sessions',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** how the client signed in: code or invitation */
    method: text('method').notNull(),
  },
  (t) => [index('portal_sessions_client_idx').on(t.clientId)],
);

/** One-time sign-in codes, stored as hashes; 10 minutes, 5 tries, used once. */
export const signinCodes = sqliteTable(
  'signin_codes',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: integer('expires_at').notNull(),
    consumedAt: integer('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('signin_codes_phone_idx').on(t.phone, t.createdAt)],
);

/** Fixed-window counters for throttling (sign-in codes per phone and per IP, …). Not agency data. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});

/** Caseworker invitation links: the token's hash, a GET shows it, only a POST uses it. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    agencyId: agencyId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    staffId: text('staff_id').references(() => staff.id),
    expiresAt: integer('expires_at').notNull(),
    consumedAt: integer('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_client_idx').on(t.clientId)],
);
