import type { Actor } from '../../domain/actor.ts';
import { pickDeliveryChannel } from '../../domain/channels.ts';
import { ok, type Result } from '../../domain/result.ts';
import type { Message } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { clientNoticeWrite } from '../shared/notify-client.ts';
import { commitOnce, type Once } from './commit-once.ts';
import { openConversation } from './conversation.ts';
import { staffMessage, staffWrite, type StaffWriteInput, type StaffWriteRefusal } from './staff.ts';

export type ReplyRefusal = StaffWriteRefusal;

/**
 * - `queued`: an outbox row will push it to the client's safe channel (status `queued`, then `sent`).
 * - `portal`: the client has no usable push channel; the message is stored with status `sent`
 *   and no outbox row, and waits in the portal. Nothing is pending, so nothing claims it is.
 */
export type ReplyDelivery = 'queued' | 'portal';

/**
 * A caseworker answers a client. The message and the outbox row that carries it to the client's
 * channel (in the client's language, neutral when the client asked for it) are one commit, with
 * the event row that makes a retried reply a no-op.
 */
export const sendStaffReply = async (
  deps: CoreDeps,
  actor: Actor,
  raw: StaffWriteInput,
): Promise<Result<Once<{ message: Message; delivery: ReplyDelivery }>, ReplyRefusal>> => {
  const checked = await staffWrite(deps, actor, raw);
  if (!checked.ok) return checked;
  const { who, client, text, idempotencyKey, slackMessage } = checked.value;
  const key = { source: 'staff_reply', externalId: `${client.id}:${idempotencyKey}` };
  const outcome = await commitOnce(deps, key, async () => {
    const now = deps.clock.now();
    const { conversation, create } = await openConversation(deps, client, now);
    const to = pickDeliveryChannel(client, await deps.store.channels.listForClient(client, client.id));
    const messageId = deps.ids.newId('msg');
    const outboxId = deps.ids.newId('out');
    const notice = await clientNoticeWrite(deps, client, {
      id: outboxId,
      key: 'staff_reply',
      // the channel chosen above: decided once
      to,
      kind: 'reply',
      vars: { name: who.firstName ?? '', text: text },
      // no name to sign with (an admin): the neutral wording carries the text alone
      sensitive: who.firstName === null,
      idempotencyKey: `staff_reply:${key.externalId}`,
      payload: { kind: 'message', messageId, ...(slackMessage ? { slackMessage } : {}) },
    });
    const message = staffMessage({
      id: messageId,
      client,
      conversationId: conversation.id,
      channel: notice && to ? to.kind : 'portal',
      body: text,
      status: notice ? 'queued' : 'sent',
      staffId: who.staffId,
      outboxId: notice ? outboxId : null,
      at: now,
    });
    const writes = [
      deps.store.inbound.insert({ id: deps.ids.newId('inb'), agencyId: client.agencyId, ...key, receivedAt: now }),
      create,
      notice,
      deps.store.messages.insert(message),
      deps.store.conversations.touch(client, conversation.id, { lastOutboundAt: now }),
      auditWrite(deps, actor, 'message.reply', { type: 'message', id: message.id }, client.id),
    ];
    return { writes, value: { message, delivery: notice ? ('queued' as const) : ('portal' as const) } };
  });
  return ok(outcome);
};
