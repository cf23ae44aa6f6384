import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, type Result } from '../../domain/result.ts';
import type { DocumentRequest } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { clientNoticeWrite } from '../shared/notify-client.ts';

const common = {
  requestId: z.string().min(1),
  /** the file the reviewer looked at: if the client has sent a newer one since, the review is a conflict */
  documentId: z.string().min(1).optional(),
};
const inputSchema = z.discriminatedUnion('decision', [
  z.object({ ...common, decision: z.literal('accept') }),
  z.object({ ...common, decision: z.literal('reject'), reason: z.string().trim().min(1).max(500) }),
]);

export type ReviewRefusal = 'invalid' | 'forbidden' | 'not_found' | 'not_reviewable' | 'conflict' | 'duplicate';

/**
 * A caseworker (or admin) accepts the file sent for a request, or rejects it with a reason the
 * client reads. Only a request with a file awaiting review can be reviewed. The client is told in
 * the same commit, in their language, on their channel.
 */
export const reviewDocument = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<DocumentRequest, ReviewRefusal>> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const request = await deps.store.documents.getRequest(actor, input.requestId);
  if (!request) return fail('not_found');
  const client = await deps.store.clients.get(actor, request.clientId);
  if (!client) return fail('not_found');
  if (request.status !== 'uploaded') return fail('not_reviewable', { status: request.status });
  if (input.documentId !== undefined) {
    const latest = await deps.store.documents.latestForRequest(actor, request.id);
    if (latest?.id !== input.documentId) return fail('conflict');
  }
  const now = deps.clock.now();
  const version = request.version + 1;
  const accepted = input.decision === 'accept';
  const reason = input.decision === 'reject' ? input.reason : null;
  const patch = accepted ? { status: 'accepted' as const, rejectionReason: null } : { status: 'rejected' as const, rejectionReason: reason };
  const notice = await clientNoticeWrite(deps, client, {
    key: accepted ? 'document_accepted' : 'document_rejected',
    vars: { kind: request.kind, reason: reason ?? '' },
    idempotencyKey: `document_request:${request.id}:v${version}:${input.decision}`,
    payload: { kind: 'document_request', requestId: request.id },
  });
  return commitWrites(
    deps,
    [
      deps.store.documents.updateRequest(actor, request.id, request.version, patch, now),
      auditWrite(deps, actor, `document_request.${input.decision}`, { type: 'document_request', id: request.id }, client.id),
      notice,
    ],
    { ...request, ...patch, version, updatedAt: now },
  );
};
