import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { pickDeliveryChannel } from '../../domain/channels.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Message } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { clientNoticeWrite } from '../shared/notify-client.ts';
import { cleanBody, type BodyRefusal } from './body.ts';
import { commitOnce, type Once } from './commit-once.ts';
import { openConversation } from './conversation.ts';
import { replyingStaff } from './staff.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  text: z.string().max(100_000),
  /** the cause of the reply (a Slack event id, a form's key): a retry with it never queues twice */
  idempotencyKey: z.string().min(1).max(256),
});

export type ReplyRefusal = 'invalid' | 'forbidden' | 'not_found' | BodyRefusal;

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
  raw: z.input<typeof inputSchema>,
): Promise<Result<Once<{ message: Message; delivery: ReplyDelivery }>, ReplyRefusal>> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const text = cleanBody(input.text);
  if (!text.ok) return text;
  const who = await replyingStaff(deps, actor);
  if (!who) return fail('forbidden');
  const client = await deps.store.clients.get(actor, input.clientId);
  if (!client) return fail('not_found');
  const key = { source: 'staff_reply', externalId: `${client.id}:${input.idempotencyKey}` };
  const outcome = await commitOnce(deps, key, async () => {
    const now = deps.clock.now();
    const { conversation, create } = await openConversation(deps, client, now);
    const to = pickDeliveryChannel(client, await deps.store.channels.listForClient(client, client.id));
    const messageId = deps.ids.newId('msg');
    const outboxId = deps.ids.newId('out');
    const notice = await clientNoticeWrite(deps, client, {
      id: outboxId,
      key: 'staff_reply',
      vars: { name: who.firstName ?? '', text: text.value },
      // no name to sign with (an admin): the neutral wording carries the text alone
      sensitive: who.firstName === null,
      idempotencyKey: `staff_reply:${key.externalId}`,
      payload: { kind: 'message', messageId },
    });
    const message: Message = {
      id: messageId,
      agencyId: client.agencyId,
      conversationId: conversation.id,
      clientId: client.id,
      direction: 'out',
      channel: notice && to ? to.kind : 'portal',
      body: text.value,
      status: notice ? 'queued' : 'sent',
      externalId: null,
      internal: false,
      staffId: who.staffId,
      outboxId: notice ? outboxId : null,
      createdAt: now,
    };
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
