// Documents by text: the open requests, and photos sent by MMS stored for one of them (asked
// which, by number, when several are open). Each media is fetched from the provider (its hosts
// only, 5 MB each), typed by its bytes, stored through uploadDocument. Whatever became of it —
// stored, refused, failed, nothing to store it for — the provider's copy is then deleted: a photo
// of an ID must not linger at Twilio. (The client is asked to send it again when it failed.)
import { listDocumentRequests, type DocumentRequestView } from '../../../src/usecases/documents/list-document-requests.ts';
import { uploadDocument } from '../../../src/usecases/documents/upload-document.ts';
import { ask, closeQuestion } from './questions.ts';
import { clientActor, say, tr, type Turn } from './turn.ts';

/** Twilio's limit per media on an MMS. */
export const SMS_MEDIA_MAX_BYTES = 5 * 1024 * 1024;
/** Requests listed in one text. */
const MAX_LISTED = 5;

type Media = { url: string; contentType: string };

const openRequests = async (turn: Turn): Promise<DocumentRequestView[] | null> => {
  const client = turn.client!;
  const r = await listDocumentRequests(turn.env.core, clientActor(client), { clientId: client.id });
  return r.ok ? r.value.filter((d) => d.open).slice(0, MAX_LISTED) : null;
};

const numbered = (turn: Turn, open: DocumentRequestView[]) =>
  open.map((r, i) => `${i + 1} ${turn.neutral ? tr(turn, 'sms.documents.item_neutral', { n: i + 1 }) : r.kind}`).join('\n');

export const showDocuments = async (turn: Turn) => {
  const open = await openRequests(turn);
  if (!open) return say(turn, 'failed');
  if (open.length === 0) return say(turn, 'documents.none', undefined, true);
  return turn.neutral
    ? say(turn, 'documents.open_neutral', { count: open.length })
    : say(turn, 'documents.open', { list: open.map((r) => r.kind).join(', ') });
};

/** Deletes the provider's copies (their hosts only; a failure to delete is not the client's problem). */
export const forgetMedia = async (turn: Turn, media: Media[]): Promise<void> => {
  for (const m of media) await turn.env.deleteMedia?.(m.url).catch(() => false);
};

/** Stores every media of the text for one request, then deletes the provider's copies, whatever happened. */
const store = async (turn: Turn, requestId: string, media: Media[]) => {
  try {
    return await storeAll(turn, requestId, media);
  } finally {
    await forgetMedia(turn, media);
  }
};

/** The first failure is explained and stops the rest. */
const storeAll = async (turn: Turn, requestId: string, media: Media[]) => {
  const client = turn.client!;
  const url = turn.env.publicUrl;
  for (const m of media) {
    const got = await turn.env.fetchMedia(m.url, SMS_MEDIA_MAX_BYTES);
    if (!got.ok) return say(turn, got.error === 'media_too_large' ? 'documents.too_big' : 'documents.failed', { url });
    const r = await uploadDocument(turn.env.core, clientActor(client), { clientId: client.id, requestId, bytes: got.bytes, channel: 'sms', declaredType: m.contentType });
    if (!r.ok) {
      if (r.code === 'unsupported_type' || r.code === 'empty_file') return say(turn, 'documents.wrong_type', { url });
      if (r.code === 'too_large') return say(turn, 'documents.too_big', { url });
      if (r.code === 'not_found' || r.code === 'not_uploadable') return say(turn, 'gone');
      return say(turn, 'documents.failed', { url });
    }
  }
  return say(turn, 'documents.received', undefined, true);
};

export const receiveMedia = async (turn: Turn) => {
  const open = await openRequests(turn);
  if (!open) return say(turn, 'failed');
  if (open.length === 0) {
    await forgetMedia(turn, turn.text.media);
    return say(turn, 'documents.nothing_open');
  }
  if (open.length === 1) return store(turn, open[0]!.id, turn.text.media);
  await ask(turn, { kind: 'pick_request', data: { requestIds: open.map((r) => r.id), media: turn.text.media } });
  return say(turn, 'documents.pick', { list: numbered(turn, open) });
};

export const answerPick = async (turn: Turn, requestIds: string[], media: Media[], n: number) => {
  const requestId = requestIds[n - 1];
  if (!requestId) return say(turn, 'not_understood');
  await closeQuestion(turn);
  return store(turn, requestId, media);
};
