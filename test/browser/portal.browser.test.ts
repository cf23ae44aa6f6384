// The client portal end to end: the real server (a child process, a real SQLite file, demo data),
// Debian's chromium through playwright-core, and a person's steps from signing in to signing out.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator.ts';
import { launch, screenshot } from './support/chromium.ts';
import { clientIdOf, importAppointments, openDb, setAgencyRule, todaysSession, wallClock, type Db } from './support/db.ts';
import { tinyJpeg, tinyPdf, writeTemp } from './support/files.ts';
import { expectPage, noticeText, signIn, submit, visit } from './support/portal-page.ts';
import { DEMO_PHONES, startServer, type RunningServer } from './support/server.ts';

const t = createTranslator();
const en = (key: string, vars?: Record<string, string | number>) => t('en', key, vars);

let server: RunningServer;
let ctx: BrowserContext;
let page: Page;
let db: Db;
let alex: string;
const urls: string[] = [];

const open = (path: string, status = 200) => visit(page, server, path, status);
/** Submits a form and expects a page back (a refusal such as a CSRF 403 fails here, saying so). */
const send = async (selector: string, p: Page = page) => expectPage(p, await submit(p, selector), selector);

const appointment = (clientId: string, where: string, args: (string | number)[] = []) =>
  db.one<{ id: string; status: string; requested_starts_at: number | null }>(
    `select id, status, requested_starts_at from appointments where client_id = ? and ${where} order by starts_at limit 1`,
    [clientId, ...args],
  );

beforeAll(async () => {
  [server, ctx] = await Promise.all([startServer(), launch()]);
  db = openDb(server);
  alex = await clientIdOf(db, 'DEMO-0101');
  ctx.on('request', (r) => urls.push(r.url()));
  page = await ctx.newPage();
}, 90_000);

afterAll(async () => {
  await ctx?.close();
  db?.close();
  await server?.stop();
});

