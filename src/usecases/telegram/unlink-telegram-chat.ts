import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Client, ClientChannel } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { chatIdSchema } from './link-token.ts';

const inputSchema = z.union([
  /** `/stop` in the bot: the chat it came from */
  z.object({ chatId: chatIdSchema }),
  /** the portal: the signed-in client */
  z.object({ clientId: z.string().min(1) }),
]);

export interface TelegramUnlinked {
  /** whose chat it was; null when the chat was tied to no one */
  client: Client | null;
  /** false when there was nothing left to withdraw */
  changed: boolean;
}

const withdrawn = (ch: ClientChannel) => ch.consentWithdrawnAt !== null && (ch.consentGivenAt === null || ch.consentWithdrawnAt >= ch.consentGivenAt);

/**
 * Stops Telegram for a client: consent is withdrawn on their Telegram channel (the row stays, for
 * the record), so nothing is sent there and the bot no longer recognises the chat. Asking again
 * changes nothing; every call on a known channel is audited.
 */
export const unlinkTelegramChat = async (
  deps: Pick<CoreDeps, 'store' | 'clock' | 'ids'>,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<TelegramUnlinked, 'invalid' | 'not_found'>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  let client: Client | null;
  let channels: ClientChannel[];
  if ('chatId' in input) {
    const ch = await deps.store.channels.findByAddress(actor, 'telegram', input.chatId);
    client = ch ? await deps.store.clients.get(actor, ch.clientId) : null;
    // An unknown chat has nothing to stop and no one to audit it for.
    if (!ch || !client) return ok({ client: null, changed: false });
    channels = [ch];
  } else {
    client = await loadClient(deps, actor, input.clientId);
    if (!client) return fail('not_found'); // loadClient has recorded the attempt
    channels = (await deps.store.channels.listForClient(actor, client.id)).filter((c) => c.kind === 'telegram');
  }
  const now = deps.clock.now();
  const open = channels.filter((c) => !withdrawn(c));
  await deps.store.commit([
    ...open.map((c) => deps.store.channels.setConsent(actor, client.id, c.id, { consentWithdrawnAt: now })),
    auditWrite(deps, actor, 'telegram.unlinked', { type: 'channel', id: channels[0]?.id ?? null }, client.id),
  ]);
  return ok({ client, changed: open.length > 0 });
};
