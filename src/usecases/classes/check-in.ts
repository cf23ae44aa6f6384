import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { normalizeCode } from '../../domain/checkin.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadSettings } from '../shared/settings.ts';
import { changeAttendance, retryOnConflict } from './attendance-change.ts';
import { sessionByCode, sessionById, type TargetRefusal } from './checkin-target.ts';
import { sessionView, type ClassSessionView } from './view.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  /** absent when the client only texted the code (SMS, Telegram) */
  sessionId: z.string().min(1).optional(),
  code: z
    .string()
    .max(40)
    .refine((c) => normalizeCode(c).length > 0 && normalizeCode(c).length <= 16),
});

export type CheckinRefusal = 'invalid' | 'forbidden' | TargetRefusal | 'conflict' | 'duplicate';

export interface CheckinDone {
  session: ClassSessionView;
  /** the client had already checked in: nothing changed */
  already: boolean;
}

/**
 * The client checks in by typing the code shown at the class, from `checkinOpensMinutesBefore`
 * before the start until the end. Only the client can: staff record attendance with
 * markAttendance. A wrong code is audited, so attempts can be counted and limited.
 */
export const checkIn = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<CheckinDone, CheckinRefusal>> => {
  if (actor.type !== 'client') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const opens = (await loadSettings(deps, actor.agencyId)).checkinOpensMinutesBefore;
  return retryOnConflict(async (): Promise<Result<CheckinDone, CheckinRefusal>> => {
    const now = deps.clock.now();
    const target = input.sessionId
      ? await sessionById(deps, actor, { clientId: client.id, sessionId: input.sessionId, code: input.code }, now, opens)
      : await sessionByCode(deps, actor, client, input.code, now, opens);
    if (!target.ok) {
      if (target.code === 'wrong_code') {
        const subject = input.sessionId ? { type: 'class_session', id: input.sessionId } : { type: 'client', id: client.id };
        await deps.store.commit([auditWrite(deps, actor, 'class.checkin_wrong_code', subject, client.id)]);
      }
      return target;
    }
    const found = target.value;
    if (found.attendance?.checkedInAt != null) return ok({ session: sessionView(found, now, opens), already: true });
    const { row, write } = changeAttendance(
      deps,
      actor,
      { sessionId: found.session.id, clientId: client.id },
      found.attendance,
      { checkedInAt: now, checkinMethod: 'code' },
      now,
    );
    return commitWrites(
      deps,
      [write, auditWrite(deps, actor, 'class.checkin', { type: 'class_session', id: found.session.id }, client.id)],
      { session: sessionView({ ...found, attendance: row }, now, opens), already: false },
    );
  });
};
