// axe-core (WCAG 2.0/2.1/2.2, A and AA) on every portal page, in English and in Arabic, against the
// real server in chromium: zero violations. A screenshot of each page is saved as a test artifact.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot } from './support/chromium.ts';
import { clientIdOf, makeInvitation, openDb, type Db } from './support/db.ts';
import { describeViolations, expectPage, runAxe, submit, visit } from './support/portal-page.ts';
import { DEMO_PHONES, startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let db: Db;

beforeAll(async () => {
  server = await startServer();
  db = openDb(server);
}, 90_000);

afterAll(async () => {
  db?.close();
  await server?.stop();
});

const PEOPLE = [
  { lng: 'en', ref: 'DEMO-0101', phone: DEMO_PHONES.alex },
  { lng: 'ar', ref: 'DEMO-0103', phone: DEMO_PHONES.layla },
] as const;

/** The client's next appointment with their caseworker: detail, reschedule and cancel pages. */
const nextAppointment = async (ref: string) => {
  const clientId = await clientIdOf(db, ref);
  const row = await db.one<{ id: string }>(
    "select id from appointments where client_id = ? and staff_id is not null and status in ('scheduled', 'confirmed') and starts_at > ? order by starts_at limit 1",
    [clientId, Date.now()],
  );
  return row.id;
};

for (const person of PEOPLE) {
  describe(`every page passes axe in ${person.lng}`, { timeout: 60_000 }, () => {
    let ctx: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ctx = await launch();
      page = await ctx.newPage();
      if (person.lng !== 'en') await page.goto(`${server.url}/language?lang=${person.lng}&next=/sign-in`);
    }, 60_000);

    afterAll(async () => {
      await ctx?.close();
    });

    const check = async (name: string, expectLng = person.lng) => {
      expect(await page.getAttribute('html', 'lang'), `${name}: page language`).toBe(expectLng);
      expect(await page.getAttribute('html', 'dir')).toBe(expectLng === 'ar' ? 'rtl' : 'ltr');
      await screenshot(page, person.lng, name);
      const violations = await runAxe(page);
      expect(violations, describeViolations(`${person.lng} ${name}`, violations)).toEqual([]);
    };

    const look = async (name: string, path: string, status = 200) => {
      await visit(page, server, path, status);
      await check(name);
    };

    it('sign-in', () => look('sign-in', '/sign-in'));

    it('sign-in with an error tied to the field', async () => {
      await page.goto(`${server.url}/sign-in`);
      await page.fill('#phone', '12');
      expect((await submit(page, 'form[action="/sign-in"] button[type="submit"]'))?.status()).toBe(400);
      expect(await page.getAttribute('#phone', 'aria-invalid')).toBe('true');
      await check('sign-in-error');
    });

    it('invitation', async () => look('invitation', await makeInvitation(server, person.ref)));

    it('code', async () => {
      await page.goto(`${server.url}/sign-in`);
      const since = Date.now() - 1000;
      await page.fill('#phone', person.phone);
      await expectPage(page, await submit(page, 'form[action="/sign-in"] button[type="submit"]'), 'POST /sign-in');
      await check('code');
      await page.fill('#code', await server.signInCode(person.phone, since));
      await expectPage(page, await submit(page, 'form[action="/sign-in/code"] button[type="submit"]'), 'POST /sign-in/code');
      expect(new URL(page.url()).pathname).toBe('/');
    });

    it('home', () => look('home', '/'));
    it('appointments', () => look('appointments', '/appointments'));
    it('appointment', async () => look('appointment', `/appointments/${await nextAppointment(person.ref)}`));
    it('reschedule', async () => look('reschedule', `/appointments/${await nextAppointment(person.ref)}/reschedule`));
    it('cancel', async () => look('cancel', `/appointments/${await nextAppointment(person.ref)}/cancel`));
    it('classes', () => look('classes', '/classes'));
    it('classes-record', () => look('classes-record', '/classes/record'));
    it('documents', () => look('documents', '/documents'));
    it('messages', () => look('messages', '/messages'));
    it('settings', () => look('settings', '/settings'));
    it('not-found', () => look('not-found', '/appointments/apt_doesnotexist0000000', 404));
  });
}
