import { type AcceptedType, extensionFor } from '../../domain/file-type.ts';
import { sha256Hex } from '../../domain/secrets.ts';

const SAFE_SEGMENT = /^[a-z0-9_-]{1,64}$/;

/** A part of a blob key: the value itself when it is plainly safe, else a digest of it. */
const segment = async (value: string): Promise<string> =>
  SAFE_SEGMENT.test(value) ? value : (await sha256Hex(new TextEncoder().encode(value))).slice(0, 32);

/**
 * Where an uploaded file is stored: `docs/<agency>/<document id>.<ext>`. Made only from the
 * agency id and a fresh random document id, never from anything the sender named, so it is always
 * within the blob key grammar (lower-case letters, digits, `_`, `-`, one extension).
 */
export const documentBlobKey = async (agencyId: string, documentId: string, type: AcceptedType): Promise<string> =>
  `docs/${await segment(agencyId)}/${await segment(documentId)}.${extensionFor(type)}`;
