// A client's Slack thread: the conversation's `slackThreadTs` in its `slackChannel` (their
// caseworker's own channel, or the agency's SLACK_CHANNEL), opened by the Slack adapter with a
// header message the first time anything about the client is posted.
import type { Actor } from '../../domain/actor.ts';
import type { Client, Conversation } from '../../domain/types.ts';
import type { SlackThreadRef } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { openConversation } from '../messaging/conversation.ts';

/** The client and their conversation (created if they had none), for posting into their thread. */
export const conversationForSlack = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  agencyId: string,
  clientId: string,
): Promise<{ client: Client; conversation: Conversation } | null> => {
  const client = await deps.store.clients.get({ agencyId }, clientId);
  if (!client) return null;
  const { conversation, create } = await openConversation(deps, client, deps.clock.now());
  // 'duplicate' means a twin created it first: read that one.
  if (create && (await deps.store.commit([create])) !== 'ok') {
    const theirs = await deps.store.conversations.forClient({ agencyId }, clientId);
    return theirs ? { client, conversation: theirs } : null;
  }
  return { client, conversation };
};

/**
 * Where a client's thread opens: their caseworker's own channel when they have one (and still
 * work here), else null: the agency's SLACK_CHANNEL.
 */
export const threadChannelFor = async (deps: Pick<CoreDeps, 'store'>, client: Client): Promise<string | null> => {
  const caseworker = client.staffId ? await deps.store.staff.get({ agencyId: client.agencyId }, client.staffId) : null;
  return caseworker?.active && caseworker.slackChannel ? caseworker.slackChannel : null;
};

/**
 * Records the thread just opened, with its channel; the one that stands is returned (another
 * worker may have won), its channel null for a thread recorded before channels were.
 */
export const recordSlackThread = (deps: Pick<CoreDeps, 'store'>, agencyId: string, conversationId: string, thread: SlackThreadRef) =>
  deps.store.conversations.claimSlackThread({ agencyId }, conversationId, thread);

/** Moves the client's thread (see ConversationRepo.moveSlackThread); the one that stands is returned. */
export const moveSlackThread = (
  deps: Pick<CoreDeps, 'store'>,
  agencyId: string,
  conversationId: string,
  from: { channel: string | null; threadTs: string },
  to: SlackThreadRef,
) => deps.store.conversations.moveSlackThread({ agencyId }, conversationId, from, to);

/** A message's place in Slack: its thread, and SLACK_CHANNEL (where threads recorded without a channel are). */
export interface ThreadAt extends SlackThreadRef {
  defaultChannel: string;
}

/** Whether a thread is a client's (not audited: it says nothing of which client). */
export const isClientThread = async (deps: Pick<CoreDeps, 'store'>, agencyId: string, at: ThreadAt): Promise<boolean> =>
  (await deps.store.conversations.bySlackThread({ agencyId }, at, at.defaultChannel)) !== null;

/**
 * The client whose thread a caseworker wrote in, for that caseworker: null when the thread is not a
 * client's. Reading it is audited (the staff member saw which client this is).
 */
export const clientOfThread = async (deps: CoreDeps, actor: Actor, at: ThreadAt): Promise<Client | null> => {
  const conversation = await deps.store.conversations.bySlackThread(actor, at, at.defaultChannel);
  if (!conversation) return null;
  const client = await deps.store.clients.get(actor, conversation.clientId);
  if (client) await deps.store.commit([auditWrite(deps, actor, 'client.view', { type: 'client', id: client.id }, client.id)]);
  return client;
};

/** The staff member a Slack user is, as an actor; null for a user who is not (or no longer) on the staff. */
export const staffForSlackUser = async (deps: Pick<CoreDeps, 'store'>, agencyId: string, slackUserId: string): Promise<Actor | null> => {
  const staff = await deps.store.staff.findBySlackUser({ agencyId }, slackUserId);
  return staff ? { type: 'staff', agencyId, staffId: staff.id, door: 'slack' } : null;
};
