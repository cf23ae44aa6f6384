// A caseworker wrote in a client's Slack thread. `note:` at the start keeps it internal (never
// sent); anything else is a reply delivered to the client on their own channel, through the
// outbox. A Slack user who is not mapped to a staff member sends nothing.
import { fail, ok, type Result } from '../../domain/result.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { addInternalNote } from '../messaging/add-internal-note.ts';
import { sendStaffReply, type ReplyDelivery } from '../messaging/send-staff-reply.ts';
import { clientOfThread, staffForSlackUser } from './thread.ts';

/**
 * `note:` at the very start makes the rest an internal note — also written as Slack formats it
 * (*Note:*, _note -_), as `notes:` or `NB:`. A message that merely begins with such a word and no
 * colon or dash ("Note to self…") is neither: it is not sent, and the caseworker is asked to say
 * which they meant (a note meant as internal must never reach a client's phone).
 */
export const NOTE_PREFIX = /^[\s*_~]*(?:notes?|nb)[\s*_~]*[:\-–—][\s*_~]*/i;
const NOTE_LIKE = /^[\s*_~]*(?:notes?|nb)\b/i;

export interface ThreadPost {
  agencyId: string;
  /** the channel the thread is in */
  channel: string;
  /** SLACK_CHANNEL, where the threads recorded without a channel are */
  defaultChannel: string;
  slackUserId: string;
  threadTs: string;
  text: string;
  /** the Slack message's own ts (unique per channel): a retried event stores nothing twice */
  messageTs: string;
}

export type ThreadReplyOutcome =
  | { kind: 'duplicate' }
  | { kind: 'note'; messageId: string }
  | { kind: 'reply'; messageId: string; outboxId: string | null; delivery: ReplyDelivery };

export type ThreadReplyRefusal = 'unclear_note' | 'unmapped_user' | 'not_a_client_thread' | 'empty_message' | 'message_too_long' | 'invalid' | 'forbidden' | 'not_found';

export const replyInThread = async (deps: CoreDeps, post: ThreadPost): Promise<Result<ThreadReplyOutcome, ThreadReplyRefusal>> => {
  const actor = await staffForSlackUser(deps, post.agencyId, post.slackUserId);
  if (!actor) return fail('unmapped_user');
  const client = await clientOfThread(deps, actor, { channel: post.channel, threadTs: post.threadTs, defaultChannel: post.defaultChannel });
  if (!client) return fail('not_a_client_thread');
  // a ts is unique only within its channel: the channel is part of the key
  const idempotencyKey = `slack:${post.channel}:${post.threadTs}:${post.messageTs}`;
  if (!NOTE_PREFIX.test(post.text) && NOTE_LIKE.test(post.text)) return fail('unclear_note');
  if (NOTE_PREFIX.test(post.text)) {
    const r = await addInternalNote(deps, actor, { clientId: client.id, text: post.text.replace(NOTE_PREFIX, ''), idempotencyKey });
    if (!r.ok) return r;
    return ok(r.value.duplicate ? { kind: 'duplicate' } : { kind: 'note', messageId: r.value.value.id });
  }
  const r = await sendStaffReply(deps, actor, { clientId: client.id, text: post.text, idempotencyKey, slackMessage: { channel: post.channel, ts: post.messageTs, threadTs: post.threadTs } });
  if (!r.ok) return r;
  if (r.value.duplicate) return ok({ kind: 'duplicate' });
  const { message, delivery } = r.value.value;
  return ok({ kind: 'reply', messageId: message.id, outboxId: message.outboxId, delivery });
};
