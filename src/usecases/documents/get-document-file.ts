import type { Actor } from '../../domain/actor.ts';
import { ACCEPTED_TYPES, extensionFor, type AcceptedType } from '../../domain/file-type.ts';
import { sha256Hex } from '../../domain/secrets.ts';
import { DomainError, fail, ok, type Result } from '../../domain/result.ts';
import { auditDenied, loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

export interface DocumentFile {
  documentId: string;
  requestId: string | null;
  bytes: Uint8Array;
  /** the type detected from the bytes at upload, the only one ever served */
  type: AcceptedType;
  size: number;
  /** a name made by us for a download: the document id and the extension of its type */
  fileName: string;
  uploadedAt: number;
}

const isAccepted = (t: string): t is AcceptedType => (ACCEPTED_TYPES as readonly string[]).includes(t);

/**
 * The bytes of a stored document, for the client it belongs to or for staff of the agency.
 * Another client's document is simply not found. A blob store that cannot answer is
 * `storage_failed`; a file missing or changed behind a row is a broken invariant and throws.
 */
export const getDocumentFile = async (
  deps: CoreDeps,
  actor: Actor,
  input: { clientId: string; documentId: string },
): Promise<Result<DocumentFile, 'not_found' | 'storage_failed'>> => {
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const doc = await deps.store.documents.getDocumentForClient(actor, client.id, input.documentId);
  if (!doc) {
    await auditDenied(deps, actor, { type: 'document', id: input.documentId });
    return fail('not_found');
  }
  if (!isAccepted(doc.detectedType)) throw new DomainError('document_type_unknown', `document ${doc.id}: ${doc.detectedType}`);
  let bytes: Uint8Array | null;
  try {
    bytes = await deps.blobs.get(doc.blobKey);
  } catch {
    return fail('storage_failed');
  }
  if (!bytes) throw new DomainError('document_blob_missing', `document ${doc.id} has no file`);
  if (bytes.length !== doc.size || (await sha256Hex(bytes)) !== doc.sha256) {
    throw new DomainError('document_blob_changed', `document ${doc.id} does not match its checksum`);
  }
  await deps.store.commit([auditWrite(deps, actor, 'document.read', { type: 'document', id: doc.id }, client.id)]);
  return ok({
    documentId: doc.id,
    requestId: doc.requestId,
    bytes,
    type: doc.detectedType,
    size: doc.size,
    fileName: `${doc.id}.${extensionFor(doc.detectedType)}`,
    uploadedAt: doc.createdAt,
  });
};
