// The real server for browser tests and the page-size bench: `node --import tsx src/entry/node.ts`
// as a child process on a free port of 127.0.0.1, with its own SQLite file and blob folder, demo
// data seeded. PUBLIC_URL is the address the browser uses, so the CSRF Origin check is the real one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/net.ts';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export const DEMO_PHONES = {
  alex: '+15555550101',
  maria: '+15555550102',
  layla: '+15555550103',
  lan: '+15555550104',
} as const;

export interface RunningServer {
  url: string;
  port: number;
  dir: string;
  /** the libsql URL of the server's database (`file:…`) */
  databaseUrl: string;
  /** the environment the server runs with: give it to the CLI to reach the same database */
  env: Record<string, string>;
  output(): string;
  /** the newest sign-in code sent to this phone after `since` (ms), from the dev outbox */
  signInCode(phone: string, since?: number): Promise<string>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface OutboxEntry {
  to: string;
  text: string;
  createdAt: string;
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      ok();
    });
    child.kill('SIGTERM');
  });

export const startServer = async (opts: { demo?: boolean } = {}): Promise<RunningServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'casebridge-browser-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const databaseUrl = `file:${join(dir, 'cb.db')}`;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATABASE_URL: databaseUrl,
    BLOB_DIR: join(dir, 'blobs'),
    DEMO: opts.demo === false ? 'off' : 'on',
    LOG_LEVEL: 'warn',
    // The scheduler runs on the real clock: a reminder coming due mid-test would be noise here
    // (it is tested with a controlled clock in src/usecases/scheduler and cli tick).
    SCHEDULER: 'off',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 60_000;
  while (!out.includes('Casebridge is running at')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`the server did not start:\n${out}`);
    }
    await sleep(100);
  }

  const signInCode = async (phone: string, since = 0): Promise<string> => {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const res = await fetch(`${url}/dev/outbox.json`);
      const rows = (await res.json()) as OutboxEntry[];
      const mine = rows
        .filter((m) => m.to === phone && Date.parse(m.createdAt) >= since && /\b\d{6}\b/.test(m.text))
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
      const code = mine[0]?.text.match(/\b(\d{6})\b/)?.[1];
      if (code) return code;
      await sleep(150);
    }
    throw new Error(`no sign-in code reached ${phone} in the dev outbox`);
  };

  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, port, dir, databaseUrl, env, output: () => out, signInCode, stop };
};
