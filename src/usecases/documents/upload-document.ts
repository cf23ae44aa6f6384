import { z } from 'zod';
import { actorId, type Actor } from '../../domain/actor.ts';
import { detectFileType, extensionFor } from '../../domain/file-type.ts';
import { sha256Hex } from '../../domain/secrets.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { DocumentRequest, DocumentRequestStatus, StoredDocument } from '../../domain/types.ts';
import type { CommitOutcome } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadSettings } from '../shared/settings.ts';
import { staffNoticeWrite } from '../shared/notify-staff.ts';
import { documentBlobKey } from './document-blob-key.ts';
import { loadRequest } from './load.ts';

export const UPLOAD_CHANNELS = ['portal', 'telegram', 'sms', 'slack', 'cli'] as const;

const inputSchema = z.object({
  clientId: z.string().min(1),
  requestId: z.string().min(1),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
  channel: z.enum(UPLOAD_CHANNELS),
  /** what the sender claimed (a header, a file name's extension): never trusted, never stored */
  declaredType: z.string().max(200).optional(),
});

export type UploadRefusal =
  | 'invalid'
  | 'not_found'
  | 'not_uploadable'
  | 'empty_file'
  | 'too_large'
  | 'unsupported_type'
  | 'storage_failed'
  | 'conflict';

/** A stored file as the doors see it: where it lives in the blob store stays inside the core. */
export type DocumentFileView = Omit<StoredDocument, 'blobKey'>;

/**
 * A request takes a file while the caseworker has not accepted one: when first asked, after a
 * rejection (the new file replaces the rejected one), and also while a file awaits review (the
 * client noticed a blurred photo: the newer file is the one reviewed; a review that raced it is
 * a conflict, see reviewDocument's `documentId`).
 */
export const UPLOADABLE: readonly DocumentRequestStatus[] = ['requested', 'rejected', 'uploaded'];

/** The limit in MB as the client reads it, never more than the real limit. */
export const limitInMb = (maxBytes: number): number => {
  const mb = maxBytes / (1024 * 1024);
  return mb >= 1 ? Math.floor(mb * 10) / 10 : Number(mb.toPrecision(2));
};

/** "340 KB", "2.5 MB": a file's size for staff to read. */
export const formatSize = (n: number): string =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

/** Who delivered a file: `client:<id>`, `staff:<id>`, `admin:<id>` (or the bare type without an id). */
export const uploaderOf = (actor: Actor): string => {
  const id = actorId(actor);
  return id ? `${actor.type}:${id}` : actor.type;
};

/**
 * A client (or staff on their behalf) sends the file a request asks for. The type is decided by
 * the bytes alone. The file is stored first, under a key made from a fresh random id; only then
 * are the document row, the request's new status and the audit row committed together. If that
 * commit does not happen the file is deleted again, so no row points to a missing file and no
 * file is left without a row.
 */
export const uploadDocument = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<{ document: DocumentFileView; request: DocumentRequest }, UploadRefusal>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const found = await loadRequest(deps, actor, input);
  if (!found) return fail('not_found');
  const { client, request } = found;
  if (!UPLOADABLE.includes(request.status)) return fail('not_uploadable', { status: request.status });
  const bytes = input.bytes;
  if (bytes.length === 0) return fail('empty_file');
  const settings = await loadSettings(deps, actor.agencyId);
  if (bytes.length > settings.uploadMaxBytes) return fail('too_large', { maxMb: limitInMb(settings.uploadMaxBytes) });
  const type = detectFileType(bytes);
  if (!type) return fail('unsupported_type');

  const now = deps.clock.now();
  const id = deps.ids.newId('doc');
  const doc: StoredDocument = {
    id,
    agencyId: actor.agencyId,
    clientId: client.id,
    requestId: request.id,
    blobKey: await documentBlobKey(actor.agencyId, id, type),
    sha256: await sha256Hex(bytes),
    detectedType: type,
    size: bytes.length,
    channel: input.channel,
    uploadedBy: uploaderOf(actor),
    createdAt: now,
  };
  const forget = () => deps.blobs.delete(doc.blobKey).catch(() => {});

  try {
    await deps.blobs.put(doc.blobKey, bytes, type);
  } catch {
    // A put that failed late may still have landed; the key is fresh, so deleting harms nothing.
    await forget();
    return fail('storage_failed');
  }

  const patch = { status: 'uploaded' as const, rejectionReason: null };
  // The caseworker hears of a file the client sent (not of one staff added themselves).
  const tellStaff =
    actor.type === 'client'
      ? staffNoticeWrite(deps, client, {
          key: 'document_uploaded',
          staffId: request.staffId,
          vars: { request: request.kind, type: deps.t('en', `portal.documents.type.${extensionFor(type) ?? 'other'}`), size: formatSize(bytes.length), channel: input.channel },
          idempotencyKey: `doc-uploaded:${doc.id}`,
          payload: { documentId: doc.id, requestId: request.id, requestKind: request.kind, detectedType: type, size: bytes.length, channel: input.channel },
        })
      : null;
  let outcome: CommitOutcome;
  try {
    outcome = await deps.store.commit([
      deps.store.documents.insertDocument(doc),
      deps.store.documents.updateRequest(actor, request.id, request.version, patch, now),
      auditWrite(deps, actor, 'document.upload', { type: 'document', id: doc.id }, client.id),
      ...(tellStaff ? [tellStaff] : []),
    ]);
  } catch (e) {
    // The batch is atomic: its document row tells whether it landed before the error came back.
    const landed = await deps.store.documents.getDocumentForClient(actor, client.id, doc.id).catch(() => undefined);
    if (landed === undefined) throw e; // cannot tell: an orphan file is better than a row without its file
    if (landed === null) {
      await forget();
      throw e;
    }
    outcome = 'ok';
  }
  if (outcome !== 'ok') {
    await forget();
    return fail('conflict');
  }
  const { blobKey: _key, ...document } = doc;
  return ok({ document, request: { ...request, ...patch, version: request.version + 1, updatedAt: now } });
};
