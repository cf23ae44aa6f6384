import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { sha256Hex } from '../../domain/secrets.ts';
import type { Client } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { chatIdSchema, linkTokenSchema } from './link-token.ts';

const inputSchema = z.object({ token: z.string(), chatId: chatIdSchema });

export type LinkTelegramRefusal = 'invalid' | 'link_invalid' | 'chat_taken';

/**
 * The bot received `/start <token>` in a private chat: a usable token (known, of this agency,
 * unused, unexpired) ties that chat to the token's client — their Telegram channel now points at
 * the chat, verified and consented — and the token is used in the same commit. A chat already tied
 * to another client of the agency stays where it is. Returns the client, so the bot can answer in
 * their language.
 */
export const linkTelegramChat = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Client, LinkTelegramRefusal>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const { token, chatId } = parsed.data;
  // A bad, used, expired or foreign token all look the same.
  if (!linkTokenSchema.safeParse(token).success) return fail('link_invalid');
  const link = await deps.store.telegramLinks.get(await sha256Hex(token));
  const now = deps.clock.now();
  if (!link || link.agencyId !== actor.agencyId || link.consumedAt !== null || link.expiresAt <= now) return fail('link_invalid');
  const client = await deps.store.clients.get(actor, link.clientId);
  if (!client) return fail('link_invalid');

  const holder = await deps.store.channels.findByAddress(actor, 'telegram', chatId);
  if (holder && holder.clientId !== client.id) {
    await deps.store.commit([auditWrite(deps, actor, 'telegram.link_refused', { type: 'channel', id: null }, client.id)]);
    return fail('chat_taken');
  }
  // The client's one Telegram channel: the row of this chat, else the one they had, else a new one.
  const own = holder ?? (await deps.store.channels.listForClient(actor, client.id)).find((c) => c.kind === 'telegram') ?? null;
  const fields = { address: chatId, verified: true, consentGivenAt: now, consentWithdrawnAt: null };
  const channelId = own?.id ?? deps.ids.newId('chn');
  const channelWrite: Write = own
    ? deps.store.channels.relink(actor, client.id, own.id, fields)
    : deps.store.channels.insert({ id: channelId, agencyId: client.agencyId, clientId: client.id, kind: 'telegram', ...fields, createdAt: now });
  const outcome = await deps.store.commit([
    ...deps.store.telegramLinks.consume(link.id, now),
    channelWrite,
    auditWrite(deps, actor, 'telegram.linked', { type: 'channel', id: channelId }, client.id),
  ]);
  // `duplicate`: another client took this chat at the same moment; `conflict`: the token was used meanwhile.
  if (outcome === 'duplicate') return fail('chat_taken');
  return outcome === 'ok' ? ok(client) : fail('link_invalid');
};
