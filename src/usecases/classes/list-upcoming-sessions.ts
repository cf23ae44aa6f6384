import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { DAY } from '../../domain/time.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadSettings } from '../shared/settings.ts';
import { sessionView, type ClassSessionView } from './view.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  /** how far ahead to look */
  withinDays: z.number().int().min(1).max(120).default(30),
});

/**
 * The sessions of the classes a client is actively enrolled in that have not ended yet (one going
 * on now included), soonest first, with the client's own RSVP and check-in.
 */
export const listUpcomingSessions = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<ClassSessionView[], 'invalid' | 'not_found'>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const now = deps.clock.now();
  const settings = await loadSettings(deps, actor.agencyId);
  const rows = await deps.store.classes.sessionsForClient(actor, client.id, now, now + input.withinDays * DAY);
  await deps.store.commit([auditWrite(deps, actor, 'class_sessions.list', { type: 'client', id: client.id }, client.id)]);
  return ok(rows.map((r) => sessionView(r, now, settings.checkinOpensMinutesBefore)));
};
