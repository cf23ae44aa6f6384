import { z } from 'zod';
import { actorId, type Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Attendance, Millis } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { changeAttendance, retryOnConflict, type AttendancePatch } from './attendance-change.ts';

const inputSchema = z.object({
  sessionId: z.string().min(1),
  clientId: z.string().min(1),
  mark: z.enum(['attended', 'absent']),
});

/** Attended with no check-in yet: staff check the client in now. Absent: a staff check-in is taken back. */
const staffCheckin = (mark: 'attended' | 'absent', prev: Attendance | null, now: Millis): AttendancePatch => {
  if (mark === 'attended' && prev?.checkedInAt == null) return { checkedInAt: now, checkinMethod: 'staff' };
  if (mark === 'absent' && prev?.checkinMethod === 'staff') return { checkedInAt: null, checkinMethod: null };
  return {};
};

export type MarkRefusal = 'invalid' | 'forbidden' | 'not_found' | 'not_enrolled' | 'not_started' | 'conflict' | 'duplicate';

/**
 * Staff record that a client came or did not, once the session has started. "Attended" with no
 * check-in yet checks the client in by staff (now); a check-in by code is kept as it was, with
 * its own time. "Absent" takes back a check-in staff made, but keeps one by code, so the record
 * shows both. Marking the same again changes nothing.
 */
export const markAttendance = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Attendance, MarkRefusal>> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const client = await deps.store.clients.get(actor, input.clientId);
  if (!client) return fail('not_found');
  return retryOnConflict(async (): Promise<Result<Attendance, MarkRefusal>> => {
    const found = await deps.store.classes.sessionForClient(actor, client.id, input.sessionId);
    if (!found) return fail('not_found');
    const enrollment = await deps.store.classes.enrollment(actor, found.series.id, client.id);
    if (!enrollment || enrollment.status === 'withdrawn') return fail('not_enrolled');
    const now = deps.clock.now();
    if (now < found.session.startsAt) return fail('not_started');
    const prev = found.attendance;
    if (prev && prev.staffMark === input.mark) return ok(prev);
    const patch: AttendancePatch = { staffMark: input.mark, markedBy: actorId(actor), ...staffCheckin(input.mark, prev, now) };
    const key = { sessionId: found.session.id, clientId: client.id };
    const { row, write } = changeAttendance(deps, actor, key, prev, patch, now);
    return commitWrites(
      deps,
      [write, auditWrite(deps, actor, `class.mark_${input.mark}`, { type: 'class_session', id: found.session.id }, client.id)],
      row,
    );
  });
};
