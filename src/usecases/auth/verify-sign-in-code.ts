import { z } from 'zod';
import { toE164 } from '../../domain/phone.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { constantTimeEqual } from '../../domain/secrets.ts';
import type { PortalSession } from '../../ports/auth-store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { codeHash } from './request-sign-in-code.ts';
import { newSession } from './session-token.ts';

export const MAX_CODE_ATTEMPTS = 5;

const inputSchema = z.object({
  agencyId: z.string().min(1),
  phone: z.string().max(40),
  code: z.string().max(20),
});

/** One code for every failure (wrong, expired, used, too many tries): nothing to learn from it. */
export type VerifyRefusal = 'code_invalid';

/** The client types the code: a right, fresh, unused code within 5 tries opens a new session. */
export const verifySignInCode = async (
  deps: CoreDeps,
  raw: z.input<typeof inputSchema>,
): Promise<Result<{ token: string; session: PortalSession }, VerifyRefusal>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('code_invalid');
  const phone = toE164(parsed.data.phone);
  const code = parsed.data.code.replace(/\D/g, '');
  if (!phone || code.length !== 6) return fail('code_invalid');
  const now = deps.clock.now();
  const open = await deps.store.signInCodes.latestOpen(phone, now);
  if (!open || open.agencyId !== parsed.data.agencyId) return fail('code_invalid');
  if (!(await deps.store.signInCodes.tryAttempt(open.id, MAX_CODE_ATTEMPTS))) return fail('code_invalid');
  if (!constantTimeEqual(await codeHash(open.id, code), open.codeHash)) return fail('code_invalid');
  const client = await deps.store.clients.get({ agencyId: open.agencyId }, open.clientId);
  if (!client) return fail('code_invalid');
  const { token, session } = await newSession(client, 'code', now);
  const actor = { type: 'client' as const, agencyId: client.agencyId, clientId: client.id, door: 'portal' as const };
  const outcome = await deps.store.commit([
    ...deps.store.signInCodes.consume(open.id, now),
    deps.store.sessions.insert(session),
    auditWrite(deps, actor, 'portal.sign_in', { type: 'session', id: null }, client.id),
  ]);
  return outcome === 'ok' ? ok({ token, session }) : fail('code_invalid');
};
