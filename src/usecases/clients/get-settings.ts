import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { settingsView, type ClientSettings } from './settings-view.ts';

const inputSchema = z.object({ clientId: z.string().min(1) });

/** A client's own settings: language, how and when to be reached, and their channels' consent. */
export const getSettings = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<ClientSettings, 'invalid' | 'not_found'>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const client = await loadClient(deps, actor, parsed.data.clientId);
  if (!client) return fail('not_found');
  const channels = await deps.store.channels.listForClient(actor, client.id);
  await deps.store.commit([auditWrite(deps, actor, 'settings.read', { type: 'client', id: client.id }, client.id)]);
  return ok(settingsView(client, channels));
};
