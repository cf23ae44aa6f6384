import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import type { Client } from '../../domain/types.ts';
import { hasConsent } from '../clients/settings-view.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { chatIdSchema } from './link-token.ts';

/**
 * The client a Telegram chat belongs to, in the actor's agency: only while that chat is their
 * verified Telegram channel with consent. Null for an unknown, unlinked or stopped chat — the bot
 * then explains how to connect and shows no client data. Called on every update, so it reads only.
 */
export const clientForChat = async (deps: Pick<CoreDeps, 'store'>, actor: Actor, chatId: z.input<typeof chatIdSchema>): Promise<Client | null> => {
  const parsed = chatIdSchema.safeParse(chatId);
  if (!parsed.success) return null;
  const ch = await deps.store.channels.findByAddress(actor, 'telegram', parsed.data);
  if (!ch) return null;
  const client = await deps.store.clients.get(actor, ch.clientId);
  return client && hasConsent(client, ch) ? client : null;
};
