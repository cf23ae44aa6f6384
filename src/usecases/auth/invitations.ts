import { z } from 'zod';
import { isAgencySide, type Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { randomToken, sha256Hex } from '../../domain/secrets.ts';
import { DAY } from '../../domain/time.ts';
import type { Invitation, PortalSession } from '../../ports/auth-store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { newSession } from './session-token.ts';

export const INVITATION_TTL_MS = 7 * DAY;
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{40,64}$/);

/** A caseworker makes a one-time sign-in link for a client; only its hash is stored. */
export const createInvitation = async (
  deps: CoreDeps,
  actor: Actor,
  input: { clientId: string },
): Promise<Result<{ token: string; path: string; expiresAt: number }, 'forbidden' | 'not_found'>> => {
  if (!isAgencySide(actor)) return fail('forbidden');
  const client = await deps.store.clients.get(actor, input.clientId);
  if (!client) return fail('not_found');
  const token = randomToken(32);
  const now = deps.clock.now();
  const expiresAt = now + INVITATION_TTL_MS;
  await deps.store.commit([
    deps.store.invitations.insert({
      id: await sha256Hex(token),
      agencyId: client.agencyId,
      clientId: client.id,
      staffId: actor.type === 'staff' ? actor.staffId : null,
      expiresAt,
      consumedAt: null,
      createdAt: now,
    }),
    auditWrite(deps, actor, 'portal.invitation_created', { type: 'client', id: client.id }, client.id),
  ]);
  return ok({ token, path: `/invite/${token}`, expiresAt });
};

const usable = async (deps: Pick<CoreDeps, 'store' | 'clock'>, token: string): Promise<Invitation | null> => {
  if (!tokenSchema.safeParse(token).success) return null;
  const inv = await deps.store.invitations.get(await sha256Hex(token));
  return inv && inv.consumedAt === null && inv.expiresAt > deps.clock.now() ? inv : null;
};

/** Opening the link (a GET, or a link scanner) only looks: it uses nothing. */
export const peekInvitation = async (
  deps: Pick<CoreDeps, 'store' | 'clock'>,
  token: string,
): Promise<Result<{ expiresAt: number }, 'invitation_invalid'>> => {
  const inv = await usable(deps, token);
  return inv ? ok({ expiresAt: inv.expiresAt }) : fail('invitation_invalid');
};

/** The client presses "Continue" (a POST): the link is used once and a session begins. */
export const acceptInvitation = async (
  deps: CoreDeps,
  token: string,
): Promise<Result<{ token: string; session: PortalSession }, 'invitation_invalid'>> => {
  const inv = await usable(deps, token);
  if (!inv) return fail('invitation_invalid');
  const client = await deps.store.clients.get({ agencyId: inv.agencyId }, inv.clientId);
  if (!client) return fail('invitation_invalid');
  const now = deps.clock.now();
  const created = await newSession(client, 'invitation', now);
  const actor = { type: 'client' as const, agencyId: client.agencyId, clientId: client.id, door: 'portal' as const };
  const outcome = await deps.store.commit([
    ...deps.store.invitations.consume(inv.id, now),
    deps.store.sessions.insert(created.session),
    auditWrite(deps, actor, 'portal.sign_in_invitation', { type: 'session', id: null }, client.id),
  ]);
  return outcome === 'ok' ? ok(created) : fail('invitation_invalid');
};
