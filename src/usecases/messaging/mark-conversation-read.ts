import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Message, Millis } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

const inputSchema = z.object({ clientId: z.string().min(1) });

/** A message the client has not seen yet: the caseworker's, sent after the client last read. */
export const isUnreadByClient = (m: Pick<Message, 'direction' | 'internal' | 'createdAt'>, readAt: Millis | null | undefined): boolean =>
  m.direction === 'out' && !m.internal && m.createdAt > (readAt ?? Number.NEGATIVE_INFINITY);

/**
 * The client has opened their conversation: everything the caseworker sent until now is read.
 * Only the client themself marks it; with no conversation yet there is nothing to mark. Answers
 * when they had read before, so a page can point out what is new.
 */
export const markConversationRead = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<{ readAt: Millis | null; previousReadAt: Millis | null }, 'invalid' | 'forbidden' | 'not_found'>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const client = await loadClient(deps, actor, parsed.data.clientId);
  if (!client) return fail('not_found');
  if (actor.type !== 'client') return fail('forbidden');
  const conversation = await deps.store.conversations.forClient(actor, client.id);
  if (!conversation) return ok({ readAt: null, previousReadAt: null });
  const now = deps.clock.now();
  await deps.store.commit([
    deps.store.conversations.touch(actor, conversation.id, { clientReadAt: now }),
    auditWrite(deps, actor, 'conversation.mark_read', { type: 'conversation', id: conversation.id }, client.id),
  ]);
  return ok({ readAt: now, previousReadAt: conversation.clientReadAt ?? null });
};
