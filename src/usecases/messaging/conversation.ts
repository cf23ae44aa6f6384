import type { Client, Conversation, Millis } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import type { CoreDeps } from '../shared/deps.ts';

/**
 * The client's one conversation, and the write creating it when this is its first message (the
 * caseworker is the client's). A concurrent first message makes one of the two commits fail on the
 * unique client key; `commitOnce` then builds again and finds the conversation.
 */
export const openConversation = async (
  deps: Pick<CoreDeps, 'store' | 'ids'>,
  client: Client,
  now: Millis,
): Promise<{ conversation: Conversation; create: Write | null }> => {
  const existing = await deps.store.conversations.forClient({ agencyId: client.agencyId }, client.id);
  if (existing) return { conversation: existing, create: null };
  const conversation: Conversation = {
    id: deps.ids.newId('cnv'),
    agencyId: client.agencyId,
    clientId: client.id,
    staffId: client.staffId,
    slackThreadTs: null, slackChannel: null,
    lastInboundAt: null,
    lastOutboundAt: null,
    clientReadAt: null,
  };
  return { conversation, create: deps.store.conversations.insert({ ...conversation, createdAt: now }) };
};
