import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { randomToken, sha256Hex } from '../../domain/secrets.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { botUsernameSchema, deepLink, linkTokenSchema, TELEGRAM_LINK_TTL_MS } from './link-token.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  /** the bot's @username without the @, from configuration */
  botUsername: botUsernameSchema,
});

export interface TelegramLinkOffer {
  /** the one-time token: only its hash is stored */
  token: string;
  /** `https://t.me/<bot>?start=<token>` */
  url: string;
  expiresAt: number;
}

/**
 * A client (on the portal) or their caseworker asks for a "Connect Telegram" deep link: a
 * one-time token, valid 15 minutes, that ties the chat which sends `/start <token>` to this client.
 */
export const createTelegramLink = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<TelegramLinkOffer, 'invalid' | 'not_found'>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const client = await loadClient(deps, actor, parsed.data.clientId);
  if (!client) return fail('not_found'); // loadClient has recorded the attempt
  const token = randomToken(32);
  // 43 base64url characters: always a valid Telegram start parameter.
  if (!linkTokenSchema.safeParse(token).success) throw new Error('telegram link token does not fit a start parameter');
  const now = deps.clock.now();
  const expiresAt = now + TELEGRAM_LINK_TTL_MS;
  const id = await sha256Hex(token);
  await deps.store.commit([
    deps.store.telegramLinks.insert({ id, agencyId: client.agencyId, clientId: client.id, expiresAt, consumedAt: null, createdAt: now }),
    auditWrite(deps, actor, 'telegram.link_created', { type: 'client', id: client.id }, client.id),
  ]);
  return ok({ token, url: deepLink(parsed.data.botUsername, token), expiresAt });
};
