import type { Result } from '../../domain/result.ts';
import type { Attendance, Millis } from '../../domain/types.ts';
import type { Scope, Write } from '../../ports/store.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { attendanceOutcome } from './outcome.ts';

export type AttendancePatch = Partial<
  Pick<Attendance, 'rsvp' | 'rsvpAt' | 'checkedInAt' | 'checkinMethod' | 'staffMark' | 'markedBy'>
>;

/**
 * The next attendance row of (session, client) and its guarded write. `verified` always follows
 * from the row: true exactly when the outcome is `attended`. `updatedAt` strictly increases, so it
 * works as the row's version for the guard.
 */
export const changeAttendance = (
  deps: Pick<CoreDeps, 'store' | 'ids'>,
  scope: Scope,
  key: { sessionId: string; clientId: string },
  prev: Attendance | null,
  patch: AttendancePatch,
  now: Millis,
): { row: Attendance; write: Write } => {
  const base: Attendance = prev ?? {
    id: deps.ids.newId('att'),
    agencyId: scope.agencyId,
    sessionId: key.sessionId,
    clientId: key.clientId,
    rsvp: null,
    rsvpAt: null,
    checkedInAt: null,
    checkinMethod: null,
    staffMark: null,
    markedBy: null,
    verified: false,
    updatedAt: 0,
  };
  const merged = { ...base, ...patch };
  const row: Attendance = {
    ...merged,
    verified: attendanceOutcome(merged) === 'attended',
    updatedAt: Math.max(now, (prev?.updatedAt ?? 0) + 1),
  };
  return { row, write: deps.store.classes.putAttendance(scope, row, prev?.updatedAt ?? null) };
};

/**
 * Runs a read-then-write attempt again when someone else changed the same attendance row in
 * between (a client's check-in racing a staff mark): the next attempt reads the new row.
 */
export const retryOnConflict = async <T, C extends string>(
  attempt: () => Promise<Result<T, C>>,
  tries = 3,
): Promise<Result<T, C>> => {
  let result = await attempt();
  for (let i = 1; i < tries && !result.ok && result.code === 'conflict'; i++) result = await attempt();
  return result;
};
