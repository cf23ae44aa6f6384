import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Message } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { cleanBody, type BodyRefusal } from './body.ts';
import { commitOnce, type Once } from './commit-once.ts';
import { openConversation } from './conversation.ts';
import { replyingStaff } from './staff.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  text: z.string().max(100_000),
  /** the cause of the note (a Slack event id, a form's key): a retry never stores it twice */
  idempotencyKey: z.string().min(1).max(256),
});

export type NoteRefusal = 'invalid' | 'forbidden' | 'not_found' | BodyRefusal;

/**
 * A caseworker's note in the client's conversation, for the agency's eyes only: status
 * `internal`, never an outbox row, never listed to the client.
 */
export const addInternalNote = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Once<Message>, NoteRefusal>> => {
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
  const key = { source: 'internal_note', externalId: `${client.id}:${input.idempotencyKey}` };
  const outcome = await commitOnce(deps, key, async () => {
    const now = deps.clock.now();
    const { conversation, create } = await openConversation(deps, client, now);
    const message: Message = {
      id: deps.ids.newId('msg'),
      agencyId: client.agencyId,
      conversationId: conversation.id,
      clientId: client.id,
      direction: 'out',
      channel: actor.door,
      body: text.value,
      status: 'internal',
      externalId: null,
      internal: true,
      staffId: who.staffId,
      outboxId: null,
      createdAt: now,
    };
    const writes = [
      deps.store.inbound.insert({ id: deps.ids.newId('inb'), agencyId: client.agencyId, ...key, receivedAt: now }),
      create,
      deps.store.messages.insert(message),
      auditWrite(deps, actor, 'message.note', { type: 'message', id: message.id }, client.id),
    ];
    return { writes, value: message };
  });
  return ok(outcome);
};
