import type { Actor } from '../../domain/actor.ts';
import { fail, ok } from '../../domain/result.ts';
import type { Millis, Staff } from '../../domain/types.ts';
import { DEFAULT_WORKING_HOURS, parseWorkingHours } from '../../domain/working-time.ts';
import type { Scope, Write } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { staffRowSchema, type StaffRowData } from './staff-columns.ts';
import { parseRows, planAll, reason, RowErrors, type ImportResult, type InputRow, type ParsedRow } from './rows.ts';

interface Plan {
  data: StaffRowData;
  current: Staff | null;
}

type StaffPatch = Partial<Omit<Staff, 'id' | 'agencyId'>>;

/**
 * Marks every row whose key another row of the file has too, the first one included: which of two
 * rows for one person is right is for the admin to say.
 */
const markEveryDuplicate = (rows: ParsedRow<StaffRowData>[], column: string, keyOf: (d: Partial<StaffRowData>) => string | undefined, errors: RowErrors) => {
  const rowsOf = new Map<string, number[]>();
  for (const r of rows) {
    const key = keyOf(r.data);
    if (key !== undefined) rowsOf.set(key, [...(rowsOf.get(key) ?? []), r.row]);
  }
  for (const [value, list] of rowsOf) if (list.length > 1) for (const row of list) errors.add(row, reason('duplicate_in_file', column, { value }));
};

/**
 * Checks one row against the database and records its reasons; returns what to write when the
 * row is good. A row with bad cells is still checked on the cells it has.
 */
const planRow = async (deps: CoreDeps, scope: Scope, everyone: Staff[], r: ParsedRow<StaffRowData>, errors: RowErrors) => {
  const d = r.data;
  const current = d.email === undefined ? null : await deps.store.staff.findByEmail(scope, d.email);
  const slackUser = d.slack_user_id;
  if (slackUser !== undefined) {
    // Slack users map to one staff member each, the inactive included (the database keeps it so).
    const owner = everyone.find((s) => s.id !== current?.id && s.slackUserId?.toUpperCase() === slackUser);
    if (owner) errors.add(r.row, reason('slack_user_taken', 'slack_user_id', { value: slackUser, staff: owner.email ?? owner.name }));
  }
  if (!r.complete) return null;
  return { data: r.data, current } satisfies Plan;
};

/** The stored working time: the file's days and hours, each falling back to `base`. */
const hoursJson = (d: StaffRowData, base = DEFAULT_WORKING_HOURS): string =>
  JSON.stringify({ days: d.working_days ?? base.days, start: d.working_hours?.start ?? base.start, end: d.working_hours?.end ?? base.end });

const newStaff = (deps: CoreDeps, agency: { id: string; timeZone: string }, d: StaffRowData, now: Millis): Staff & { createdAt: Millis } => ({
  id: deps.ids.newId('stf'),
  agencyId: agency.id,
  name: d.name,
  email: d.email,
  slackUserId: d.slack_user_id ?? null,
  slackChannel: d.slack_channel ?? null,
  timeZone: d.time_zone ?? agency.timeZone,
  workingHours: hoursJson(d),
  active: d.active ?? true,
  role: d.role ?? 'caseworker',
  onCall: d.on_call ?? false,
  createdAt: now,
});

/**
 * What the file changes on an existing staff member: an empty cell leaves the value as it is,
 * except slack_channel, whose empty cell (in a file that has the column) means the agency's channel.
 */
const staffPatch = (c: Staff, d: StaffRowData, hasChannelColumn: boolean): StaffPatch => {
  const wanted: StaffPatch = {
    name: d.name,
    ...(d.time_zone !== undefined && { timeZone: d.time_zone }),
    ...((d.working_days !== undefined || d.working_hours !== undefined) && { workingHours: hoursJson(d, parseWorkingHours(c.workingHours)) }),
    ...(d.slack_user_id !== undefined && { slackUserId: d.slack_user_id }),
    ...(hasChannelColumn && { slackChannel: d.slack_channel ?? null }),
    ...(d.role !== undefined && { role: d.role }),
    ...(d.on_call !== undefined && { onCall: d.on_call }),
    ...(d.active !== undefined && { active: d.active }),
  };
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => c[k as keyof Staff] !== v)) as StaffPatch;
};

/**
 * Imports the agency's staff from the rows of a file, all or nothing: every bad row is reported
 * with its reasons and nothing is written; otherwise one commit creates or updates every staff
 * member (matched on email, case-insensitively) and writes one audit row for the import.
 * `active: no` is how someone leaves: they are kept, no longer mapped to Slack or given clients.
 */
export const importStaff = async (deps: CoreDeps, actor: Actor, input: { rows: InputRow[] }): Promise<ImportResult> => {
  if (actor.type !== 'admin') return fail('forbidden');
  const agency = await deps.store.agencies.get(actor.agencyId);
  if (!agency) return fail('no_agency');
  const scope = { agencyId: agency.id };
  const errors = new RowErrors();
  const parsed = parseRows(staffRowSchema, input.rows, errors);
  markEveryDuplicate(parsed, 'email', (d) => d.email, errors);
  markEveryDuplicate(parsed, 'slack_user_id', (d) => d.slack_user_id, errors);
  const everyone = await deps.store.staff.list(scope);
  const planned = await planAll(parsed, (r) => planRow(deps, scope, everyone, r, errors), errors);
  if (!planned.ok) return planned;

  const hasChannelColumn = input.rows.some((r) => 'slack_channel' in r.fields);
  const now = deps.clock.now();
  const writes: Write[] = [];
  const summary = { created: 0, updated: 0, unchanged: 0 };
  for (const { data, current } of planned.plans) {
    if (!current) {
      const created = newStaff(deps, agency, data, now);
      writes.push(deps.store.staff.insert(created), auditWrite(deps, actor, 'staff.import_create', { type: 'staff', id: created.id }, null));
      summary.created++;
      continue;
    }
    const patch = staffPatch(current, data, hasChannelColumn);
    if (Object.keys(patch).length === 0) {
      summary.unchanged++;
      continue;
    }
    // who changed whose Slack identity, channel, role or on-call duty: one audit row per person
    writes.push(deps.store.staff.update(scope, current.id, patch), auditWrite(deps, actor, 'staff.import_update', { type: 'staff', id: current.id }, null));
    summary.updated++;
  }
  writes.push(auditWrite(deps, actor, 'staff.import', { type: 'staff', id: null }, null));
  const outcome = await deps.store.commit(writes);
  return outcome === 'ok' ? ok(summary) : fail(outcome);
};
