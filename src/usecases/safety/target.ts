// Who may pause or resume a client's messages, checked once for both: the client themself
// (through the doors the caller names) or an active staff member of the agency.
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Client, Staff } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import type { CoreDeps } from '../shared/deps.ts';

export const safetyInputSchema = z.object({ clientId: z.string().min(1) });
export type SafetyInput = z.input<typeof safetyInputSchema>;

export const safetyTarget = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  raw: SafetyInput,
  clientDoors: readonly string[],
): Promise<Result<{ client: Client; staff: Staff | null }, 'forbidden' | 'invalid' | 'not_found'>> => {
  if (actor.type === 'client' && !clientDoors.includes(actor.door)) return fail('forbidden');
  if (actor.type !== 'client' && actor.type !== 'staff') return fail('forbidden');
  const parsed = safetyInputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const staff = actor.type === 'staff' ? await deps.store.staff.get(actor, actor.staffId) : null;
  if (actor.type === 'staff' && !staff?.active) return fail('forbidden');
  const client = await loadClient(deps, actor, parsed.data.clientId);
  return client ? ok({ client, staff }) : fail('not_found');
};
