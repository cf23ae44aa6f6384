import { z } from 'zod';
import { isAgencySide, type Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Message, Millis } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { deliveryState, type DeliveryState } from './delivery-state.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  limit: z.number().int().min(1).max(500).optional(),
});

export interface MessageView {
  id: string;
  direction: Message['direction'];
  channel: string;
  body: string;
  internal: boolean;
  staffId: string | null;
  createdAt: Millis;
  delivery: DeliveryState;
  /** agency side only: why the last delivery attempt failed */
  lastError?: string | null;
}

export interface ConversationView {
  conversationId: string | null;
  /** oldest first, newest last */
  messages: MessageView[];
}

/**
 * A client's conversation, the latest `limit` messages newest last, each with where its delivery
 * stands. A client sees their own conversation without the caseworkers' internal notes; staff
 * see everything, with the last delivery error.
 */
export const listConversation = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<ConversationView, 'invalid' | 'not_found'>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const agencySide = isAgencySide(actor);
  const conversation = await deps.store.conversations.forClient(actor, client.id);
  const rows = await deps.store.messages.listWithDelivery(actor, client.id, {
    includeInternal: agencySide,
    limit: input.limit ?? 200,
  });
  await deps.store.commit([auditWrite(deps, actor, 'conversation.read', { type: 'client', id: client.id }, client.id)]);
  const messages = rows
    // the repo already leaves notes out for a client; this line makes sure of it
    .filter(({ message }) => agencySide || !message.internal)
    .map(({ message: m, delivery }): MessageView => {
      const view: MessageView = {
        id: m.id,
        direction: m.direction,
        channel: m.channel,
        body: m.body,
        internal: m.internal,
        staffId: m.staffId,
        createdAt: m.createdAt,
        delivery: deliveryState(m, delivery),
      };
      return agencySide ? { ...view, lastError: delivery?.lastError ?? null } : view;
    });
  return ok({ conversationId: conversation?.id ?? null, messages });
};
