import type { Context } from 'hono';
import type { Actor } from '../src/domain/actor.ts';
import type { Client } from '../src/domain/types.ts';
import type { PortalEnv } from './deps.ts';

/** The signed-in client as the core's actor. Only call behind requireClient. */
export const clientOf = (c: Context<PortalEnv>): { client: Client; actor: Actor } => {
  const client = c.get('client');
  if (!client) throw new Error('clientOf used on a route without requireClient');
  return { client, actor: { type: 'client', agencyId: client.agencyId, clientId: client.id, door: 'portal' } };
};

/** The text for a refusal code from a use case, in the page's language. */
export const refusalText = (
  t: (key: string, vars?: Record<string, string | number>) => string,
  r: { code: string; detail?: Record<string, string | number> },
): string => t(`errors.${r.code}`, r.detail);

/** A local path to go back to after a form, never another site. */
export const safeNext = (next: unknown, fallback = '/'): string =>
  typeof next === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : fallback;
