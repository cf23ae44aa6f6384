// `npm run cli -- tick --at TIME` on a demo database: the scheduler runs at that moment and, with
// no real channel set up, what became due shows in the dev outbox — how the demo shows reminders
// when its clock is moved.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testClock } from '../../test/support/core.ts';
import { agencyRow, appointmentRow, channelRow, clientRow, insert, outboxRow, staffRow } from '../../test/support/fixtures.ts';
import { openLibsql } from '../db/libsql.ts';
import { createTranslator } from '../i18n/translator.ts';
import { memoryBlobStore } from '../runtime/memory-blob-store.ts';
import { randomIds } from '../runtime/random-ids.ts';
import { formatWhen } from '../usecases/shared/format.ts';
import { runCli } from './run.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('cli tick', () => {
  it('runs the scheduler at the given moment and shows the reminders due then in the dev outbox, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebridge-tick-'));
    const url = `file:${join(dir, 'demo.db')}`;
    const h = await openLibsql({ url, migrationsFolder: join(ROOT, 'migrations') });
    const core = { store: h.store, clock: testClock('2026-03-02T12:00:00Z'), ids: randomIds(), t: createTranslator(), blobs: memoryBlobStore() };
    const agency = agencyRow(core, { demo: true });
    const staff = staffRow(core, agency.id);
    const client = clientRow(core, agency.id, { staffId: staff.id, language: 'es' });
    const startsAt = Date.parse('2026-03-04T15:00:00Z'); // Wednesday 10:00 in New York
    await insert(
      core,
      core.store.agencies.insert(agency),
      core.store.staff.insert(staff),
      core.store.clients.insert(client),
      core.store.channels.insert(channelRow(core, client, { address: '+15555550177' })),
      core.store.appointments.insert(appointmentRow(core, client, { startsAt })),
    );
    h.close();

    const lines: string[] = [];
    const io = { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(`ERR ${s}`) };
    const env = { DATABASE_URL: url, DEMO: 'on', BLOB_DIR: join(dir, 'blobs') };
    // a day before, at the same time: the day-before reminder
    expect(await runCli(['tick', '--at', '2026-03-03T15:00:00Z'], env, io)).toBe(0);
    expect(await runCli(['tick', '--at', '2026-03-03T15:00:30Z'], env, io)).toBe(0);
    expect(lines.filter((l) => l.startsWith('ERR'))).toEqual([]);
    expect(lines).toContain('appointment-reminders: 1');
    expect(lines).toContain('Messages shown in the dev outbox, delivered up to 2026-03-03T15:00:00.000Z: 1');

    const again = await openLibsql({ url, migrationsFolder: join(ROOT, 'migrations') });
    try {
      const shown = await again.store.devOutbox.list();
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatchObject({ channel: 'sms', to: '+15555550177', clientId: client.id });
      // in the client's language and time zone, with the numbered answers of an SMS reminder
      const appointment = (await again.store.appointments.listForClient({ agencyId: agency.id }, client.id))[0]!;
      const where = appointment.location ? core.t('es', 'reminder.where', { place: appointment.location }) : '';
      expect(shown[0]?.text).toBe(core.t('es', 'reminder.appointment.sms', { when: formatWhen(startsAt, 'es', 'America/New_York'), where }));
    } finally {
      again.close();
    }
  });

  it('moves the demo clock ahead in steps, so a reminder due on the way is shown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebridge-tick-ahead-'));
    const url = `file:${join(dir, 'demo.db')}`;
    const h = await openLibsql({ url, migrationsFolder: join(ROOT, 'migrations') });
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const core = { store: h.store, clock: testClock(now), ids: randomIds(), t: createTranslator(), blobs: memoryBlobStore() };
    // no quiet hours, so the test means the same whatever hour it runs at
    const agency = agencyRow(core, { demo: true, settings: JSON.stringify({ quietHoursStart: 0, quietHoursEnd: 0 }) });
    const client = clientRow(core, agency.id);
    await insert(
      core,
      core.store.agencies.insert(agency),
      core.store.clients.insert(client),
      core.store.channels.insert(channelRow(core, client, { address: '+15555550178' })),
      core.store.appointments.insert(appointmentRow(core, client, { startsAt: now + 30 * 3_600_000 })),
    );
    h.close();
    const lines: string[] = [];
    const io = { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(`ERR ${s}`) };
    // the day-before reminder is due 6 hours from now: moving 8 hours ahead passes it
    expect(await runCli(['tick', '--at', '+8h'], { DATABASE_URL: url, DEMO: 'on', BLOB_DIR: join(dir, 'blobs') }, io)).toBe(0);
    expect(lines).toContain('appointment-reminders: 1');
    expect(lines.find((l) => l.startsWith('Messages shown in the dev outbox'))).toMatch(/: 1$/);
  });

  it('runs at another moment only on demo data, never on real clients', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebridge-tick-real-'));
    const lines: string[] = [];
    const io = { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(s) };
    const env = { DATABASE_URL: `file:${join(dir, 'real.db')}`, DEMO: 'off', BLOB_DIR: join(dir, 'blobs') };
    expect(await runCli(['tick', '--at', '2026-03-05T12:00:00Z'], env, io)).toBe(2);
    expect(lines[0]).toContain('--at works only on demo data');
    // now is always allowed
    expect(await runCli(['tick'], env, io)).toBe(0);
    // DEMO=on in the shell is not enough: the data must be the demo's, or nothing is moved or "delivered"
    const h = await openLibsql({ url: env.DATABASE_URL, migrationsFolder: join(ROOT, 'migrations') });
    const core = { store: h.store, clock: testClock(), ids: randomIds(), t: createTranslator(), blobs: memoryBlobStore() };
    const real = agencyRow(core);
    const client = clientRow(core, real.id);
    const due = outboxRow(core, client, { template: 'crisis.resources' });
    await insert(core, core.store.agencies.insert(real), core.store.clients.insert(client), core.store.outbox.insert(due));
    h.close();
    lines.length = 0;
    expect(await runCli(['tick', '--at', '+1h'], { ...env, DEMO: 'on' }, io)).toBe(2);
    expect(await runCli(['tick'], { ...env, DEMO: 'on' }, io)).toBe(0);
    expect(lines.some((l) => l.startsWith('Messages shown in the dev outbox'))).toBe(false);
    const after = await openLibsql({ url: env.DATABASE_URL, migrationsFolder: join(ROOT, 'migrations') });
    try {
      // the real crisis help is left for the server's real sender
      expect((await after.store.outbox.get(due.id))?.status).toBe('pending');
    } finally {
      after.close();
    }
  });

  it('refuses a time without its zone', async () => {
    const lines: string[] = [];
    const io = { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(s) };
    expect(await runCli(['tick', '--at', '2026-03-03 15:00'], { DATABASE_URL: 'file::memory:', DEMO: 'on' }, io)).toBe(2);
    expect(lines[0]).toContain('is not a time with its zone');
  });
});