describe('the portal in chromium', { timeout: 60_000 }, () => {
  it('signs in with the code from the dev outbox', async () => {
    await signIn(page, server, DEMO_PHONES.alex);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('nav a[href="/appointments"]').count()).toBe(1);
  });

  it('confirms an appointment', async () => {
    const a = await appointment(alex, "status = 'scheduled' and staff_id is not null and starts_at > ?", [Date.now()]);
    await open('/appointments');
    await submit(page, `a[href="/appointments/${a.id}"]`);
    await send(`form[action="/appointments/${a.id}/confirm"] button[type="submit"]`);
    expect(page.url()).toContain(`/appointments/${a.id}`);
    expect(await noticeText(page)).not.toBe('');
    expect((await appointment(alex, 'id = ?', [a.id])).status).toBe('confirmed');
  });

  it('reschedules to an offered slot', async () => {
    const a = await appointment(alex, "status in ('scheduled', 'confirmed') and staff_id is not null and starts_at > ?", [Date.now() + 7 * 86_400_000]);
    await open(`/appointments/${a.id}`);
    await submit(page, `a[href="/appointments/${a.id}/reschedule"]`);
    const slot = page.locator('fieldset input[type="radio"][name="slot"]').first();
    const value = Number(await slot.getAttribute('value'));
    expect(value).toBeGreaterThan(Date.now());
    await slot.check();
    await send(`form[action="/appointments/${a.id}/reschedule"] button[type="submit"]`);
    expect(await noticeText(page)).not.toBe('');
    const after = await appointment(alex, 'id = ?', [a.id]);
    expect(after.status).toBe('reschedule_requested');
    expect(after.requested_starts_at).toBe(value);
  });

  it('refuses to move an appointment inside the notice window, with a way to message', async () => {
    const soon = Date.now() + 2 * 3600_000;
    const csv = `appointment_ref,case_number,starts_at,kind,staff_email,location\nP4-SOON,DEMO-0101,${wallClock(soon, 'America/New_York')},Quick check-in,dana.whitfield@example.org,12 Main Street\n`;
    await importAppointments(server, csv);
    const a = await db.one<{ id: string }>("select id from appointments where external_ref = 'P4-SOON'");
    await open(`/appointments/${a.id}/reschedule`);
    expect(await page.locator('main').innerText()).toContain(en('errors.too_close', { noticeHours: 24 }));
    expect(await page.locator('input[name="slot"]').count()).toBe(0);
    expect(await page.locator('main a[href="/messages"]').count()).toBeGreaterThan(0);
  });

  it('refuses to move an appointment with another office, saying why', async () => {
    const a = await appointment(alex, 'provider_id is not null');
    await open(`/appointments/${a.id}/reschedule`);
    expect(await page.locator('main').innerText()).toContain(en('errors.provider_appointment'));
    expect(await page.locator('input[name="slot"]').count()).toBe(0);
    expect(await page.locator('main a[href="/messages"]').count()).toBeGreaterThan(0);
  });

  it('answers "I\'ll be there" and checks in to a class with the code shown in class', async () => {
    const s = await todaysSession(db);
    await open('/classes');
    await send(`form[action="/classes/sessions/${s.id}/rsvp"] button[name="answer"][value="yes"]`);
    expect(await noticeText(page)).toContain(en('portal.done.rsvp_yes'));
    const rsvp = await db.one<{ rsvp: string }>('select rsvp from attendance where session_id = ? and client_id = ?', [s.id, alex]);
    expect(rsvp.rsvp).toBe('yes');

    // An hour before the class, check-in is not open yet under a 30-minute rule (the demo opens it
    // 90 minutes before, so that today's session can be tried at once).
    await setAgencyRule(db, { checkinOpensMinutesBefore: 30 });
    const general = 'form[action="/classes/check-in"]:not(:has(input[name="sessionId"]))';
    await page.fill(`${general} input[name="code"]`, s.checkin_code);
    expect((await submit(page, `${general} button[type="submit"]`))?.status()).toBe(400);
    expect(await page.locator('main').innerText()).toContain(en('errors.too_early', { minutes: 30 }));

    // The agency opens check-in two hours before: now the code works.
    await setAgencyRule(db, { checkinOpensMinutesBefore: 120 });
    await open('/classes');
    const onSession = `form[action="/classes/check-in"]:has(input[name="sessionId"][value="${s.id}"])`;
    const form = (await page.locator(onSession).count()) > 0 ? onSession : general;
    await page.fill(`${form} input[name="code"]`, s.checkin_code.toLowerCase());
    await send(`${form} button[type="submit"]`);
    expect(await noticeText(page)).toContain(en('portal.done.checked_in'));
    const row = await db.one<{ checked_in_at: number | null }>('select checked_in_at from attendance where session_id = ? and client_id = ?', [s.id, alex]);
    expect(row.checked_in_at).toBeGreaterThan(0);
  });

  it('uploads a PDF and a JPEG', async () => {
    const requests = await db.rows<{ id: string }>("select id from document_requests where client_id = ? and status = 'requested' order by created_at, id", [alex]);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    const pdf = writeTemp(server.dir, 'pay-stub.pdf', tinyPdf());
    const jpeg = writeTemp(server.dir, 'lease.jpg', await tinyJpeg(page));
    for (const [req, file, type] of [
      [requests[0]!.id, pdf, 'application/pdf'],
      [requests[1]!.id, jpeg, 'image/jpeg'],
    ] as const) {
      await open('/documents');
      const form = `form[action="/documents/${req}/upload"]`;
      await page.setInputFiles(`${form} input[name="file"]`, file);
      await send(`${form} button[type="submit"]`);
      expect(await noticeText(page)).not.toBe('');
      const stored = await db.one<{ id: string; detected_type: string }>('select id, detected_type from documents where request_id = ?', [req]);
      expect(stored.detected_type).toBe(type);
      expect((await db.one<{ status: string }>('select status from document_requests where id = ?', [req])).status).toBe('uploaded');
      const download = await page.request.get(`${server.url}/documents/files/${stored.id}`);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-disposition']).toMatch(/^attachment/);
      expect(download.headers()['x-content-type-options']).toBe('nosniff');
    }
  });

  it('sends a message, shown last in the thread', async () => {
    const text = `Can we meet on Friday instead? (${Date.now()})`;
    await open('/messages');
    await page.fill('form[action="/messages"] textarea[name="body"]', text);
    await send('form[action="/messages"] button[type="submit"]');
    const main = await page.locator('main').innerText();
    expect(main).toContain(text);
    expect(main.indexOf(text)).toBeGreaterThan(main.indexOf('just your photo ID'));
    expect((await db.rows('select id from messages where client_id = ? and body = ?', [alex, text])).length).toBe(1);
  });

  it('switches to Arabic, right to left, and back', async () => {
    await open('/settings');
    await page.selectOption('#lang-select', 'ar');
    await send('form.lang button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe('/settings');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    await screenshot(page, 'ar', 'flow-settings');
    await page.selectOption('#lang-select', 'en');
    await send('form.lang button[type="submit"]');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
  });

  it('puts the quick exit first in the tab order, and leaves no way back to the page', async () => {
    const tab = await ctx.newPage();
    await tab.route('https://www.google.com/**', (r) => r.fulfill({ body: 'ok', contentType: 'text/plain' }));
    await tab.goto(`${server.url}/appointments`);
    expect(await tab.locator('#quick-exit').isVisible()).toBe(true);
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('quick-exit');
    await Promise.all([tab.waitForURL('https://www.google.com/**'), tab.keyboard.press('Enter')]);
    await tab.goBack().catch(() => null);
    expect(tab.url()).not.toContain(server.url);
    await tab.close();
  });

  it('signs out, and Back shows the sign-in page, not the data', async () => {
    await open('/appointments');
    expect(await page.content()).toContain('Case plan review');
    await send('form[action="/sign-out"] button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const html = await page.content();
    expect(html).toContain('id="phone"');
    expect(html).not.toContain('Case plan review');
    expect((await page.request.get(`${server.url}/appointments`, { maxRedirects: 0 })).status()).toBe(303);
  });
});

describe('what the browser sent', () => {
  it('carried no client data in any URL, only opaque ids', () => {
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) expect(decodeURIComponent(url), url).not.toMatch(/555\D?555\D?01|Alex|Johnson|Friday|pay-stub|lease\.jpg/i);
  });
});

describe('with JavaScript off', { timeout: 60_000 }, () => {
  it('signs in and confirms an appointment', async () => {
    const noJs = await launch({ javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await signIn(p, server, DEMO_PHONES.maria);
      const maria = await clientIdOf(db, 'DEMO-0102');
      const a = await appointment(maria, "status = 'scheduled' and staff_id is not null and starts_at > ?", [Date.now()]);
      await p.goto(`${server.url}/appointments/${a.id}`);
      await send(`form[action="/appointments/${a.id}/confirm"] button[type="submit"]`, p);
      expect(await noticeText(p)).not.toBe('');
      expect((await appointment(maria, 'id = ?', [a.id])).status).toBe('confirmed');
    } finally {
      await noJs.close();
    }
  });
});
