import type { Attendance } from '../../domain/types.ts';

/**
 * What a session comes to in the client's attendance record. Deliberately small:
 * - `attended`: staff marked the client present, or (with no staff mark) the client checked in
 *   with the code shown at the class;
 * - `absent`: staff marked the client absent. Staff are in the room, so their mark wins over a
 *   code check-in (a code can be passed on); the record still shows the check-in beside it;
 * - `not_checked_in`: nobody recorded anything: no check-in, no staff mark. It is not called
 *   "absent" because nobody said so.
 * There is no `excused`: nobody in the system grants an excuse. A "no" RSVP is the client's own
 * word that they could not come; the record shows it (and when it was given) next to the outcome.
 */
export type AttendanceOutcome = 'attended' | 'absent' | 'not_checked_in';

export const attendanceOutcome = (a: Pick<Attendance, 'staffMark' | 'checkedInAt'> | null): AttendanceOutcome => {
  if (a?.staffMark) return a.staffMark;
  return a?.checkedInAt != null ? 'attended' : 'not_checked_in';
};
