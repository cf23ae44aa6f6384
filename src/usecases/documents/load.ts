import type { Actor } from '../../domain/actor.ts';
import type { Client, DocumentRequest } from '../../domain/types.ts';
import { auditDenied, loadClient } from '../shared/access.ts';
import type { CoreDeps } from '../shared/deps.ts';

/** The client and their document request, or null when either is not the actor's to see. */
export const loadRequest = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  input: { clientId: string; requestId: string },
): Promise<{ client: Client; request: DocumentRequest } | null> => {
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return null;
  const request = await deps.store.documents.getRequestForClient(actor, client.id, input.requestId);
  if (!request) await auditDenied(deps, actor, { type: 'document_request', id: input.requestId });
  return request ? { client, request } : null;
};
