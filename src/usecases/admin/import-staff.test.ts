import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { agencyRow, insert, staffRow } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Agency, AuditEntry, Staff } from '../../domain/types.ts';
import { importStaff } from './import-staff.ts';
import type { InputRow } from './rows.ts';

let core: TestCore;
let agency: Agency;
let luis: Staff;
let admin: Actor;
const scope = () => ({ agencyId: agency.id });

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  const a = agencyRow(core, { timeZone: 'America/Chicago' });
  const s = staffRow(core, a.id, { name: 'Luis Ortega', email: 'Luis.Ortega@Riverside.example', slackUserId: 'U0LUIS', role: 'supervisor' });
  await insert(core, core.store.agencies.insert(a), core.store.staff.insert(s));
  [agency, luis] = [a, s];
  admin = { type: 'admin', agencyId: agency.id, adminId: 'os:ops', door: 'cli' };
});

/** Rows as the CLI hands them over: the header is row 1, data starts at row 2. */
const rows = (header: string, ...lines: string[][]): InputRow[] => {
  const cols = header.split(',');
  return lines.map((cells, i) => ({ row: i + 2, fields: Object.fromEntries(cols.map((c, j) => [c, cells[j] ?? ''])) }));
};

const HEADER = 'email,name,time_zone,working_days,working_hours,slack_user_id,slack_channel,role,on_call,active';
const GOOD = [
  ['Dana.Whitfield@Riverside.example', 'Dana Whitfield', 'America/New_York', 'Mon,Tue,Thu', '08:30-16:30', 'u0dana', 'C0DANA', '', 'yes', ''],
  ['sam@riverside.example', 'Sam Okafor', '', '', '', '', '', 'Supervisor', '', ''],
];

const byEmail = async (email: string) => core.store.staff.findByEmail(scope(), email);
const hoursOf = (s: Staff | null) => JSON.parse(s?.workingHours ?? 'null');

/** The core, with the audit rows the use case builds kept aside (they are still written). */
const auditing = () => {
  const built: AuditEntry[] = [];
  const deps = { ...core, store: { ...core.store, audit: { ...core.store.audit, insert: (row: AuditEntry) => (built.push(row), core.store.audit.insert(row)) } } };
  return { deps, built };
};

