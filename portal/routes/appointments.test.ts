import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { portalApp, signedIn, type App, type Browser } from '../../test/support/portal.ts';
import type { Appointment, Client } from '../../src/domain/types.ts';

let core: TestCore;
let w: World;
let app: App;
let alice: Browser;

// Wednesday 25 Feb 2026, 10:00 in New York; the caseworker is free on Mondays 9–12.
beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  app = portalApp(core);
  alice = await signedIn(app, core, w.alice);
});

const add = async (client: Client, over: Partial<Appointment> = {}) => {
  const a = appointmentRow(core, client, over);
  await insert(core, core.store.appointments.insert(a));
  return a;
};
const stored = async (a: Appointment) => (await core.store.appointments.getForClient(w.asStaff, a.clientId, a.id))!;
const page = async (res: Response) => ({ status: res.status, html: await res.text() });

describe('the list and the detail', () => {
  it('lists upcoming and past, each linking to its page, sensitive ones included', async () => {
    const past = await add(w.alice, { kind: 'Intake', startsAt: Date.parse('2026-02-20T15:00:00Z'), status: 'attended' });
    const next = await add(w.alice, { kind: 'Check-in', sensitive: true });
    await add(w.bob, { kind: 'Bobs visit' });
    const { status, html } = await page(await alice.get('/appointments'));
    expect(status).toBe(200);
    expect(html).toContain(`href="/appointments/${next.id}"`);
    expect(html).toContain(`href="/appointments/${past.id}"`);
    expect(html.indexOf(next.id)).toBeLessThan(html.indexOf('id="past"'));
    expect(html.indexOf(past.id)).toBeGreaterThan(html.indexOf('id="past"'));
    expect(html).toContain('Attended');
    expect(html).toContain('Please confirm');
    expect(html).not.toContain('Bobs visit');
    expect(html).toContain(`With ${w.staff.name}, your caseworker`);
  });

  it('shows what, when in the client zone, how long, where, with whom and what to bring', async () => {
    const a = await add(w.alice, { kind: 'Check-in', startsAt: Date.parse('2026-03-02T15:00:00Z'), durationMinutes: 45 });
    const { status, html } = await page(await alice.get(`/appointments/${a.id}`));
    expect(status).toBe(200);
    expect(html).toContain('<h1>Check-in</h1>');
    expect(html).toContain('Monday, March 2 at 10:00'); // 15:00 UTC is 10:00 in New York
    expect(html).toContain('45 minutes');
    expect(html).toContain('12 Main St, Room 3');
    expect(html).toContain(`<dd>${w.staff.name}, your caseworker</dd>`);
    expect(html).toContain('Photo ID');
    expect(html).toContain(`action="/appointments/${a.id}/confirm"`);
    expect(html).toContain(`href="/appointments/${a.id}/reschedule"`);
    expect(html).toContain(`href="/appointments/${a.id}/cancel"`);
    expect(html).toContain(`href="/appointments/${a.id}/calendar.ics"`);
  });

  it('names a provider, its kind and address, and the video link', async () => {
    const providerId = core.ids.newId('prv');
    await insert(core, core.store.providers.insert({ id: providerId, agencyId: w.agency.id, name: 'Eastside Health Clinic', kind: 'clinic', address: '40 Oak Ave', phone: null, createdAt: core.clock.now() }));
    const a = await add(w.alice, { kind: 'Blood test', staffId: null, providerId, location: null, videoUrl: 'https://meet.example/abc' });
    const list = await (await alice.get('/appointments')).text();
    expect(list).toContain('With Eastside Health Clinic (clinic)');
    const html = await (await alice.get(`/appointments/${a.id}`)).text();
    expect(html).toContain('<dd>Eastside Health Clinic (clinic)<br/>40 Oak Ave</dd>');
    expect(html).toContain('href="https://meet.example/abc"');
  });

  it('renders in Arabic right to left', async () => {
    await core.store.commit([core.store.clients.update(w.scope, w.alice.id, { language: 'ar' })]);
    const a = await add(w.alice);
    for (const path of ['/appointments', `/appointments/${a.id}`, `/appointments/${a.id}/reschedule`, `/appointments/${a.id}/cancel`]) {
      const html = await (await alice.get(path)).text();
      expect(html).toContain('dir="rtl"');
      expect(html).toContain('lang="ar"');
    }
  });
});

