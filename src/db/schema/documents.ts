import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { agencyId, createdAt, id } from './columns.ts';
import { staff } from './agency.ts';
import { clients } from './clients.ts';

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
  (t) => [index('document_requests_client_idx').on(t.clientId, t.status), index('document_requests_agency_due_idx').on(t.agencyId, t.status, t.dueAt)],
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
