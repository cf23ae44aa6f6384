import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { agencyRow, channelRow, clientRow, insert, staffRow } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Agency, Staff } from '../../domain/types.ts';
import { importClients } from './import-clients.ts';
import type { InputRow } from './rows.ts';

let core: TestCore;
let agency: Agency;
let dana: Staff;
let admin: Actor;
const scope = () => ({ agencyId: agency.id });

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  const a = agencyRow(core, { timeZone: 'America/Chicago' });
  const s = staffRow(core, a.id, { email: 'Dana.Whitfield@Riverside.example' });
  await insert(core, core.store.agencies.insert(a), core.store.staff.insert(s));
  [agency, dana] = [a, s];
  admin = { type: 'admin', agencyId: agency.id, adminId: 'os:ops', door: 'cli' };
});

/** Rows as the CLI hands them over: the header is row 1, data starts at row 2. */
const rows = (header: string, ...lines: string[][]): InputRow[] => {
  const cols = header.split(',');
  return lines.map((cells, i) => ({ row: i + 2, fields: Object.fromEntries(cols.map((c, j) => [c, cells[j] ?? ''])) }));
};

const HEADER =
  'case_number,display_name,phone,language,time_zone,caseworker_email,preferred_channel,neutral_wording,sensitive';
const GOOD = [
  ['RFS-1001', 'Alice Moreno', '(555) 555-0101', 'es-MX', 'America/New_York', 'dana.whitfield@riverside.example', 'sms', 'yes', 'no'],
  ['RFS-1002', 'Bob Tran', '+1 555 555 0102', 'vi', '', '', '', '', ''],
];

const snapshot = async () => {
  const clients = await core.store.clients.list(scope());
  const channels = await Promise.all(clients.map((c) => core.store.channels.listForClient(scope(), c.id)));
  const audit = await Promise.all(clients.map((c) => core.store.audit.listForClient(scope(), c.id)));
  return { clients, channels, audit };
};

