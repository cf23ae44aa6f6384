import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, type Result } from '../../domain/result.ts';
import type { DocumentRequest } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { clientNoticeWrite } from '../shared/notify-client.ts';
import { formatDue } from './format-due.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  /** what is needed, in the caseworker's words: "Pay stub", "Lease" */
  kind: z.string().trim().min(1).max(80),
  note: z.string().trim().max(500).optional(),
  /** the instant it is due; the client is shown its calendar day in their own time zone */
  dueAt: z.number().int().positive().optional(),
});

export type RequestDocumentRefusal = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'duplicate';

/**
 * A caseworker (or admin) asks a client for a document. The request and the notice telling the
 * client are committed together; the notice names the document only where wording need not be
 * neutral. A due date already past is refused as invalid.
 */
export const requestDocument = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<DocumentRequest, RequestDocumentRefusal>> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const now = deps.clock.now();
  if (input.dueAt !== undefined && input.dueAt <= now) return fail('invalid');
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const request: DocumentRequest = {
    id: deps.ids.newId('drq'),
    agencyId: actor.agencyId,
    clientId: client.id,
    staffId: actor.type === 'staff' ? actor.staffId : client.staffId,
    kind: input.kind,
    note: input.note ? input.note : null,
    dueAt: input.dueAt ?? null,
    status: 'requested',
    rejectionReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const due = request.dueAt === null ? null : formatDue(request.dueAt, client.language, client.timeZone);
  const notice = await clientNoticeWrite(deps, client, {
    key: due === null ? 'document_requested_nodue' : 'document_requested',
    vars: due === null ? { kind: request.kind } : { kind: request.kind, due },
    idempotencyKey: `document_request:${request.id}:requested`,
    payload: { kind: 'document_request', requestId: request.id },
  });
  return commitWrites(
    deps,
    [
      deps.store.documents.insertRequest(request),
      auditWrite(deps, actor, 'document_request.create', { type: 'document_request', id: request.id }, client.id),
      notice,
    ],
    request,
  );
};
