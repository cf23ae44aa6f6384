import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { DocumentRequest, DocumentRequestStatus, Millis, StoredDocument } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

export interface LatestFile {
  documentId: string;
  type: string;
  size: number;
  uploadedAt: Millis;
}

export interface DocumentRequestView {
  id: string;
  kind: string;
  note: string | null;
  dueAt: Millis | null;
  status: DocumentRequestStatus;
  rejectionReason: string | null;
  /** not yet accepted */
  open: boolean;
  /** open, due, and the client still has to send (or resend) a file */
  overdue: boolean;
  version: number;
  createdAt: Millis;
  latestFile: LatestFile | null;
}

// Waiting for the client first, then waiting for the caseworker, then done.
const RANK: Record<DocumentRequestStatus, number> = { requested: 0, rejected: 0, uploaded: 1, accepted: 2 };
const dueOrder = (r: DocumentRequest) => r.dueAt ?? Number.MAX_SAFE_INTEGER;

const byOpenFirst = (a: DocumentRequest, b: DocumentRequest): number =>
  RANK[a.status] - RANK[b.status] ||
  (a.status === 'accepted' ? b.updatedAt - a.updatedAt : dueOrder(a) - dueOrder(b) || a.createdAt - b.createdAt);

/**
 * A client's document requests: open ones first (soonest due first), each with the file last sent
 * for it. Another client's id is simply not found.
 */
export const listDocumentRequests = async (
  deps: CoreDeps,
  actor: Actor,
  input: { clientId: string },
): Promise<Result<DocumentRequestView[], 'not_found'>> => {
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const [requests, files] = await Promise.all([
    deps.store.documents.listRequestsForClient(actor, client.id),
    deps.store.documents.listForClient(actor, client.id),
  ]);
  // Files come oldest first: the last one seen for a request is its latest.
  const latest = new Map<string, StoredDocument>();
  for (const f of files) if (f.requestId) latest.set(f.requestId, f);
  const now = deps.clock.now();
  await deps.store.commit([auditWrite(deps, actor, 'document_requests.list', { type: 'client', id: client.id }, client.id)]);
  return ok(
    [...requests].sort(byOpenFirst).map((r) => {
      const f = latest.get(r.id);
      return {
        id: r.id,
        kind: r.kind,
        note: r.note,
        dueAt: r.dueAt,
        status: r.status,
        rejectionReason: r.status === 'rejected' ? r.rejectionReason : null,
        open: r.status !== 'accepted',
        overdue: RANK[r.status] === 0 && r.dueAt !== null && r.dueAt < now,
        version: r.version,
        createdAt: r.createdAt,
        latestFile: f ? { documentId: f.id, type: f.detectedType, size: f.size, uploadedAt: f.createdAt } : null,
      };
    }),
  );
};
