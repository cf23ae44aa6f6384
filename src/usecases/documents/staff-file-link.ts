// The short-lived link on a Slack card that lets the caseworker open a client's file without
// signing in anywhere: it names the client, the document and the staff member it was made for,
// expires, and is signed. Following it still goes through getDocumentFile as that staff member
// (scoped, audited), so a link for a file that moved on, or a staff member who left, opens nothing.
import { signLink, verifyLink } from '../../domain/signed-link.ts';
import { HOUR } from '../../domain/time.ts';

export const STAFF_FILE_PATH = '/staff/files';
export const STAFF_FILE_LINK_TTL = 24 * HOUR;
const PURPOSE = 'staff-file';
const NAMES = ['c', 'd', 's'] as const;

export interface StaffFileRef {
  clientId: string;
  documentId: string;
  staffId: string;
}

export const staffFileLink = async (secret: string, publicUrl: string, ref: StaffFileRef, expiresAt: number): Promise<string> => {
  const q = await signLink(secret, PURPOSE, { c: ref.clientId, d: ref.documentId, s: ref.staffId }, expiresAt);
  return `${publicUrl.replace(/\/+$/, '')}${STAFF_FILE_PATH}?${q.toString()}`;
};

export const readStaffFileLink = async (secret: string, query: URLSearchParams, now: number): Promise<StaffFileRef | null> => {
  const f = await verifyLink(secret, PURPOSE, NAMES, query, now);
  return f ? { clientId: f.c!, documentId: f.d!, staffId: f.s! } : null;
};
