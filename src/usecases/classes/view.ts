import { MINUTE } from '../../domain/time.ts';
import type { Attendance, Millis } from '../../domain/types.ts';
import type { SessionWithClass } from '../../ports/store.ts';

/** A class session as its client sees it. Never carries the check-in code: that is shown only in class. */
export interface ClassSessionView {
  sessionId: string;
  classId: string;
  title: string;
  location: string | null;
  /** the door words anything about this class neutrally */
  sensitive: boolean;
  startsAt: Millis;
  endsAt: Millis;
  checkinOpensAt: Millis;
  checkinOpen: boolean;
  rsvp: Attendance['rsvp'];
  rsvpAt: Millis | null;
  checkedInAt: Millis | null;
  checkinMethod: Attendance['checkinMethod'];
}

export const sessionView = (
  { session, series, attendance: a }: SessionWithClass,
  now: Millis,
  opensMinutesBefore: number,
): ClassSessionView => {
  const checkinOpensAt = session.startsAt - opensMinutesBefore * MINUTE;
  return {
    sessionId: session.id,
    classId: series.id,
    title: series.title,
    location: session.location ?? series.location,
    sensitive: series.sensitive,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    checkinOpensAt,
    checkinOpen: checkinOpensAt <= now && now <= session.endsAt,
    rsvp: a?.rsvp ?? null,
    rsvpAt: a?.rsvpAt ?? null,
    checkedInAt: a?.checkedInAt ?? null,
    checkinMethod: a?.checkinMethod ?? null,
  };
};