describe('confirm', () => {
  it('confirms and comes back to the page with a notice', async () => {
    const a = await add(w.alice);
    await alice.get(`/appointments/${a.id}`);
    const res = await alice.post(`/appointments/${a.id}/confirm`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/appointments/${a.id}?done=appointment_confirmed`);
    expect((await stored(a)).status).toBe('confirmed');
    const html = await (await alice.get(res.headers.get('location')!)).text();
    expect(html).toContain('Your appointment is confirmed.');
    expect(html).not.toContain(`/appointments/${a.id}/confirm`);
  });

  it('says why a cancelled appointment cannot be confirmed', async () => {
    const a = await add(w.alice, { status: 'cancelled' });
    const { status, html } = await page(await alice.post(`/appointments/${a.id}/confirm`));
    expect(status).toBe(409);
    expect(html).toContain('This appointment cannot be confirmed any more.');
  });
});

describe('reschedule', () => {
  it('offers slots as one radio group and sends the chosen one to the caseworker', async () => {
    const a = await add(w.alice);
    const { status, html } = await page(await alice.get(`/appointments/${a.id}/reschedule`));
    expect(status).toBe(200);
    expect(html).toMatch(/<fieldset id="slot" role="radiogroup"[^>]*><legend>Free times<\/legend>/);
    const slot = Date.parse('2026-03-02T15:00:00Z');
    expect(html).toContain(`name="slot" value="${slot}"`);
    const res = await alice.post(`/appointments/${a.id}/reschedule`, { slot: String(slot) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/appointments/${a.id}?done=appointment_reschedule_requested`);
    expect(await stored(a)).toMatchObject({ status: 'reschedule_requested', requestedStartsAt: slot });
    const detail = await (await alice.get(res.headers.get('location')!)).text();
    expect(detail).toContain('Your caseworker will confirm the new time.');
  });

  it('refuses inside the notice window and points to messages', async () => {
    const a = await add(w.alice, { startsAt: core.clock.now() + 3 * 3600_000 });
    const { status, html } = await page(await alice.get(`/appointments/${a.id}/reschedule`));
    expect(status).toBe(200);
    expect(html).toContain('less than 24 hours away');
    expect(html).toContain('href="/messages"');
    expect(html).not.toContain('name="slot"');
  });

  it('refuses a provider appointment, one already waiting, one moved too often, and a late post', async () => {
    const p = await add(w.alice, { staffId: null });
    expect(await (await alice.get(`/appointments/${p.id}/reschedule`)).text()).toContain('with another office');
    const q = await add(w.alice, { status: 'reschedule_requested', requestedStartsAt: Date.parse('2026-03-02T15:00:00Z') });
    expect(await (await alice.get(`/appointments/${q.id}/reschedule`)).text()).toContain('already asked to move');
    const r = await add(w.alice, { rescheduleCount: 2 });
    expect(await (await alice.get(`/appointments/${r.id}/reschedule`)).text()).toContain('already been moved 2 times');
    const late = await add(w.alice, { startsAt: core.clock.now() + 3 * 3600_000 });
    const posted = await page(await alice.post(`/appointments/${late.id}/reschedule`, { slot: String(Date.parse('2026-03-02T15:00:00Z')) }));
    expect(posted.status).toBe(409);
    expect(posted.html).toContain('href="/messages"');
  });

  it('refuses a made-up time with the error tied to the choice, and a missing one', async () => {
    const a = await add(w.alice);
    await alice.get(`/appointments/${a.id}/reschedule`);
    const made = await page(await alice.post(`/appointments/${a.id}/reschedule`, { slot: String(Date.parse('2026-03-02T15:07:00Z')) }));
    expect(made.status).toBe(400);
    expect(made.html).toContain('aria-invalid="true" aria-describedby="slot-hint slot-error"');
    expect(made.html).toContain('id="slot-error">That time is no longer free.');
    const none = await page(await alice.post(`/appointments/${a.id}/reschedule`, { slot: 'tomorrow' }));
    expect(none.status).toBe(400);
    expect(none.html).toContain('id="slot-error">Please choose one of the times.');
    expect((await stored(a)).status).toBe('scheduled');
  });
});

describe('cancel', () => {
  it('asks for a reason, tied to the field', async () => {
    const a = await add(w.alice);
    const form = await (await alice.get(`/appointments/${a.id}/cancel`)).text();
    expect(form).toContain('name="reason"');
    const { status, html } = await page(await alice.post(`/appointments/${a.id}/cancel`, { reason: '   ' }));
    expect(status).toBe(400);
    expect(html).toContain('aria-describedby="reason-hint reason-error"');
    expect(html).toContain('Please say why you need to cancel.');
    const long = await alice.post(`/appointments/${a.id}/cancel`, { reason: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect((await stored(a)).status).toBe('scheduled');
  });

  it('cancels with a reason', async () => {
    const a = await add(w.alice);
    const res = await alice.post(`/appointments/${a.id}/cancel`, { reason: 'My child is sick' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/appointments/${a.id}?done=appointment_cancelled`);
    expect(await stored(a)).toMatchObject({ status: 'cancelled', cancelReason: 'My child is sick' });
    const html = await (await alice.get(`/appointments/${a.id}/cancel`)).text();
    expect(html).toContain('This appointment cannot be cancelled any more.');
    expect(html).not.toContain('name="reason"');
  });
});

describe("another client's appointment", () => {
  it('is not found on every route, and nothing changes', async () => {
    const bobs = await add(w.bob, { kind: 'Bobs visit' });
    const slot = String(Date.parse('2026-03-02T15:00:00Z'));
    const base = `/appointments/${bobs.id}`;
    await alice.get('/appointments');
    const tries = [
      alice.get(base),
      alice.get(`${base}/reschedule`),
      alice.get(`${base}/cancel`),
      alice.get(`${base}/calendar.ics`),
      alice.post(`${base}/confirm`),
      alice.post(`${base}/reschedule`, { slot }),
      alice.post(`${base}/reschedule`, { slot: 'x' }),
      alice.post(`${base}/cancel`, { reason: 'not mine' }),
      alice.post(`${base}/cancel`, { reason: '' }),
      alice.get('/appointments/apt_made_up'),
    ];
    for (const res of await Promise.all(tries)) {
      const html = await res.text();
      expect(res.status).toBe(404);
      expect(html).toContain('Page not found');
      expect(html).not.toContain('Bobs visit');
    }
    expect(await stored(bobs)).toEqual(bobs);
    const bobsAudit = await core.store.audit.listForClient(w.scope, w.bob.id);
    expect(bobsAudit.filter((e) => e.action.startsWith('appointment'))).toEqual([]);
  });
});
