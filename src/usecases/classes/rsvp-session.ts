import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadSettings } from '../shared/settings.ts';
import { changeAttendance, retryOnConflict } from './attendance-change.ts';
import { loadEnrolledSession } from './load.ts';
import { sessionView, type ClassSessionView } from './view.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  sessionId: z.string().min(1),
  /** yes: "I'll be there"; no: "I can't come" */
  answer: z.enum(['yes', 'no']),
});

export type RsvpRefusal = 'invalid' | 'not_found' | 'not_enrolled' | 'session_over' | 'conflict' | 'duplicate';

/**
 * The client says whether they will come to a session of a class they are enrolled in. They may
 * change their answer until the session ends; giving the same answer again changes nothing.
 */
export const rsvpSession = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<ClassSessionView, RsvpRefusal>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const settings = await loadSettings(deps, actor.agencyId);
  return retryOnConflict(async (): Promise<Result<ClassSessionView, RsvpRefusal>> => {
    const loaded = await loadEnrolledSession(deps, actor, input);
    if (!loaded.ok) return loaded;
    const { client, found } = loaded.value;
    const now = deps.clock.now();
    if (now > found.session.endsAt) return fail('session_over');
    const opens = settings.checkinOpensMinutesBefore;
    if (found.attendance?.rsvp === input.answer) return ok(sessionView(found, now, opens));
    const { row, write } = changeAttendance(
      deps,
      actor,
      { sessionId: found.session.id, clientId: client.id },
      found.attendance,
      { rsvp: input.answer, rsvpAt: now },
      now,
    );
    return commitWrites(
      deps,
      [write, auditWrite(deps, actor, `class.rsvp_${input.answer}`, { type: 'class_session', id: found.session.id }, client.id)],
      sessionView({ ...found, attendance: row }, now, opens),
    );
  });
};
