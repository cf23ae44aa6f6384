import { z } from 'zod';
import { pickDeliveryChannel } from '../../domain/channels.ts';
import { toE164 } from '../../domain/phone.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { randomDigits, sha256Hex } from '../../domain/secrets.ts';
import { MINUTE } from '../../domain/time.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { clientNoticeWrite } from '../shared/notify-client.ts';

export const CODE_TTL_MS = 10 * MINUTE;
const WINDOW_MS = 15 * MINUTE;
export const MAX_CODES_PER_PHONE = 3;
export const MAX_CODES_PER_IP = 10;

const inputSchema = z.object({
  agencyId: z.string().min(1),
  phone: z.string().max(40),
  ip: z.string().max(64).nullable(),
});

export type RequestCodeRefusal = 'invalid_phone' | 'throttled';

export const codeHash = (codeId: string, code: string) => sha256Hex(`${codeId}:${code}`);

/**
 * A client asks for a sign-in code. The answer is the same whether or not the number is enrolled
 * (nothing tells who is a client); an enrolled client with a verified push channel gets a 6-digit
 * code through the outbox, valid 10 minutes, replacing any earlier one. Throttled per phone and
 * per IP address.
 */
export const requestSignInCode = async (
  deps: CoreDeps,
  raw: z.input<typeof inputSchema>,
): Promise<Result<{ phone: string }, RequestCodeRefusal>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid_phone');
  const phone = toE164(parsed.data.phone);
  if (!phone) return fail('invalid_phone');
  const now = deps.clock.now();
  const byPhone = await deps.store.rateLimits.hit(`signin:phone:${phone}`, now, WINDOW_MS);
  const byIp = parsed.data.ip ? await deps.store.rateLimits.hit(`signin:ip:${parsed.data.ip}`, now, WINDOW_MS) : 0;
  if (byPhone > MAX_CODES_PER_PHONE || byIp > MAX_CODES_PER_IP) return fail('throttled', { minutes: WINDOW_MS / MINUTE });

  const scope = { agencyId: parsed.data.agencyId };
  const portal = await deps.store.channels.findByAddress(scope, 'portal', phone);
  const client = portal?.verified ? await deps.store.clients.get(scope, portal.clientId) : null;
  if (!client) return ok({ phone });
  if (!pickDeliveryChannel(client, await deps.store.channels.listForClient(scope, client.id))) return ok({ phone });

  const id = deps.ids.newId('sic');
  const code = randomDigits(6);
  const notice = await clientNoticeWrite(deps, client, {
    key: 'signin_code',
    kind: 'auth',
    vars: { code, minutes: CODE_TTL_MS / MINUTE },
    idempotencyKey: `signin_code:${id}`,
    payload: { kind: 'signin_code' },
  });
  await deps.store.commit([
    deps.store.signInCodes.closeOpen(phone, now),
    deps.store.signInCodes.insert({
      id,
      agencyId: client.agencyId,
      clientId: client.id,
      phone,
      codeHash: await codeHash(id, code),
      attempts: 0,
      expiresAt: now + CODE_TTL_MS,
      consumedAt: null,
      createdAt: now,
    }),
    notice,
    auditWrite(deps, { type: 'client', agencyId: client.agencyId, clientId: client.id, door: 'portal' }, 'portal.signin_code_sent', { type: 'client', id: client.id }, client.id),
  ].filter((w) => w !== null));
  deps.onOutbox?.();
  return ok({ phone });
};
