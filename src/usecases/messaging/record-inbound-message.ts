import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { CLIENT_CHANNEL_KINDS, type Message } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { cleanBody, cutBody, type BodyRefusal } from './body.ts';
import { detectCrisis } from '../../domain/crisis/detect.ts';
import { commitOnce, type Once } from './commit-once.ts';
import { openConversation } from './conversation.ts';
import { staffNoticeWrite } from '../shared/notify-staff.ts';
import { raiseCrisis } from '../crisis/raise-crisis.ts';
import type { CrisisCategory } from '../../domain/crisis/detect.ts';
import { pauseByWordWrites } from '../safety/pause-messages.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  channel: z.enum(CLIENT_CHANNEL_KINDS),
  body: z.string().max(100_000),
  /** who gave the external id: 'twilio', 'telegram', 'portal', … */
  source: z.string().min(1).max(64),
  externalId: z.string().min(1).max(256),
  receivedAt: z.number().int().nonnegative().optional(),
  /** the address it came from (the number, the chat id): where crisis help is sent back */
  replyTo: z.string().max(256).optional(),
});

export type InboundRefusal = 'invalid' | 'forbidden' | 'not_found' | BodyRefusal;

/**
 * `crisis` is set when the message read like a crisis: the alert is raised and help is on its way.
 * `paused`: the message was the client's pause word. Nothing of it is kept as a message (it is a
 * private word): the client's messages are paused, their caseworker told, and, from a chat, the
 * pause confirmed there.
 */
export type InboundOutcome =
  | { duplicate: true }
  | { duplicate: false; value: Message; crisis?: CrisisCategory; paused?: false }
  | { duplicate: false; value: null; paused: true; crisis?: undefined };

/**
 * A client's message arrives through a door (SMS, Telegram, the portal). Stored once per
 * (source, externalId): a provider's retry, or a form sent twice, is reported as a duplicate and
 * writes nothing. The event, the conversation (on the first message), the message and the audit
 * row are one commit. A client posts only as themself; the doors' own webhooks act as `system`;
 * staff cannot put words in a client's mouth. A message that reads like a crisis raises the alert
 * and sends the crisis resources back, in the same commit (raise-crisis.ts).
 */
export const recordInboundMessage = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<InboundOutcome, InboundRefusal>> => {
  if (actor.type === 'staff' || actor.type === 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  let body = cleanBody(input.body);
  // A crisis is never refused for being long: it is kept cut to the limit, and the alert raised.
  if (!body.ok && body.code === 'message_too_long' && detectCrisis(input.body)) body = ok(cutBody(input.body));
  if (!body.ok) return body;
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const now = deps.clock.now();
  // A provider's clock may run ahead of ours: never file a message in the future.
  const at = Math.min(input.receivedAt ?? now, now);
  const key = { source: input.source, externalId: input.externalId };
  const event = () => deps.store.inbound.insert({ id: deps.ids.newId('inb'), agencyId: client.agencyId, ...key, receivedAt: at });
  type Built = { paused: true } | { message: Message; crisis: CrisisCategory | undefined };
  const outcome = await commitOnce<Built>(deps, key, async () => {
    // The pause word first: whatever else the message could be, it stops the messages.
    const pause = await pauseByWordWrites(deps, client, { channel: input.channel, body: body.value, replyTo: input.replyTo });
    if (pause !== null) return { writes: [event(), ...pause], value: { paused: true as const } };
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
    const crisis = await raiseCrisis(deps, {
      client,
      conversationId: conversation.id,
      messageId: message.id,
      text: body.value,
      // read whole, even when the message was kept cut: the words may be at its end
      whole: input.body,
      channel: input.channel,
      replyTo: input.replyTo,
      at,
    });
    const writes = [
      event(),
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
      ...(crisis?.writes ?? []),
    ].filter((w) => w !== null);
    return { writes, value: { message, crisis: crisis?.category } };
  });
  if (outcome.duplicate) return ok(outcome);
  if ('paused' in outcome.value) return ok({ duplicate: false, value: null, paused: true });
  const { message, crisis } = outcome.value;
  return ok({ duplicate: false, value: message, ...(crisis ? { crisis } : {}) });
};
