// The Node server as `npm start` runs it: a real process, a real SQLite file, real HTTP.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from './support/net.ts';

const startServer = async (env: Record<string, string>) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 30_000;
  while (!out.includes('Casebridge is running at') && Date.now() < deadline) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
};

const stop = (child: ReturnType<typeof spawn>) =>
  new Promise<number | null>((ok) => {
    child.once('exit', (code) => ok(code));
    child.kill('SIGTERM');
  });

describe('npm start', () => {
  it('migrates, seeds the demo once, serves /healthz and the dev outbox, and stops cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebridge-start-'));
    const port = await freePort();
    const env = { PORT: String(port), DATABASE_URL: `file:${join(dir, 'cb.db')}`, BLOB_DIR: join(dir, 'blobs') };
    const first = await startServer(env);
    expect(first.output()).toContain(`Casebridge is running at http://localhost:${port}`);
    expect(first.output()).toContain('+15555550101');
    expect(first.output()).toContain('The empty database was filled with demo data.');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    const outbox = await fetch(`http://127.0.0.1:${port}/dev/outbox.json`);
    expect(outbox.status).toBe(200);
    expect(Array.isArray(await outbox.json())).toBe(true);
    expect(await stop(first.child)).toBe(0);

    const second = await startServer(env);
    expect(second.output()).not.toContain('filled with demo data');
    expect((await fetch(`http://127.0.0.1:${port}/dev`)).status).toBe(200);
    expect(await stop(second.child)).toBe(0);
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const bad = await startServer({ PORT: 'eighty' });
    await new Promise<void>((ok) => (bad.child.exitCode !== null ? ok() : bad.child.once('exit', () => ok())));
    expect(bad.child.exitCode).toBe(1);
    expect(bad.output()).toMatch(/PORT: must be a number/);
  });

  it('serves no dev outbox with DEMO=off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebridge-start-'));
    const port = await freePort();
    const s = await startServer({ PORT: String(port), DEMO: 'off', DATABASE_URL: `file:${join(dir, 'cb.db')}`, BLOB_DIR: join(dir, 'b') });
    expect((await fetch(`http://127.0.0.1:${port}/dev/outbox.json`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await stop(s.child)).toBe(0);
  });
});
