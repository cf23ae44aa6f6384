import { constantTimeEqual } from './secrets.ts';
import { MINUTE } from './time.ts';
import type { ClassSession, Millis } from './types.ts';

export type CheckinRefusal = 'too_early' | 'too_late';

/** Check-in is open from `opensMinutesBefore` before the start until the session ends. */
export const checkinRefusal = (session: ClassSession, now: Millis, opensMinutesBefore: number): CheckinRefusal | null => {
  if (now < session.startsAt - opensMinutesBefore * MINUTE) return 'too_early';
  if (now > session.endsAt) return 'too_late';
  return null;
};

/** Codes are compared as a person types them: case and spaces do not matter. */
export const normalizeCode = (code: string): string => code.replace(/[\s-]+/g, '').toUpperCase();

export const codesMatch = (given: string, expected: string): boolean => {
  const a = normalizeCode(given);
  return a.length > 0 && constantTimeEqual(a, normalizeCode(expected));
};
