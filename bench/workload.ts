// One driver, one fresh temp database, one process: seed, timed writes and reads, then checks
// that the Store contract (atomic commit, duplicate, conflict, foreign keys) holds on the driver.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibsql } from '../src/db/libsql.ts';
import type { Store, Write } from '../src/ports/store.ts';
import { randomIds } from '../src/runtime/random-ids.ts';
import { openLibsqlOneConnection } from './client-1conn.ts';
import { openSyncLibsql } from './sync-store.ts';
import { seed, type Seeded } from './seed.ts';

export const DRIVERS = ['libsql-client', 'libsql-sync', 'libsql-client-1conn'] as const;
export type DriverName = (typeof DRIVERS)[number];
/** the two candidates of the issue; the third is @libsql/client with the pool fix (BENCH_DRIVERS) */
export const DEFAULT_DRIVERS: DriverName[] = ['libsql-client', 'libsql-sync'];

export const COMMITS = 20_000;
export const CONCURRENT_COMMITS = 5_000;
export const IN_FLIGHT = 8;
export const READS = 20_000;
const WARMUP = 300;
/**
 * Each timed phase stops at this wall-clock limit even if its count is not reached, so that
 * 3 rounds x 2 drivers stay under 2 minutes; rates are over the operations actually done.
 * BENCH_PHASE_SECONDS=60 lets a quiet machine run the full counts.
 */
const PHASE_LIMIT_MS = Number(process.env.BENCH_PHASE_SECONDS ?? 4) * 1000;

export interface Phase {
  done: number;
  ms: number;
  perSec: number;
  /** CPU time (user + system) per operation: less sensitive than wall time to a busy machine */
  cpuUs: number;
  truncated: boolean;
}

export interface DriverResult {
  driver: DriverName;
  commits: Phase;
  concurrentCommits: Phase;
  reads: Phase;
  peakRssMb: number;
  checks: Record<string, string>;
}

interface Opened {
  store: Store;
  close(): void;
  /** the value of a PRAGMA on the connection the store normally uses */
  pragma(name: string): Promise<unknown>;
  /** the same PRAGMA asked `n` times at once (shows every pooled connection) */
  pragmaConcurrent(name: string, n: number): Promise<unknown[]>;
  count(sql: string): Promise<number>;
}

const MIGRATIONS = 'migrations';

const open = async (driver: DriverName, path: string): Promise<Opened> => {
  if (driver !== 'libsql-sync') {
    const open = driver === 'libsql-client' ? openLibsql : openLibsqlOneConnection;
    const h = await open({ url: `file:${path}`, migrationsFolder: MIGRATIONS });
    const one = async (sql: string) => (await h.client.execute(sql)).rows[0]?.[0];
    return {
      store: h.store,
      close: h.close,
      pragma: (name) => one(`PRAGMA ${name}`),
      pragmaConcurrent: (name, n) => Promise.all(Array.from({ length: n }, () => one(`PRAGMA ${name}`))),
      count: async (sql) => Number(await one(sql)),
    };
  }
  const h = await openSyncLibsql({ path, migrationsFolder: MIGRATIONS });
  const one = (sql: string) => (h.client.prepare(sql).raw().get() as unknown[] | undefined)?.[0];
  return {
    store: h.store,
    close: h.close,
    pragma: async (name) => one(`PRAGMA ${name}`),
    pragmaConcurrent: async (name, n) => Array.from({ length: n }, () => one(`PRAGMA ${name}`)),
    count: async (sql) => Number(one(sql)),
  };
};

