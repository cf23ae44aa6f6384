import { attestedChannel, newClient } from '../../domain/new-client.ts';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok } from '../../domain/result.ts';
import type { Client, ClientChannel } from '../../domain/types.ts';
import type { Scope, Write } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { clientRowSchema, type ClientRowData } from './client-columns.ts';
import { clientsByCaseNumber, staffByEmail } from './lookups.ts';
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

interface Plan {
  data: ClientRowData;
  current: Client | undefined;
  staffId: string | null | undefined;
  /** channel kinds to add for the row's phone */
  add: ('sms' | 'portal')[];
}

type Lookups = { scope: Scope; existing: Map<string, Client>; staff: ReturnType<typeof staffByEmail> };

/**
 * Checks one row against the database and records its reasons; returns what to write when the
 * row is good. A row with bad cells is still checked on the cells it has.
 */
const planRow = async (deps: CoreDeps, l: Lookups, r: ParsedRow<ClientRowData>, errors: RowErrors) => {
  const d = r.data;
  const current = d.case_number === undefined ? undefined : l.existing.get(d.case_number);
  let staffId: string | null | undefined;
  if (d.caseworker_email !== undefined) {
    const s = await l.staff(d.caseworker_email);
    if (s) staffId = s.id;
    else errors.add(r.row, reason('unknown_staff', 'caseworker_email', { value: d.caseworker_email }));
  }
  const add: Plan['add'] = [];
  if (d.phone !== undefined && d.case_number !== undefined) {
    const phone = d.phone;
    const mine = current ? await deps.store.channels.listForClient(l.scope, current.id) : [];
    for (const kind of ['sms', 'portal'] as const) {
      const owner = await deps.store.channels.findByAddress(l.scope, kind, phone);
      if (owner && owner.clientId !== current?.id) {
        errors.add(r.row, reason('phone_taken', 'phone', { value: phone }));
        return null;
      }
      // A channel is never re-pointed by an import: its consent record belongs to that number.
      if (mine.some((c) => c.kind === kind && c.address !== phone)) {
        errors.add(r.row, reason('phone_changed', 'phone', { value: phone }));
        return null;
      }
      if (!owner) add.push(kind);
    }
  }
  if (!r.complete) return null;
  return { data: r.data, current, staffId, add } satisfies Plan;
};

/** What the file changes on an existing client. Safety settings are only ever turned on. */
const clientPatch = (c: Client, p: Plan): Partial<Client> => {
  const d = p.data;
  const wanted: Partial<Client> = {
    displayName: d.display_name,
    ...(d.language !== undefined && { language: d.language }),
    ...(d.time_zone !== undefined && { timeZone: d.time_zone }),
    ...(p.staffId !== undefined && { staffId: p.staffId }),
    ...(d.preferred_channel !== undefined && { preferredChannel: d.preferred_channel }),
    ...(d.neutral_wording === true && { neutralWording: true }),
    ...(d.sensitive === true && { sensitive: true }),
  };
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => c[k as keyof Client] !== v)) as Partial<Client>;
};

const channelInsert = (deps: CoreDeps, client: Client, kind: ClientChannel['kind'], address: string): Write => {
  // The agency attests the client's consent when it imports a phone; the client can withdraw it.
  return deps.store.channels.insert(attestedChannel(client, { id: deps.ids.newId('chn'), kind, address, at: deps.clock.now() }));
};

/**
 * Imports clients from the rows of a file, all or nothing: every bad row is reported with its
 * reasons and nothing is written; otherwise one commit creates or updates every client (matched
 * on case number), adds channels for new phones, and audits each client touched.
 */
export const importClients = async (deps: CoreDeps, actor: Actor, input: { rows: InputRow[] }): Promise<ImportResult> => {
  if (actor.type !== 'admin') return fail('forbidden');
  const agency = await deps.store.agencies.get(actor.agencyId);
  if (!agency) return fail('no_agency');
  const scope = { agencyId: agency.id };
  const errors = new RowErrors();
  const parsed = parseRows(clientRowSchema, input.rows, errors);
  markDuplicates(parsed, 'case_number', (d) => d.case_number, errors);
  markDuplicates(parsed, 'phone', (d) => d.phone, errors);
  const lookups: Lookups = {
    scope,
    existing: await clientsByCaseNumber(deps.store, scope),
    staff: staffByEmail(deps.store, scope),
  };
  const planned = await planAll(parsed, (r) => planRow(deps, lookups, r, errors), errors);
  if (!planned.ok) return planned;
  const plans: Plan[] = planned.plans;

  const now = deps.clock.now();
  const writes: Write[] = [];
  const summary = { created: 0, updated: 0, unchanged: 0 };
  for (const p of plans) {
    const d = p.data;
    if (!p.current) {
      const client = newClient({
        id: deps.ids.newId('cli'),
        agencyId: agency.id,
        externalRef: d.case_number,
        displayName: d.display_name,
        language: d.language ?? 'en',
        timeZone: d.time_zone ?? agency.timeZone,
        staffId: p.staffId ?? null,
        preferredChannel: d.preferred_channel ?? null,
        neutralWording: d.neutral_wording ?? false,
        sensitive: d.sensitive ?? false,
        createdAt: now,
      });
      writes.push(deps.store.clients.insert(client), ...p.add.map((k) => channelInsert(deps, client, k, d.phone ?? '')));
      writes.push(auditWrite(deps, actor, 'client.import_create', { type: 'client', id: client.id }, client.id));
      summary.created++;
      continue;
    }
    const c = p.current;
    const patch = clientPatch(c, p);
    const changes: Write[] = p.add.map((k) => channelInsert(deps, c, k, d.phone ?? ''));
    if (Object.keys(patch).length > 0) changes.unshift(deps.store.clients.update(scope, c.id, patch));
    if (changes.length === 0) {
      summary.unchanged++;
      continue;
    }
    writes.push(...changes, auditWrite(deps, actor, 'client.import_update', { type: 'client', id: c.id }, c.id));
    summary.updated++;
  }
  const outcome = await deps.store.commit(writes);
  return outcome === 'ok' ? ok(summary) : fail(outcome);
};
