// The modal that asks a caseworker why they decline a new time or reject a document. The reason
// goes to the client as written (inside a notice in the client's language), so the modal says so,
// and warns that it may show on the client's lock screen. The id it is about and the caller's own
// metadata travel in private_metadata; readReasonSubmission reads both back, with the reason.
import type { Translate } from '../../../src/ports/translator.ts';
import { plain, section } from './blocks.ts';
import { DECLINE_REASON_MODAL, REASON_BLOCK, REASON_INPUT, REJECT_REASON_MODAL } from './ids.ts';
import { LIMITS, STAFF_LOCALE, texts } from './text.ts';
import type { Block, ModalView, ReasonKind, ReasonModalData } from './types.ts';

const CALLBACK: Record<ReasonKind, string> = { decline_reschedule: DECLINE_REASON_MODAL, reject_document: REJECT_REASON_MODAL };

/** private_metadata: `{"id": …, "meta": …}` */
const encodeMetadata = (id: string, meta: string): string => {
  const json = JSON.stringify({ id, meta });
  if (json.length > LIMITS.privateMetadata) throw new Error(`reasonModal: private_metadata is longer than ${LIMITS.privateMetadata} characters`);
  return json;
};

export const reasonModal = (t: Translate, data: ReasonModalData, locale: string = STAFF_LOCALE): ModalView => {
  const tx = texts(t, locale);
  const k = `modal.${data.kind}`;
  const blocks: Block[] = [];
  if (data.clientName) blocks.push(section(tx.md(`${k}.intro`, { client: data.clientName })));
  blocks.push({
    type: 'input',
    block_id: REASON_BLOCK,
    label: plain(tx.plain('modal.reason_label'), LIMITS.inputLabel),
    hint: plain(tx.plain('modal.reason_hint'), LIMITS.inputHint),
    element: {
      type: 'plain_text_input',
      action_id: REASON_INPUT,
      multiline: true,
      min_length: 1,
      max_length: LIMITS.reasonMax,
      placeholder: plain(tx.plain(`${k}.placeholder`), LIMITS.placeholder),
    },
  });
  return {
    type: 'modal',
    callback_id: CALLBACK[data.kind],
    title: plain(tx.plain(`${k}.title`), LIMITS.modalTitle),
    submit: plain(tx.plain(`${k}.submit`), LIMITS.modalButton),
    close: plain(tx.plain('modal.close'), LIMITS.modalButton),
    private_metadata: encodeMetadata(data.id, data.privateMetadata),
    blocks,
  };
};

export interface ReasonSubmission {
  kind: ReasonKind;
  id: string;
  privateMetadata: string;
  /** trimmed; null when blank or longer than the modal allows */
  reason: string | null;
}

interface SubmittedView {
  callback_id?: unknown;
  private_metadata?: unknown;
  state?: { values?: Record<string, Record<string, { value?: unknown } | undefined> | undefined> };
}

/** A submitted reason modal (Slack's `view` of a view_submission), or null when it is not one of ours. */
export const readReasonSubmission = (view: SubmittedView): ReasonSubmission | null => {
  const kind = (Object.keys(CALLBACK) as ReasonKind[]).find((k) => CALLBACK[k] === view.callback_id);
  if (!kind || typeof view.private_metadata !== 'string') return null;
  let meta: unknown;
  try {
    meta = JSON.parse(view.private_metadata);
  } catch {
    return null;
  }
  if (typeof meta !== 'object' || meta === null) return null;
  const { id, meta: privateMetadata } = meta as { id?: unknown; meta?: unknown };
  if (typeof id !== 'string' || !id || typeof privateMetadata !== 'string') return null;
  const raw = view.state?.values?.[REASON_BLOCK]?.[REASON_INPUT]?.value;
  const reason = typeof raw === 'string' ? raw.trim() : '';
  return { kind, id, privateMetadata, reason: reason && Array.from(reason).length <= LIMITS.reasonMax ? reason : null };
};

/** The answer to a submission whose reason is blank: Slack shows the message under the input. */
export const reasonErrors = (t: Translate, locale: string = STAFF_LOCALE) => ({
  response_action: 'errors' as const,
  errors: { [REASON_BLOCK]: texts(t, locale).plain('modal.reason_required') },
});
