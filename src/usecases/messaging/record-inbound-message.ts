import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { CLIENT_CHANNEL_KINDS, type Message } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { cleanBody, type BodyRefusal } from './body.ts';
import { commitOnce, type Once } from './commit-once.ts';
import { openConversation } from './conversation.ts';
import { staffNoticeWrite } from '../shared/notify-staff.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  channel: z.enum(CLIENT_CHANNEL_KINDS),
  body: z.string().max(100_000),
  /** who gave the external id: 'twilio', 'telegram', 'portal', … */
  source: z.string().min(1).max(64),
  externalId: z.string().min(1).max(256),
  receivedAt: z.number().int().nonnegative().optional(),
});

export type InboundRefusal = 'invalid' | 'forbidden' | 'not_found' | BodyRefusal;

/**
 * A client's message arrives through a door (SMS, Telegram, the portal). Stored once per
 * (source, externalId): a provider's retry, or a form sent twice, is reported as a duplicate and
 * writes nothing. The event, the conversation (on the first message), the message and the audit
 * row are one commit. A client posts only as themself; the doors' own webhooks act as `system`;
 * staff cannot put words in a client's mouth.
 */
export const recordInboundMessage = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Once<Message>, InboundRefusal>> => {
  if (actor.type === 'staff' || actor.type === 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const body = cleanBody(input.body);
  if (!body.ok) return body;
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const now = deps.clock.now();
  // A provider's clock may run ahead of ours: never file a message in the future.
  const at = Math.min(input.receivedAt ?? now, now);
  const key = { source: input.source, externalId: input.externalId };
  const outcome = await commitOnce(deps, key, async () => {
    const { conversation, create } = await openConversation(deps, client, at);
    const message: Message = {
      id: deps.ids.newId('msg'),
      agencyId: client.agencyId,
      conversationId: conversation.id,
      clientId: client.id,
      direction: 'in',
      channel: input.channel,
      body: body.value,
      status: 'received',
      externalId: input.externalId,
      internal: false,
      staffId: null,
      outboxId: null,
      createdAt: at,
    };
    const writes = [
      deps.store.inbound.insert({ id: deps.ids.newId('inb'), agencyId: client.agencyId, ...key, receivedAt: at }),
      create,
      deps.store.messages.insert(message),
      deps.store.conversations.touch(client, conversation.id, { lastInboundAt: at }),
      auditWrite(deps, actor, 'message.receive', { type: 'message', id: message.id }, client.id),
      // The caseworker reads it where they work (their Slack thread for this client).
      staffNoticeWrite(deps, client, {
        key: 'client_message',
        vars: { body: body.value, channel: input.channel },
        idempotencyKey: `msg-in:${message.id}`,
        payload: { messageId: message.id, channel: input.channel, body: body.value },
      }),
    ].filter((w) => w !== null);
    return { writes, value: message };
  });
  return ok(outcome);
};
