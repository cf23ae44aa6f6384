// Which Node SQLite driver should Casebridge use? `npx tsx bench/driver.ts`
// Runs each driver 3 times, each run in its own process (so peak RSS is that driver's alone),
// alternating the order, and prints the medians. Results and the decision: bench/DRIVER.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { COMMITS, CONCURRENT_COMMITS, DEFAULT_DRIVERS, DRIVERS, IN_FLIGHT, READS, runDriver, type DriverName, type DriverResult, type Phase } from './workload.ts';

const ROUNDS = 3;
/** three phases plus start-up, seeding and checks */
const CHILD_TIMEOUT_MS = (3 * Number(process.env.BENCH_PHASE_SECONDS ?? 4) + 60) * 1000;
const MARK = 'RESULT ';

const isDriver = (d: string): d is DriverName => (DRIVERS as readonly string[]).includes(d);
/** BENCH_DRIVERS=libsql-client,libsql-sync,libsql-client-1conn adds the pool-fix variant */
const selected = (): DriverName[] => {
  const names = process.env.BENCH_DRIVERS?.split(',') ?? DEFAULT_DRIVERS;
  const bad = names.filter((d) => !isDriver(d));
  if (bad.length > 0) throw new Error(`unknown driver(s) ${bad.join(', ')}; known: ${DRIVERS.join(', ')}`);
  return names as DriverName[];
};

const versionOf = (pkg: string): string =>
  (JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const runChild = (driver: DriverName): DriverResult => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', driver], {
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(MARK));
  if (child.status !== 0 || !line) throw new Error(`${driver} run failed (${child.status ?? child.signal}):\n${child.stderr}`);
  return JSON.parse(line.slice(MARK.length)) as DriverResult;
};

const main = () => {
  const started = performance.now();
  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}) · ${Math.round(totalmem() / 2 ** 30)} GiB`);
  console.log(
    `@libsql/client ${versionOf('@libsql/client')} · libsql ${versionOf('libsql')} · drizzle-orm ${versionOf('drizzle-orm')}`,
  );
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`${COMMITS} sequential commits · ${CONCURRENT_COMMITS} commits ${IN_FLIGHT} in flight · ${READS} reads\n`);
  const drivers = selected();
  const results = new Map<DriverName, DriverResult[]>(drivers.map((d) => [d, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? drivers : [...drivers].reverse();
    for (const driver of order) {
      const r = runChild(driver);
      results.get(driver)!.push(r);
      const fmt = (p: Phase) => `${p.perSec}/s ${p.cpuUs} µs CPU (${p.done}${p.truncated ? ', time-boxed' : ''})`;
      console.log(
        `round ${round + 1} ${driver.padEnd(13)} commits ${fmt(r.commits)} · ${IN_FLIGHT} in flight ${fmt(r.concurrentCommits)} · ` +
          `reads ${fmt(r.reads)} · peak RSS ${r.peakRssMb} MB`,
      );
    }
  }
  console.log('\nmedians of 3 (ops/s, and CPU µs per op):');
  console.log('| driver | commits/s | µs CPU/commit | commits/s, 8 in flight | µs CPU | reads/s | µs CPU/read | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [driver, runs] of results) {
    const m = (f: (r: DriverResult) => number) => median(runs.map(f));
    const cells = [
      m((r) => r.commits.perSec), m((r) => r.commits.cpuUs), m((r) => r.concurrentCommits.perSec),
      m((r) => r.concurrentCommits.cpuUs), m((r) => r.reads.perSec), m((r) => r.reads.cpuUs), m((r) => r.peakRssMb),
    ];
    console.log(`| ${driver} | ${cells.join(' | ')} |`);
  }
  console.log('\nchecks (last run):');
  for (const [driver, runs] of results) console.log(`  ${driver}: ${JSON.stringify(runs.at(-1)?.checks)}`);
  console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const driver = process.argv[childIndex + 1] ?? '';
  if (!isDriver(driver)) throw new Error(`unknown driver ${driver}`);
  console.log(MARK + JSON.stringify(await runDriver(driver)));
} else {
  main();
}
