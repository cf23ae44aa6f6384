// The real CLI as a child process, against a libsql file seeded here, with CSV files on disk.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testClock, type TestCore } from '../../test/support/core.ts';
import { agencyRow, insert, providerRow, staffRow } from '../../test/support/fixtures.ts';
import { openLibsql } from '../db/libsql.ts';
import type { Agency } from '../domain/types.ts';
import { createTranslator } from '../i18n/translator.ts';
import { memoryBlobStore } from '../runtime/memory-blob-store.ts';
import { randomIds } from '../runtime/random-ids.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'casebridge-cli-'));
const dbUrl = (name: string) => `file:${join(dir, name)}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const cli = (args: string[], db = 'main.db'): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: dbUrl(db), DEMO: 'off', BLOB_DIR: join(dir, 'blobs') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** Opens a database file, runs `fn` with a core over it, and closes it again. */
const withDb = async <T>(name: string, fn: (core: TestCore) => Promise<T>): Promise<T> => {
  const h = await openLibsql({ url: dbUrl(name), migrationsFolder: join(ROOT, 'migrations') });
  try {
    return await fn({ store: h.store, clock: testClock(), ids: randomIds(), t: createTranslator(), blobs: memoryBlobStore() });
  } finally {
    h.close();
  }
};

let agency: Agency;

beforeAll(async () => {
  agency = await withDb('main.db', async (core) => {
    const a = agencyRow(core);
    await insert(
      core,
      core.store.agencies.insert(a),
      core.store.staff.insert(staffRow(core, a.id, { email: 'dana@riverside.example' })),
      core.store.providers.insert(providerRow(core, a.id, { name: 'Eastside Health Clinic' })),
    );
    return a;
  });
});

// A spreadsheet's export: a BOM, CRLF line ends, a quoted name with a comma, padded cells.
const CLIENTS =
  '\uFEFFcase_number,display_name,phone,language,caseworker_email,sensitive\r\n' +
  'RFS-1001, "Moreno, Alice" ,(555) 555-0101,es-MX,dana@riverside.example,no\r\n' +
  'RFS-1002,Bob Tran,+1 555 555 0102,vi,,yes\r\n';

// Each run starts a fresh tsx process (seconds each on a busy machine).
describe('the admin CLI', { timeout: 180_000 }, () => {
  it('answers a wrong command line with the usage and exit code 2', async () => {
    const none = await cli([]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('Usage: npm run cli')]);
    const unknown = await cli(['frobnicate', 'x']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('Unknown command: frobnicate')]);
    const help = await cli(['--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('import-appointments FILE.csv')]);
    expect(help.stdout).toContain('import-staff FILE.csv');
  });

  it('says so when the database has no agency', async () => {
    const r = await cli(['import-clients', file('empty.csv', 'case_number,display_name\n')], 'empty.db');
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('There is no agency in the database yet.')]);
  });

  it('reports every bad row and imports nothing', async () => {
    const bad = file(
      'bad.csv',
      'case_number,display_name,phone,language\nRFS-9001,Ana,555 555 0190,en\nRFS-9002,,12,fr\nRFS-9001,Ana again,,\n',
    );
    const r = await cli(['import-clients', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Row 3: display_name is required');
    expect(r.stderr).toContain('Row 3: phone is not a phone number we can use');
    expect(r.stderr).toContain('Row 3: language is not a supported language (en, es, zh-Hans');
    expect(r.stderr).toContain('Row 4: case_number RFS-9001 appears twice in the file');
    expect(r.stderr).toContain('Nothing was imported: 2 rows have errors.');
    expect(await withDb('main.db', (core) => core.store.clients.getByExternalRef({ agencyId: agency.id }, 'RFS-9001'))).toBeNull();
  });

  it('explains a file it cannot use', async () => {
    const missing = await cli(['import-clients', join(dir, 'nope.csv')]);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('Cannot read the file')]);
    const noName = await cli(['import-clients', file('cols.csv', 'case_number,phone\nRFS-1,5555550101\n')]);
    expect([noName.code, noName.stderr]).toEqual([1, expect.stringContaining('The file lacks these columns: display_name.')]);
    const typo = await cli(['import-clients', file('typo.csv', 'case_number,display_name,sensitve\nRFS-1,A,yes\n')]);
    expect([typo.code, typo.stderr]).toEqual([1, expect.stringContaining('columns Casebridge does not know: sensitve')]);
    const broken = await cli(['import-clients', file('broken.csv', 'case_number,display_name\nRFS-1,"Ana\n')]);
    expect([broken.code, broken.stderr]).toEqual([1, expect.stringMatching(/Cannot read the file[\s\S]*Quote Not Closed/)]);
  });

  it('imports clients and appointments, re-imports without duplicating, and exports a record', async () => {
    const clients = file('clients.csv', CLIENTS);
    const first = await cli(['import-clients', clients]);
    expect([first.code, first.stdout.trim()]).toEqual([0, 'Imported 2 new clients and updated 0.']);
    const again = await cli(['import-clients', clients]);
    expect([again.code, again.stdout.trim()]).toEqual([0, 'Imported 0 new clients and updated 0.']);

    const appts = file(
      'appointments.csv',
      'appointment_ref,case_number,starts_at,kind,provider\nA-1,RFS-1001,2026-03-09 10:00,Check-in,\nA-2,RFS-1002,2026-03-06 09:30,Blood test,eastside health clinic\n',
    );
    const imported = await cli(['import-appointments', appts]);
    expect([imported.code, imported.stdout.trim()]).toEqual([0, 'Imported 2 new appointments and updated 0.']);

    const alice = await withDb('main.db', (core) => core.store.clients.getByExternalRef({ agencyId: agency.id }, 'RFS-1001'));
    expect(alice).toMatchObject({ displayName: 'Moreno, Alice', language: 'es' });
    const exported = await cli(['export-client', alice!.id]);
    expect(exported.code).toBe(0);
    const record = JSON.parse(exported.stdout);
    expect(record.client.externalRef).toBe('RFS-1001');
    expect(record.channels.map((c: { address: string }) => c.address)).toEqual(['+15555550101', '+15555550101']);
    expect(record.appointments[0].startsAt).toBe('2026-03-09T14:00:00.000Z');
    expect(record.audit.map((e: { action: string }) => e.action)).toContain('client.export');

    const out = join(dir, 'record.json');
    const toFile = await cli(['export-client', alice!.id, '--out', out]);
    expect([toFile.code, toFile.stdout]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(out, 'utf8')).client.id).toBe(alice!.id);
    expect(statSync(out).mode & 0o077).toBe(0);

    const nobody = await cli(['export-client', 'cli_nobody']);
    expect([nobody.code, nobody.stderr]).toEqual([1, expect.stringContaining('No client with the id cli_nobody.')]);

    const invite = await cli(['invite', alice!.id]);
    expect(invite.code).toBe(0);
    expect(invite.stdout).toMatch(/One-time sign-in link \(valid until \d{4}-\d\d-\d\dT[\d:.]+Z\): http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}\n/);
    expect((await cli(['invite', 'cli_nobody'])).code).toBe(1);
  });

  it('asks which agency when there are several, and acts on the one named with --agency', async () => {
    const second = await withDb('two.db', async (core) => {
      const [a, b] = [agencyRow(core), agencyRow(core, { name: 'Northside Legal Aid' })];
      await insert(core, core.store.agencies.insert(a), core.store.agencies.insert(b));
      return b;
    });
    const csv = file('one.csv', 'case_number,display_name\nNL-1,Noor\n');
    const ask = await cli(['import-clients', csv], 'two.db');
    expect([ask.code, ask.stderr]).toEqual([1, expect.stringContaining(`--agency ID. The agencies are:`)]);
    expect(ask.stderr).toContain(second.id);
    const chosen = await cli(['import-clients', csv, '--agency', second.id], 'two.db');
    expect([chosen.code, chosen.stdout.trim()]).toEqual([0, 'Imported 1 new clients and updated 0.']);
    const stored = await withDb('two.db', (core) => core.store.clients.getByExternalRef({ agencyId: second.id }, 'NL-1'));
    expect(stored?.displayName).toBe('Noor');
  });

  it('prints the agency settings, and sets them from a file only when every field is right', async () => {
    const shown = await cli(['settings']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ reminderOffsetsMinutes: [1440, 120], quietHoursStart: 1260 });
    const bad = await cli(['settings', '--file', file('bad.json', '{"quietHoursStart": 9999, "remindMe": true}')]);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('Nothing was changed.')]);
    for (const field of ['quietHoursStart', 'remindMe']) expect(bad.stderr).toContain(field);
    const good = await cli(['settings', '--file', file('good.json', '{"reminderOffsetsMinutes": [2880, 60]}')]);
    expect([good.code, good.stdout]).toEqual([0, expect.stringContaining('"reminderOffsetsMinutes": [\n    2880,\n    60\n  ]')]);
    const stored = await withDb('main.db', (core) => core.store.agencies.get(agency.id));
    expect(JSON.parse(stored!.settings)).toMatchObject({ reminderOffsetsMinutes: [2880, 60], quietHoursEnd: 480 });
    expect((await cli(['tick', '--at', 'tomorrow'])).code).toBe(2);
  });

  it('imports staff: every bad row reported and nothing written, then a good file, audited', async () => {
    const header = 'email,name,time_zone,working_days,working_hours,slack_user_id,slack_channel,role,on_call\r\n';
    const bad = await cli(['import-staff', file('staff-bad.csv', `${header}ana@riverside.example,Ana,,Mon-Fri,9-5,U0ANA,,,\r\nANA@riverside.example,Ana,,,,,,boss,\r\n`)]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Row 2: working_hours must be a start and an end time such as 09:00-17:00');
    expect(bad.stderr).toContain('Row 2: email ana@riverside.example appears twice in the file');
    expect(bad.stderr).toContain('Row 3: email ana@riverside.example appears twice in the file');
    expect(bad.stderr).toContain('Row 3: role must be caseworker or supervisor');
    expect(bad.stderr).toContain('Nothing was imported: 2 rows have errors.');

    const good = file(
      'staff.csv',
      `\uFEFF${header}ana@riverside.example, "Reyes, Ana" ,America/Denver,"Mon,Tue,Thu",08:00-16:00,U0ANA,C0ANA,,yes\r\nomar@riverside.example,Omar Haddad,,,,,,supervisor,\r\n`,
    );
    const imported = await cli(['import-staff', good]);
    expect([imported.code, imported.stdout.trim()]).toEqual([0, 'Imported 2 new staff members and updated 0.']);
    const h = await openLibsql({ url: dbUrl('main.db'), migrationsFolder: join(ROOT, 'migrations') });
    try {
      const ana = await h.store.staff.findBySlackUser({ agencyId: agency.id }, 'U0ANA');
      expect(ana).toMatchObject({ name: 'Reyes, Ana', email: 'ana@riverside.example', timeZone: 'America/Denver', slackChannel: 'C0ANA', onCall: true });
      expect(JSON.parse(ana!.workingHours)).toEqual({ days: [1, 2, 4], start: 480, end: 960 });
      expect(await h.store.staff.findByEmail({ agencyId: agency.id }, 'omar@riverside.example')).toMatchObject({ role: 'supervisor', timeZone: agency.timeZone });
      const audit = await h.client.execute("SELECT actor_type, actor_id, client_id, channel FROM audit_log WHERE action = 'staff.import'");
      expect(audit.rows.map((r) => [r.actor_type, String(r.actor_id).startsWith('os:'), r.client_id, r.channel])).toEqual([['admin', true, null, 'cli']]);
    } finally {
      h.close();
    }
  });
});
