import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { AppointmentView } from '../appointments/view.ts';
import { listAppointments } from '../appointments/list-appointments.ts';
import type { ClassSessionView } from '../classes/view.ts';
import { listUpcomingSessions } from '../classes/list-upcoming-sessions.ts';
import type { DocumentRequestView } from '../documents/list-document-requests.ts';
import { listDocumentRequests } from '../documents/list-document-requests.ts';
import { isUnreadByClient } from '../messaging/mark-conversation-read.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

const inputSchema = z.object({ clientId: z.string().min(1) });

export interface HomeSummary {
  /** the soonest appointment still to come that is not cancelled */
  nextAppointment: AppointmentView | null;
  /** the soonest class session that has not ended */
  nextSession: ClassSessionView | null;
  /** requests waiting for the client to send (or send again) a file, soonest due first */
  openRequests: DocumentRequestView[];
  /** the caseworker's messages since the client last opened the conversation */
  unreadMessages: number;
}

/**
 * What a client sees first: built from the same use cases their pages use (each audits its own
 * read), plus the number of unread messages.
 */
export const getHomeSummary = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<HomeSummary, 'invalid' | 'not_found'>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const client = await loadClient(deps, actor, parsed.data.clientId);
  if (!client) return fail('not_found');
  const input = { clientId: client.id };
  const appointments = await listAppointments(deps, actor, input);
  const sessions = await listUpcomingSessions(deps, actor, input);
  const requests = await listDocumentRequests(deps, actor, input);
  if (!appointments.ok || !sessions.ok || !requests.ok) return fail('not_found');
  const [conversation, messages] = await Promise.all([
    deps.store.conversations.forClient(actor, client.id),
    deps.store.messages.listForClient(actor, client.id),
  ]);
  await deps.store.commit([auditWrite(deps, actor, 'messages.unread_count', { type: 'client', id: client.id }, client.id)]);
  return ok({
    nextAppointment: appointments.value.upcoming.find((a) => a.status !== 'cancelled') ?? null,
    nextSession: sessions.value[0] ?? null,
    openRequests: requests.value.filter((r) => r.status === 'requested' || r.status === 'rejected'),
    unreadMessages: messages.filter((m) => isUnreadByClient(m, conversation?.clientReadAt)).length,
  });
};
