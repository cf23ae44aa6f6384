import type { Actor } from '../../domain/actor.ts';
import { ok, type Result } from '../../domain/result.ts';
import type { Message } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { commitOnce, type Once } from './commit-once.ts';
import { openConversation } from './conversation.ts';
import { staffWrite, type StaffWriteInput, type StaffWriteRefusal } from './staff.ts';

export type NoteRefusal = StaffWriteRefusal;

/**
 * A caseworker's note in the client's conversation, for the agency's eyes only: status
 * `internal`, never an outbox row, never listed to the client.
 */
export const addInternalNote = async (
  deps: CoreDeps,
  actor: Actor,
  raw: StaffWriteInput,
): Promise<Result<Once<Message>, NoteRefusal>> => {
  const checked = await staffWrite(deps, actor, raw);
  if (!checked.ok) return checked;
  const { who, client, text, idempotencyKey } = checked.value;
  const key = { source: 'internal_note', externalId: `${client.id}:${idempotencyKey}` };
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
      body: text,
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
