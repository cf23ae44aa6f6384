// What a person does in the portal, as steps a test can call: sign in with the code from the dev
// outbox, submit forms the way the pages build them, read the page's notice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningServer } from './server.ts';
import { ROOT } from './server.ts';

/** Types the phone, reads the code from the dev outbox, types it: ends on the home page. */
export const signIn = async (page: Page, server: RunningServer, phone: string): Promise<void> => {
  await page.goto(`${server.url}/sign-in`);
  const since = Date.now() - 1000;
  await page.fill('#phone', phone);
  await expectPage(page, await submit(page, 'form[action="/sign-in"] button[type="submit"]'), 'POST /sign-in');
  const code = await server.signInCode(phone, since);
  await page.fill('#code', code);
  await expectPage(page, await submit(page, 'form[action="/sign-in/code"] button[type="submit"]'), 'POST /sign-in/code');
  if (new URL(page.url()).pathname !== '/') throw new Error(`signing in as ${phone} ended on ${page.url()}`);
};

/** Fails with what the server said when a step did not give a page (a refusal, an error). */
export const expectPage = async (page: Page, res: Response | null, what: string): Promise<void> => {
  const status = res?.status() ?? 0;
  if (status >= 200 && status < 400) return;
  const said = (await page.locator('body').innerText().catch(() => '')).slice(0, 300);
  throw new Error(`${what} answered ${status}: ${said}`);
};

/** Presses a form's submit button and waits for the page it leads to (its response, after redirects). */
export const submit = async (page: Page, selector: string): Promise<Response | null> => {
  const [res] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return res;
};

/** Opens a page and checks it is the page asked for: the status, and no redirect (to sign-in, say). */
export const visit = async (page: Page, server: RunningServer, path: string, status = 200): Promise<void> => {
  const res = await page.goto(`${server.url}${path}`);
  const at = new URL(page.url());
  expect(`${at.pathname}${at.search}`, `GET ${path} ended elsewhere`).toBe(path);
  expect(res?.status(), `GET ${path}`).toBe(status);
};

/** The status or alert message at the top of the page, if any. */
export const noticeText = async (page: Page): Promise<string> =>
  (await page.locator('.notice').allInnerTexts()).join('\n').trim();

/** The ids of the links on the page that lead to `/<area>/<id>`. */
export const linkedIds = async (page: Page, area: string): Promise<string[]> =>
  page.$$eval(
    `a[href^="/${area}/"]`,
    (links, prefix) =>
      links
        .map((a) => a.getAttribute('href') ?? '')
        .map((h) => h.slice((prefix as string).length))
        .filter((rest) => /^[A-Za-z0-9_-]+$/.test(rest)),
    `/${area}/`,
  );

export const AXE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

let axeSource: string | null = null;

/**
 * axe-core on the page with the WCAG 2.0/2.1/2.2 A and AA rules. The portal's CSP (rightly)
 * refuses an injected <script> tag, so the library is evaluated through the DevTools protocol.
 */
export const runAxe = async (page: Page): Promise<AxeViolation[]> => {
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })),
    }));
  });
};

/** A violation list as a person reads it in a failing test. */
export const describeViolations = (where: string, vs: AxeViolation[]): string =>
  vs
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html}`).join('\n')}`)
    .join('\n');
