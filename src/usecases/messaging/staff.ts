import type { Actor } from '../../domain/actor.ts';
import type { CoreDeps } from '../shared/deps.ts';

export interface ReplyingStaff {
  /** null for an admin acting without a staff record */
  staffId: string | null;
  /** what the client sees as the sender; null when there is no staff record to take it from */
  firstName: string | null;
}

/**
 * Who on the agency side writes: a staff actor must be an active caseworker of the agency; an
 * admin writes as the agency, unnamed. Anyone else, or a staff id that is not (or no longer) on
 * the staff, gets null.
 */
export const replyingStaff = async (deps: Pick<CoreDeps, 'store'>, actor: Actor): Promise<ReplyingStaff | null> => {
  if (actor.type === 'admin') return { staffId: null, firstName: null };
  if (actor.type !== 'staff') return null;
  const staff = await deps.store.staff.get(actor, actor.staffId);
  if (!staff || !staff.active) return null;
  return { staffId: staff.id, firstName: staff.name.trim().split(/\s+/)[0] ?? staff.name };
};