describe('import clients', () => {
  it('imports a good file: phones in E.164 with sms and portal channels, language, caseworker, defaults, audit', async () => {
    const r = await importClients(core, admin, { rows: rows(HEADER, ...GOOD) });
    expect(r).toEqual({ ok: true, value: { created: 2, updated: 0, unchanged: 0 } });
    const alice = await core.store.clients.getByExternalRef(scope(), 'RFS-1001');
    expect(alice).toMatchObject({
      displayName: 'Alice Moreno',
      language: 'es',
      timeZone: 'America/New_York',
      staffId: dana.id,
      preferredChannel: 'sms',
      neutralWording: true,
      sensitive: false,
    });
    const channels = await core.store.channels.listForClient(scope(), alice!.id);
    expect(channels.map((c) => [c.kind, c.address, c.verified, c.consentGivenAt]).sort()).toEqual([
      ['portal', '+15555550101', true, core.clock.now()],
      ['sms', '+15555550101', true, core.clock.now()],
    ]);
    const bob = await core.store.clients.getByExternalRef(scope(), 'RFS-1002');
    expect(bob).toMatchObject({ language: 'vi', timeZone: 'America/Chicago', staffId: null, neutralWording: false });
    const audit = await core.store.audit.listForClient(scope(), bob!.id);
    expect(audit.map((a) => [a.action, a.actorType, a.actorId, a.channel])).toEqual([
      ['client.import_create', 'admin', 'os:ops', 'cli'],
    ]);
  });

  it('reports every bad row by number and reason, and imports nothing', async () => {
    const existing = clientRow(core, agency.id, { externalRef: 'RFS-0001' });
    await insert(core, core.store.clients.insert(existing), core.store.channels.insert(channelRow(core, existing)));
    const before = await snapshot();
    const r = await importClients(core, admin, {
      rows: rows(
        HEADER,
        ['RFS-2001', '', '555 555 0199', 'es', '', '', '', '', ''],
        ['RFS-2002', 'Carla', '12', 'fr', 'Mars/Olympus', '', 'email', 'maybe', ''],
        GOOD[1]!,
        ['RFS-2004', 'D'.repeat(121), '', 'zh-TW', '', 'nobody@riverside.example', '', '', 'si'],
        ['R'.repeat(65), 'Ed', '', '', '', '', '', '', ''],
      ),
    });
    expect(r.ok).toBe(false);
    if (r.ok || r.code !== 'rows_invalid') throw new Error('expected rows_invalid');
    expect(r.detail).toEqual({ count: 4 });
    expect(r.errors.map((e) => [e.row, e.reason.key, e.reason.vars.column])).toEqual([
      [2, 'cli.reason.required', 'display_name'],
      [3, 'cli.reason.bad_phone', 'phone'],
      [3, 'cli.reason.bad_language', 'language'],
      [3, 'cli.reason.bad_time_zone', 'time_zone'],
      [3, 'cli.reason.bad_channel', 'preferred_channel'],
      [3, 'cli.reason.bad_boolean', 'neutral_wording'],
      [5, 'cli.reason.too_long', 'display_name'],
      [5, 'cli.reason.bad_language', 'language'],
      [5, 'cli.reason.bad_boolean', 'sensitive'],
      [5, 'cli.reason.unknown_staff', 'caseworker_email'],
      [6, 'cli.reason.too_long', 'case_number'],
    ]);
    expect(r.errors.find((e) => e.reason.key === 'cli.reason.bad_language')?.reason.vars.allowed).toContain('zh-Hans');
    expect(r.errors.find((e) => e.reason.key === 'cli.reason.unknown_staff')?.reason.vars.value).toBe(
      'nobody@riverside.example',
    );
    // The translator renders every reason with its variables.
    for (const e of r.errors) expect(core.t('en', e.reason.key, e.reason.vars)).not.toContain('{{');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a case number or a phone that appears twice in the file', async () => {
    const r = await importClients(core, admin, {
      rows: rows(HEADER, GOOD[0]!, ['RFS-1001', 'Alice again', '', '', '', '', '', '', ''], ['RFS-1003', 'Cy', '555 555 0101']),
    });
    if (r.ok || r.code !== 'rows_invalid') throw new Error('expected rows_invalid');
    expect(r.errors).toEqual([
      { row: 3, reason: { key: 'cli.reason.duplicate_in_file', vars: { column: 'case_number', value: 'RFS-1001' } } },
      { row: 4, reason: { key: 'cli.reason.duplicate_in_file', vars: { column: 'phone', value: '+15555550101' } } },
    ]);
    expect(await core.store.clients.list(scope())).toEqual([]);
  });

  it("refuses a phone that belongs to another client, and never re-points a client's phone", async () => {
    const other = clientRow(core, agency.id, { externalRef: 'RFS-0001' });
    await insert(core, core.store.clients.insert(other), core.store.channels.insert(channelRow(core, other, { address: '+15555550101' })));
    const taken = await importClients(core, admin, { rows: rows(HEADER, GOOD[0]!) });
    if (taken.ok || taken.code !== 'rows_invalid') throw new Error('expected rows_invalid');
    expect(taken.errors.map((e) => [e.row, e.reason.key, e.reason.vars.value])).toEqual([
      [2, 'cli.reason.phone_taken', '+15555550101'],
    ]);

    const changed = await importClients(core, admin, { rows: rows(HEADER, ['RFS-0001', 'Pat', '555-555-0177']) });
    if (changed.ok || changed.code !== 'rows_invalid') throw new Error('expected rows_invalid');
    expect(changed.errors.map((e) => e.reason.key)).toEqual(['cli.reason.phone_changed']);
    // The same phone again is fine: the existing SMS channel (and its consent record) is kept.
    const same = await importClients(core, admin, { rows: rows(HEADER, ['RFS-0001', 'Pat', '(555) 555-0101']) });
    expect(same).toEqual({ ok: true, value: { created: 0, updated: 1, unchanged: 0 } });
    const kinds = (await core.store.channels.listForClient(scope(), other.id)).map((c) => c.kind).sort();
    expect(kinds).toEqual(['portal', 'sms']);
  });

  it('updates on re-import instead of duplicating; safety settings are only ever turned on', async () => {
    await importClients(core, admin, { rows: rows(HEADER, ...GOOD) });
    core.clock.advance(60_000);
    expect(await importClients(core, admin, { rows: rows(HEADER, ...GOOD) })).toEqual({
      ok: true,
      value: { created: 0, updated: 0, unchanged: 2 },
    });
    const edited = [['RFS-1001', 'Alice M. Moreno', '(555) 555-0101', 'es', '', '', 'portal', 'no', 'yes'], GOOD[1]!];
    expect(await importClients(core, admin, { rows: rows(HEADER, ...edited) })).toEqual({
      ok: true,
      value: { created: 0, updated: 1, unchanged: 1 },
    });
    const clients = await core.store.clients.list(scope());
    expect(clients).toHaveLength(2);
    const alice = clients.find((c) => c.externalRef === 'RFS-1001')!;
    // Empty cells leave values as they were; "no" does not switch neutral wording off.
    expect(alice).toMatchObject({
      displayName: 'Alice M. Moreno',
      timeZone: 'America/New_York',
      staffId: dana.id,
      preferredChannel: 'portal',
      neutralWording: true,
      sensitive: true,
    });
    expect(await core.store.channels.listForClient(scope(), alice.id)).toHaveLength(2);
    const actions = (await core.store.audit.listForClient(scope(), alice.id)).map((a) => a.action).sort();
    expect(actions).toEqual(['client.import_create', 'client.import_update']);
  });

  it('refuses anyone but an admin, and an agency that does not exist', async () => {
    const staff: Actor = { type: 'staff', agencyId: agency.id, staffId: dana.id, door: 'slack' };
    expect(await importClients(core, staff, { rows: rows(HEADER, ...GOOD) })).toEqual({ ok: false, code: 'forbidden' });
    const nowhere: Actor = { type: 'admin', agencyId: 'agy_missing', door: 'cli' };
    expect(await importClients(core, nowhere, { rows: rows(HEADER, ...GOOD) })).toEqual({ ok: false, code: 'no_agency' });
  });

  it('writes nothing when the same case number is created meanwhile (duplicate)', async () => {
    const racer = clientRow(core, agency.id, { externalRef: 'RFS-1002', displayName: 'Created meanwhile' });
    const racing = {
      ...core,
      store: {
        ...core.store,
        commit: async (writes: Parameters<typeof core.store.commit>[0]) => {
          await insert(core, core.store.clients.insert(racer));
          return core.store.commit(writes);
        },
      },
    };
    expect(await importClients(racing, admin, { rows: rows(HEADER, ...GOOD) })).toEqual({ ok: false, code: 'duplicate' });
    expect((await core.store.clients.list(scope())).map((c) => c.displayName)).toEqual(['Created meanwhile']);
  });
});