describe('import staff', () => {
  it('imports a good file: working time, Slack user and channel, role, on call, defaults, an audit row per person', async () => {
    const { deps, built } = auditing();
    const r = await importStaff(deps, admin, { rows: rows(HEADER, ...GOOD) });
    expect(r).toEqual({ ok: true, value: { created: 2, updated: 0, unchanged: 0 } });
    const dana = await byEmail('dana.whitfield@riverside.example');
    expect(dana).toMatchObject({
      name: 'Dana Whitfield',
      email: 'dana.whitfield@riverside.example',
      timeZone: 'America/New_York',
      slackUserId: 'U0DANA',
      slackChannel: 'C0DANA',
      role: 'caseworker',
      onCall: true,
      active: true,
    });
    expect(hoursOf(dana)).toEqual({ days: [1, 2, 4], start: 510, end: 990 });
    const sam = await byEmail('sam@riverside.example');
    expect(sam).toMatchObject({ timeZone: 'America/Chicago', slackUserId: null, slackChannel: null, role: 'supervisor', onCall: false, active: true });
    expect(hoursOf(sam)).toEqual({ days: [1, 2, 3, 4, 5], start: 540, end: 1020 });
    expect(await core.store.staff.findBySlackUser(scope(), 'U0DANA')).toMatchObject({ id: dana!.id });
    expect(built.map((a) => [a.action, a.subjectId, a.actorType, a.actorId, a.channel, a.clientId, a.subjectType]).sort()).toEqual(
      [
        ['staff.import', null, 'admin', 'os:ops', 'cli', null, 'staff'],
        ['staff.import_create', dana!.id, 'admin', 'os:ops', 'cli', null, 'staff'],
        ['staff.import_create', sam!.id, 'admin', 'os:ops', 'cli', null, 'staff'],
      ].sort(),
    );
  });

  it('reads working days and hours as people write them', async () => {
    const r = await importStaff(core, admin, {
      rows: rows(
        'email,name,working_days,working_hours',
        ['a@x.example', 'A', 'Sun-Thu', '7:00 - 15:00'],
        ['b@x.example', 'B', 'mon-wed, Friday', '12:00-24:00'],
        ['c@x.example', 'C', 'Tues,Thurs,tue', '09:00–17:00'],
      ),
    });
    expect(r.ok).toBe(true);
    expect(hoursOf(await byEmail('a@x.example'))).toEqual({ days: [1, 2, 3, 4, 7], start: 420, end: 900 });
    expect(hoursOf(await byEmail('b@x.example'))).toEqual({ days: [1, 2, 3, 5], start: 720, end: 1440 });
    expect(hoursOf(await byEmail('c@x.example'))).toEqual({ days: [2, 4], start: 540, end: 1020 });
  });

  it('reports every bad row by number and reason, and imports nothing', async () => {
    const before = await core.store.staff.list(scope());
    const r = await importStaff(core, admin, {
      rows: rows(
        HEADER,
        ['', 'No Email', '', '', '', '', '', '', '', ''],
        ['ana@riverside', '', 'Mars/Olympus', 'Mon-Funday', '17:00-09:00', 'X123', '#intake', 'boss', 'maybe', 'nope'],
        GOOD[1]!,
        ['not-an-email', 'N'.repeat(121), '', 'Mo', '9-5', '', 'D0123', '', '', ''],
      ),
    });
    if (r.ok || r.code !== 'rows_invalid') throw new Error('expected rows_invalid');
    expect(r.detail).toEqual({ count: 3 });
    expect(r.errors.map((e) => [e.row, e.reason.key, e.reason.vars.column])).toEqual([
      [2, 'cli.reason.required', 'email'],
      [3, 'cli.reason.required', 'name'],
      [3, 'cli.reason.bad_time_zone', 'time_zone'],
      [3, 'cli.reason.bad_working_days', 'working_days'],
      [3, 'cli.reason.bad_working_hours', 'working_hours'],
      [3, 'cli.reason.bad_slack_user', 'slack_user_id'],
      [3, 'cli.reason.bad_slack_channel', 'slack_channel'],
      [3, 'cli.reason.bad_role', 'role'],
      [3, 'cli.reason.bad_boolean', 'on_call'],
      [3, 'cli.reason.bad_boolean', 'active'],
      [5, 'cli.reason.bad_email', 'email'],
      [5, 'cli.reason.too_long', 'name'],
      [5, 'cli.reason.bad_working_days', 'working_days'],
      [5, 'cli.reason.bad_working_hours', 'working_hours'],
      [5, 'cli.reason.bad_slack_channel', 'slack_channel'],
    ]);
    for (const e of r.errors) expect(core.t('en', e.reason.key, e.reason.vars)).not.toContain('{{');
    expect(await core.store.staff.list(scope())).toEqual(before);
  });

  it('reports both rows that share an email or a Slack user, and a Slack user already mapped to someone else', async () => {
    const r = await importStaff(core, admin, {
      rows: rows(
        'email,name,slack_user_id',
        ['pat@riverside.example', 'Pat', 'U0PAT'],
        ['PAT@riverside.example', 'Pat again', ''],
        ['kim@riverside.example', 'Kim', 'U0PAT'],
        ['lee@riverside.example', 'Lee', 'u0luis'],
      ),
    });
    if (r.ok || r.code !== 'rows_invalid') throw new Error('expected rows_invalid');
    expect(r.errors).toEqual([
      { row: 2, reason: { key: 'cli.reason.duplicate_in_file', vars: { column: 'email', value: 'pat@riverside.example' } } },
      { row: 2, reason: { key: 'cli.reason.duplicate_in_file', vars: { column: 'slack_user_id', value: 'U0PAT' } } },
      { row: 3, reason: { key: 'cli.reason.duplicate_in_file', vars: { column: 'email', value: 'pat@riverside.example' } } },
      { row: 4, reason: { key: 'cli.reason.duplicate_in_file', vars: { column: 'slack_user_id', value: 'U0PAT' } } },
      { row: 5, reason: { key: 'cli.reason.slack_user_taken', vars: { column: 'slack_user_id', value: 'U0LUIS', staff: luis.email! } } },
    ]);
    expect(await core.store.staff.list(scope())).toHaveLength(1);
  });

  it('updates on re-import (matched on email, any case) instead of duplicating; empty cells keep values', async () => {
    await importStaff(core, admin, { rows: rows(HEADER, ...GOOD) });
    core.clock.advance(60_000);
    expect(await importStaff(core, admin, { rows: rows(HEADER, ...GOOD) })).toEqual({ ok: true, value: { created: 0, updated: 0, unchanged: 2 } });
    const edited = [
      ['DANA.WHITFIELD@riverside.example', 'Dana W. Whitfield', '', '', '10:00-18:00', '', 'C0DANA', '', 'no', 'no'],
      // Luis keeps his own Slack user.
      ['luis.ortega@riverside.example', 'Luis Ortega', '', 'Mon-Fri', '', 'U0LUIS', '', '', 'yes', ''],
    ];
    expect(await importStaff(core, admin, { rows: rows(HEADER, ...edited) })).toEqual({ ok: true, value: { created: 0, updated: 2, unchanged: 0 } });
    const all = await core.store.staff.list(scope());
    expect(all).toHaveLength(3);
    const dana = all.find((s) => s.name === 'Dana W. Whitfield');
    expect(dana).toMatchObject({ timeZone: 'America/New_York', slackUserId: 'U0DANA', slackChannel: 'C0DANA', onCall: false, active: false });
    // The days as they were, the new hours.
    expect(hoursOf(dana!)).toEqual({ days: [1, 2, 4], start: 600, end: 1080 });
    // Someone who left is no longer a Slack user of the app.
    expect(await core.store.staff.findBySlackUser(scope(), 'U0DANA')).toBeNull();
    expect(await core.store.staff.get(scope(), luis.id)).toMatchObject({ email: luis.email, role: 'supervisor', onCall: true, slackUserId: 'U0LUIS' });
  });

  it("sends a caseworker's threads back to the agency's channel when slack_channel is emptied, and keeps it when the file has no such column", async () => {
    await importStaff(core, admin, { rows: rows(HEADER, GOOD[0]!) });
    const noColumn = await importStaff(core, admin, { rows: rows('email,name', ['dana.whitfield@riverside.example', 'Dana Whitfield']) });
    expect(noColumn).toEqual({ ok: true, value: { created: 0, updated: 0, unchanged: 1 } });
    expect((await byEmail('dana.whitfield@riverside.example'))?.slackChannel).toBe('C0DANA');
    const emptied = await importStaff(core, admin, { rows: rows('email,name,slack_channel', ['dana.whitfield@riverside.example', 'Dana Whitfield', '']) });
    expect(emptied).toEqual({ ok: true, value: { created: 0, updated: 1, unchanged: 0 } });
    expect((await byEmail('dana.whitfield@riverside.example'))?.slackChannel).toBeNull();
  });

  it('refuses anyone but an admin, and an agency that does not exist', async () => {
    const staff: Actor = { type: 'staff', agencyId: agency.id, staffId: luis.id, door: 'slack' };
    expect(await importStaff(core, staff, { rows: rows(HEADER, ...GOOD) })).toEqual({ ok: false, code: 'forbidden' });
    const nowhere: Actor = { type: 'admin', agencyId: 'agy_missing', door: 'cli' };
    expect(await importStaff(core, nowhere, { rows: rows(HEADER, ...GOOD) })).toEqual({ ok: false, code: 'no_agency' });
  });

  it('writes nothing when the same Slack user is mapped meanwhile (duplicate)', async () => {
    const racer = staffRow(core, agency.id, { name: 'Mapped meanwhile', slackUserId: 'U0DANA' });
    const racing = {
      ...core,
      store: {
        ...core.store,
        commit: async (writes: Parameters<typeof core.store.commit>[0]) => {
          await insert(core, core.store.staff.insert(racer));
          return core.store.commit(writes);
        },
      },
    };
    expect(await importStaff(racing, admin, { rows: rows(HEADER, ...GOOD) })).toEqual({ ok: false, code: 'duplicate' });
    expect((await core.store.staff.list(scope())).map((s) => s.name).sort()).toEqual(['Luis Ortega', 'Mapped meanwhile']);
  });
});
