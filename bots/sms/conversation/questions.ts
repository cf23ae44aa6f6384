// The questions a number can be asked, and how long each waits for its answer. One is open per
// number at a time (the store keeps it); a new question replaces the old one.
import { MINUTE } from '../../../src/domain/time.ts';
import type { Millis } from '../../../src/domain/types.ts';
import { askWrite, closeWrite, openQuestion } from '../../../src/usecases/shared/conversation-state.ts';
import type { Turn } from './turn.ts';

export type Question =
  | { kind: 'menu'; data: Record<string, never> }
  | { kind: 'appointment'; data: { appointmentId: string } }
  | { kind: 'slots'; data: { appointmentId: string; slots: Millis[] } }
  | { kind: 'cancel_reason'; data: { appointmentId: string } }
  | { kind: 'session'; data: { sessionId: string } }
  | { kind: 'pick_request'; data: { requestIds: string[]; media: { url: string; contentType: string }[] } };

export const QUESTION_KINDS = ['menu', 'appointment', 'slots', 'cancel_reason', 'session', 'pick_request'] as const;

/** Long enough to read a text and answer later the same day; short enough not to surprise. */
const WAIT: Record<Question['kind'], Millis> = {
  menu: 60 * MINUTE,
  appointment: 24 * 60 * MINUTE,
  slots: 60 * MINUTE,
  cancel_reason: 30 * MINUTE,
  session: 24 * 60 * MINUTE,
  pick_request: 60 * MINUTE,
};

export const ask = async (turn: Turn, q: Question): Promise<void> => {
  await turn.env.core.store.commit([askWrite(turn.env.core, turn.where, { kind: q.kind, clientId: turn.client!.id, data: q.data }, WAIT[q.kind])]);
};

export const openQuestionOf = async (turn: Turn): Promise<Question | null> =>
  turn.client ? ((await openQuestion(turn.env.core, turn.where, turn.client.id, QUESTION_KINDS)) as Question | null) : null;

export const closeQuestion = async (turn: Turn): Promise<void> => {
  await turn.env.core.store.commit([closeWrite(turn.env.core, turn.where)]);
};
