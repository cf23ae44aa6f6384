// A caseworker writes in a client's thread: a reply to the client (through the outbox), or with
// `note:` an internal note. Replies from a Slack user who is not on the staff are not sent; that
// user alone is told why. The app's own messages and anything outside client threads are ignored.
// Client threads live in SLACK_CHANNEL and in the caseworkers' own channels: a thread is known by
// its channel and its parent's ts together.
import { replyInThread } from '../../../src/usecases/slack/thread-reply.ts';
import { isClientThread } from '../../../src/usecases/slack/thread.ts';
import type { SlackEnv } from './env.ts';
import { slackTextToPlain } from './slack-text.ts';
import { str } from './env.ts';

/** The reaction a caseworker's message gets: queued for the client, or kept as a note. */
export const QUEUED_REACTION = 'outbox_tray';
export const NOTE_REACTION = 'lock';

export const onMessage = async (env: SlackEnv, event: Record<string, unknown>): Promise<void> => {
  // Edits, joins and bot posts (ours included) are not replies; "also send to channel" is.
  if ((event.subtype !== undefined && event.subtype !== 'thread_broadcast') || event.bot_id !== undefined) return;
  const user = str(event.user);
  const ts = str(event.ts);
  const threadTs = str(event.thread_ts);
  const channel = str(event.channel);
  if (!user || user === env.botUserId || !channel || !threadTs || threadTs === ts) return;
  // Threads elsewhere (any channel the app is in) are none of ours: not even an "unmapped" answer.
  const at = { channel, threadTs, defaultChannel: env.channel };
  if (!(await isClientThread(env.core, env.agencyId, at))) return;
  const r = await replyInThread(env.core, { agencyId: env.agencyId, ...at, slackUserId: user, text: slackTextToPlain(str(event.text)), messageTs: ts });
  if (!r.ok) {
    if (r.code === 'not_a_client_thread') return;
    const own = ['empty_message', 'message_too_long', 'unclear_note'];
    const key = r.code === 'unmapped_user' ? 'slack.reply.unmapped' : `slack.reply.${own.includes(r.code) ? r.code : 'failed'}`;
    await env.api.postEphemeral({ channel, user, thread_ts: threadTs, text: env.core.t('en', key) });
    return;
  }
  if (r.value.kind === 'duplicate') return;
  await env.api.reactionsAdd({ channel, timestamp: ts, name: r.value.kind === 'note' ? NOTE_REACTION : QUEUED_REACTION });
};
