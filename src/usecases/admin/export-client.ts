import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type {
  Attendance,
  AuditEntry,
  ClassSeries,
  ClassSession,
  Client,
  ClientChannel,
  Conversation,
  DocumentRequest,
  Enrollment,
  Message,
  Millis,
  StoredDocument,
} from '../../domain/types.ts';
import type { Scope, Store } from '../../ports/store.ts';
import { viewAppointments, type AppointmentView } from '../appointments/view.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

/** Far more rows than one client has: the export is the whole record, not a page of it. */
const ALL = 1_000_000_000;

export interface ClassRecord {
  series: ClassSeries;
  enrollment: Enrollment | null;
  sessions: { session: ClassSession; attendance: Attendance | null }[];
}

/** Everything the agency holds about one client, as it answers a records request. */
export interface ClientRecord {
  exportedAt: Millis;
  agency: { id: string; name: string };
  client: Client;
  channels: ClientChannel[];
  appointments: AppointmentView[];
  classes: ClassRecord[];
  documentRequests: DocumentRequest[];
  /** metadata of the stored files, not their bytes */
  documents: Omit<StoredDocument, 'blobKey'>[];
  /** the whole conversation, internal notes included, oldest first */
  conversation: (Conversation & { messages: Message[] }) | null;
  /** who read or changed this client's data, oldest first (this export included) */
  audit: AuditEntry[];
}

const classRecords = async (store: Store, s: Scope, clientId: string): Promise<ClassRecord[]> => {
  const byClass = new Map<string, ClassRecord>();
  for (const e of await store.classes.enrollmentsForClient(s, clientId)) {
    const series = await store.classes.getSeries(s, e.classId);
    if (series) byClass.set(series.id, { series, enrollment: e, sessions: [] });
  }
  for (const { session, series, attendance } of await store.classes.attendanceForClient(s, clientId)) {
    const rec = byClass.get(series.id) ?? { series, enrollment: null, sessions: [] };
    rec.sessions.push({ session, attendance });
    byClass.set(series.id, rec);
  }
  return [...byClass.values()];
};

export type ExportRefusal = 'forbidden' | 'not_found';

/**
 * A client's full record for a records request: profile, channels, appointments, classes and
 * attendance, document requests and files, the whole conversation and the audit trail. Admins
 * only; the export is audited before anything is read, so no record leaves unlogged.
 */
export const exportClient = async (
  deps: CoreDeps,
  actor: Actor,
  input: { clientId: string },
): Promise<Result<ClientRecord, ExportRefusal>> => {
  if (actor.type !== 'admin') return fail('forbidden');
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const s: Scope = { agencyId: actor.agencyId };
  const now = deps.clock.now();
  const outcome = await deps.store.commit([auditWrite(deps, actor, 'client.export', { type: 'client', id: client.id }, client.id)]);
  if (outcome !== 'ok') throw new Error(`audit of client.export not written: ${outcome}`);

  const agency = await deps.store.agencies.get(actor.agencyId);
  const conversation = await deps.store.conversations.forClient(s, client.id);
  const documents = (await deps.store.documents.listForClient(s, client.id)).map(({ blobKey: _key, ...meta }) => meta);
  return ok({
    exportedAt: now,
    agency: { id: actor.agencyId, name: agency?.name ?? '' },
    client,
    channels: await deps.store.channels.listForClient(s, client.id),
    appointments: await viewAppointments(deps, await deps.store.appointments.listForClient(s, client.id)),
    classes: await classRecords(deps.store, s, client.id),
    documentRequests: await deps.store.documents.listRequestsForClient(s, client.id),
    documents,
    conversation: conversation && {
      ...conversation,
      messages: await deps.store.messages.listForClient(s, client.id, { includeInternal: true, limit: ALL }),
    },
    audit: (await deps.store.audit.listForClient(s, client.id, ALL)).reverse(),
  });
};
