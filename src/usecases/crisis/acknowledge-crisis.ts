import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Client, Staff } from '../../domain/types.ts';
import type { CrisisAlert } from '../../ports/crisis.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

const inputSchema = z.object({ alertId: z.string().min(1).max(64) });

export type AcknowledgeRefusal = 'invalid' | 'forbidden' | 'not_found' | 'already_acknowledged';

export interface Acknowledged {
  alert: CrisisAlert;
  client: Client;
  /** who acknowledged it */
  staff: Staff;
}

/**
 * A staff member says they are on it: the alert stops escalating. Only active staff of the
 * agency may; an alert of another agency is not found. The first press wins: a second one (or
 * one racing it) is told the alert was already acknowledged, and changes nothing.
 */
export const acknowledgeCrisis = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Acknowledged, AcknowledgeRefusal>> => {
  if (actor.type !== 'staff') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const staff = await deps.store.staff.get(actor, actor.staffId);
  if (!staff?.active) return fail('forbidden');
  const alert = await deps.store.crisis.get(actor, parsed.data.alertId);
  const client = alert ? await deps.store.clients.get(actor, alert.clientId) : null;
  if (!alert || !client) return fail('not_found');
  if (alert.acknowledgedAt !== null) return fail('already_acknowledged');
  const now = deps.clock.now();
  const outcome = await deps.store.commit([
    deps.store.crisis.acknowledge(actor, alert.id, staff.id, now),
    auditWrite(deps, actor, 'crisis.acknowledge', { type: 'crisis_alert', id: alert.id }, client.id),
  ]);
  // `conflict`: someone acknowledged it between our read and our write.
  if (outcome !== 'ok') return fail('already_acknowledged');
  return ok({ alert: { ...alert, acknowledgedAt: now, acknowledgedBy: staff.id, nextEscalationAt: null }, client, staff });
};
