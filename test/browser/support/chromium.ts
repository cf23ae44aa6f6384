// Debian's chromium driven by playwright-core (no browser downloads). When chromium is missing
// and we are root with apt-get, it is installed; otherwise the test stops and says how.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const HOW_TO = `Chromium is needed for the browser tests and was not found at ${CHROMIUM}.
Install it with:  sudo apt-get update && sudo apt-get install -y chromium
(Debian/Ubuntu), then run the tests again.`;

const hasAptGet = () => ['/usr/bin/apt-get', '/bin/apt-get'].some((p) => existsSync(p));

/** Makes sure Debian's chromium is there, installing it when we are allowed to. */
export const ensureChromium = (): void => {
  if (existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !hasAptGet()) throw new Error(HOW_TO);
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (e) {
    throw new Error(`${HOW_TO}\n(apt-get failed: ${(e as Error).message})`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(HOW_TO);
};

/** A fresh browser profile, as the project's developer notes start it. */
export const launch = async (opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> => {
  ensureChromium();
  const dir = mkdtempSync(join(tmpdir(), 'casebridge-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: ARGS,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width: 390, height: 844 },
  });
  // A local server answers in milliseconds: a missing element should fail fast, not after 30 s.
  ctx.setDefaultTimeout(8_000);
  ctx.setDefaultNavigationTimeout(15_000);
  ctx.once('close', () => rmSync(dir, { recursive: true, force: true }));
  return ctx;
};

/** Saves the whole page as test-artifacts/screenshots/<lng>-<name>.png (not committed). */
export const screenshot = async (page: Page, lng: string, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${lng}-${name}.png`), fullPage: true });
};