// A server meets each request in its own event-loop turn; so does the bench. Without the turn a
// tight `await` loop never lets Node run N-API finalizers, and every statement libsql prepared
// stays alive (RSS grew by ~5 KB per query and throughput sank; see DRIVER.md).
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const timed = async (total: number, step: (i: number) => Promise<void>, inFlight = 1): Promise<Phase> => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  let truncated = false;
  const worker = async () => {
    while (next < total) {
      if (performance.now() - start > PHASE_LIMIT_MS) {
        truncated = true;
        return;
      }
      await step(next++);
      await nextTurn();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const ms = performance.now() - start;
  const done = Math.min(next, total);
  const used = process.cpuUsage(cpu);
  const cpuUs = Math.round((used.user + used.system) / done);
  return { done, ms: Math.round(ms), perSec: Math.round((done / ms) * 1000), cpuUs, truncated };
};

/** An inbound SMS: dedup row + message + Slack outbox row for the caseworker + audit, one commit. */
const inboundWrites = (store: Store, w: Seeded, key: string, i: number): Write[] => {
  const ids = randomIds();
  const client = w.clients[i % w.clients.length]!;
  const conversation = w.conversations[i % w.conversations.length]!;
  const now = w.t0 + i;
  const messageId = ids.newId('msg');
  const body = `Hi, it's me again — can I bring my pay stub on Thursday instead? (#${i})`;
  return [
    store.inbound.insert({ id: ids.newId('inb'), agencyId: w.scope.agencyId, source: 'twilio', externalId: key, receivedAt: now }),
    store.messages.insert({
      id: messageId, agencyId: w.scope.agencyId, conversationId: conversation.id, clientId: client.id, direction: 'in',
      channel: 'sms', body, status: 'received', externalId: key, internal: false, staffId: null, outboxId: null, createdAt: now,
    }),
    store.outbox.insert({
      id: ids.newId('out'), agencyId: w.scope.agencyId, clientId: client.id, staffId: w.staffId, channel: 'slack',
      toAddress: 'C0CASEWORK', template: 'slack.inbound', text: body, payload: JSON.stringify({ threadTs: null }),
      idempotencyKey: `inbound:${key}:slack`, status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null,
      lastError: null, externalId: null, sender: null, createdAt: now, sentAt: null,
    }),
    store.audit.insert({
      id: ids.newId('aud'), agencyId: w.scope.agencyId, actorType: 'client', actorId: client.id, action: 'message.received',
      subjectType: 'message', subjectId: messageId, clientId: client.id, channel: 'sms', at: now,
    }),
  ];
};

const mustCommit = async (store: Store, writes: Write[]) => {
  const outcome = await store.commit(writes);
  if (outcome !== 'ok') throw new Error(`commit returned ${outcome}`);
};

const contractChecks = async (o: Opened, w: Seeded): Promise<Record<string, string>> => {
  const checks: Record<string, string> = {};
  for (const p of ['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout']) checks[p] = String(await o.pragma(p));
  checks.pooled_synchronous = (await o.pragmaConcurrent('synchronous', 4)).join(',');
  checks.pooled_busy_timeout = (await o.pragmaConcurrent('busy_timeout', 4)).join(',');
  // a duplicate inbound event aborts the whole commit, including the message written before it
  const extra = inboundWrites(o.store, w, 'check-dup', 0);
  const dup = await o.store.commit([extra[1]!, ...inboundWrites(o.store, w, 'seq-0', 0)]);
  const leaked = await o.count(`SELECT count(*) FROM messages WHERE external_id = 'check-dup'`);
  checks.duplicate = `${dup}, rolled back: ${leaked === 0}`;
  const apt = w.appointments[0]!;
  const stale = await o.store.commit([o.store.appointments.update(w.scope, apt.id, apt.version + 7, { status: 'confirmed' }, w.t0)]);
  const fresh = await o.store.commit([o.store.appointments.update(w.scope, apt.id, apt.version, { status: 'confirmed' }, w.t0)]);
  checks.version_guard = `stale: ${stale}, fresh: ${fresh}`;
  const orphan = inboundWrites(o.store, { ...w, conversations: [{ id: 'cnv_missing' }] }, 'check-fk', 0);
  checks.foreign_key = await o.store.commit([orphan[1]!]).then(
    (r) => `accepted (${r})`,
    (e: unknown) => `refused: ${String((e as { cause?: unknown }).cause ?? e).split('\n')[0]}`,
  );
  await o.store.ping();
  checks.ping = 'ok';
  return checks;
};

export const runDriver = async (driver: DriverName): Promise<DriverResult> => {
  const dir = mkdtempSync(join(tmpdir(), `casebridge-bench-${driver}-`));
  const o = await open(driver, join(dir, 'bench.db'));
  try {
    const w = await seed(o.store);
    const list = async (i: number) => {
      const rows = await o.store.appointments.listForClient(w.scope, w.clients[i % w.clients.length]!.id);
      if (rows.length !== 5) throw new Error(`expected 5 appointments, got ${rows.length}`);
    };
    for (let i = 0; i < WARMUP; i++) await mustCommit(o.store, inboundWrites(o.store, w, `warm-${i}`, i));
    for (let i = 0; i < WARMUP; i++) await list(i);
    const commits = await timed(COMMITS, (i) => mustCommit(o.store, inboundWrites(o.store, w, `seq-${i}`, i)));
    const concurrentCommits = await timed(
      CONCURRENT_COMMITS,
      (i) => mustCommit(o.store, inboundWrites(o.store, w, `par-${i}`, i)),
      IN_FLIGHT,
    );
    const reads = await timed(READS, list);
    const checks = await contractChecks(o, w);
    checks.messages = String(await o.count('SELECT count(*) FROM messages'));
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return { driver, commits, concurrentCommits, reads, peakRssMb, checks };
  } finally {
    o.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
