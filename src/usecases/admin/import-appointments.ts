import type { Actor } from '../../domain/actor.ts';
import { fail, ok } from '../../domain/result.ts';
import { zonedToUtc } from '../../domain/time.ts';
import type { Appointment, Client, Provider } from '../../domain/types.ts';
import type { Scope, Write } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { appointmentRowSchema, type AppointmentRowData } from './appointment-columns.ts';
import { appointmentPatch, newAppointment, type ResolvedRow } from './appointment-merge.ts';
import type { When } from './cells.ts';
import { clientsByCaseNumber, providersByName, staffByEmail } from './lookups.ts';
import {
  markDuplicates,
  parseRows,
  reason,
  RowErrors,
  type ImportResult,
  type InputRow,
  type ParsedRow,
  planAll,
} from './rows.ts';

interface Lookups {
  scope: Scope;
  clients: Map<string, Client>;
  staff: ReturnType<typeof staffByEmail>;
  provider: (name: string) => Provider | null;
}

interface Plan {
  client: Client;
  current: Appointment | null;
  row: ResolvedRow;
}

/** A wall time is read in the client's own time zone; an instant with an offset is taken as is. */
const instantOf = (when: When, timeZone: string): number =>
  when.kind === 'instant' ? when.at : zonedToUtc(when.date, when.minuteOfDay, timeZone);

const withWhom = async (l: Lookups, d: Partial<AppointmentRowData>, row: number, errors: RowErrors) => {
  if (d.staff_email !== undefined && d.provider !== undefined) {
    errors.add(row, reason('with_whom', 'staff_email'));
    return undefined;
  }
  if (d.staff_email !== undefined) {
    const s = await l.staff(d.staff_email);
    if (!s) errors.add(row, reason('unknown_staff', 'staff_email', { value: d.staff_email }));
    return s ? { staffId: s.id, providerId: null } : undefined;
  }
  if (d.provider !== undefined) {
    const p = l.provider(d.provider);
    if (!p) errors.add(row, reason('unknown_provider', 'provider', { value: d.provider }));
    return p ? { staffId: null, providerId: p.id } : undefined;
  }
  return undefined;
};

/**
 * Checks one row against the database and records its reasons; returns what to write when the
 * row is good. A row with bad cells is still checked on the cells it has.
 */
const planRow = async (deps: CoreDeps, l: Lookups, r: ParsedRow<AppointmentRowData>, errors: RowErrors) => {
  const { row, data: p } = r;
  const client = p.case_number === undefined ? undefined : l.clients.get(p.case_number);
  if (p.case_number !== undefined && !client) errors.add(row, reason('unknown_client', 'case_number', { value: p.case_number }));
  const who = await withWhom(l, p, row, errors);
  if (!client || !r.complete) return null;
  const d = r.data;
  const current = await deps.store.appointments.getByExternalRef(l.scope, d.appointment_ref);
  if (current && current.clientId !== client.id) {
    errors.add(row, reason('ref_taken', 'appointment_ref', { value: d.appointment_ref }));
    return null;
  }
  // Without staff_email or provider: kept as it is, or for a new one the client's caseworker.
  const fallback = !current && d.staff_email === undefined && d.provider === undefined;
  if (fallback && !client.staffId) {
    errors.add(row, reason('with_whom', 'staff_email'));
    return null;
  }
  const resolved: ResolvedRow = {
    externalRef: d.appointment_ref,
    kind: d.kind,
    startsAt: instantOf(d.starts_at, client.timeZone),
    durationMinutes: d.duration_minutes,
    with: fallback ? { staffId: client.staffId, providerId: null } : who,
    location: d.location,
    videoUrl: d.video_url,
    whatToBring: d.what_to_bring,
    status: d.status,
    sensitive: d.sensitive,
  };
  return { client, current, row: resolved } satisfies Plan;
};

/**
 * Imports appointments from the rows of a file, all or nothing: every bad row is reported with
 * its reasons and nothing is written; otherwise one commit creates or updates every appointment
 * (matched on appointment_ref; updates are version-guarded) and audits each one touched.
 */

/** Statuses after which nothing queued for the appointment should still go out. */
const ENDED: ReadonlySet<string> = new Set(['cancelled', 'attended', 'missed']);
export const importAppointments = async (
  deps: CoreDeps,
  actor: Actor,
  input: { rows: InputRow[] },
): Promise<ImportResult> => {
  if (actor.type !== 'admin') return fail('forbidden');
  const agency = await deps.store.agencies.get(actor.agencyId);
  if (!agency) return fail('no_agency');
  const scope = { agencyId: agency.id };
  const errors = new RowErrors();
  const parsed = parseRows(appointmentRowSchema, input.rows, errors);
  markDuplicates(parsed, 'appointment_ref', (d) => d.appointment_ref, errors);
  const lookups: Lookups = {
    scope,
    clients: await clientsByCaseNumber(deps.store, scope),
    staff: staffByEmail(deps.store, scope),
    provider: await providersByName(deps.store, scope),
  };
  const planned = await planAll(parsed, (r) => planRow(deps, lookups, r, errors), errors);
  if (!planned.ok) return planned;
  const plans: Plan[] = planned.plans;

  const now = deps.clock.now();
  const writes: Write[] = [];
  const summary = { created: 0, updated: 0, unchanged: 0 };
  for (const { client, current, row } of plans) {
    if (!current) {
      const a = newAppointment({ id: deps.ids.newId('apt'), agencyId: agency.id, clientId: client.id, now }, {
        ...row,
        with: row.with ?? { staffId: client.staffId, providerId: null },
      });
      writes.push(deps.store.appointments.insert(a));
      writes.push(auditWrite(deps, actor, 'appointment.import_create', { type: 'appointment', id: a.id }, client.id));
      summary.created++;
      continue;
    }
    const patch = appointmentPatch(current, row, now);
    if (Object.keys(patch).length === 0) {
      summary.unchanged++;
      continue;
    }
    writes.push(deps.store.appointments.update(scope, current.id, current.version, patch, now));
    writes.push(auditWrite(deps, actor, 'appointment.import_update', { type: 'appointment', id: current.id }, client.id));
    // A new time, or an end to it, makes what was queued for the old one wrong: cancelled with it.
    // (A confirmation is not an end: the reminder still stands.)
    if (patch.startsAt !== undefined || (patch.status !== undefined && ENDED.has(patch.status))) {
      writes.push(deps.store.outbox.cancelPending(scope, `rem:appointment:${current.id}:`, 'appointment_changed'));
    }
    summary.updated++;
  }
  const outcome = await deps.store.commit(writes);
  return outcome === 'ok' ? ok(summary) : fail(outcome);
};
