// The calendar file, on Node only: inside vitest's workerd pool the `ics` package cannot load its
// CommonJS dependency `nanoid` (the pool's require shim hands back undefined). A Worker bundled
// the way wrangler bundles it (esbuild, workerd/browser conditions) runs `ics` fine.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { portalApp, signedIn, type Browser } from '../../test/support/portal.ts';
import type { Appointment } from '../../src/domain/types.ts';

let core: TestCore;
let w: World;
let alice: Browser;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  alice = await signedIn(portalApp(core), core, w.alice);
});

const add = async (over: Partial<Appointment> = {}) => {
  const a = appointmentRow(core, w.alice, over);
  await insert(core, core.store.appointments.insert(a));
  return a;
};

// Not run where `ics` cannot load (see above), even if the workers project picks this file up.
const inWorkerd = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';

describe.skipIf(inWorkerd)('calendar file', () => {
  it('is an attachment in UTC with a stable uid, named for what it is', async () => {
    const a = await add({ kind: 'Check-in', startsAt: Date.parse('2026-03-02T15:00:00Z'), durationMinutes: 45 });
    const res = await alice.get(`/appointments/${a.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    const ics = await res.text();
    expect(ics).toContain('DTSTART:20260302T150000Z');
    expect(ics).toContain('DURATION:PT45M');
    expect(ics).toContain(`SUMMARY:Check-in with ${w.staff.name}`);
    expect(ics).toContain('DESCRIPTION:What to bring: Photo ID');
    expect(ics).toContain(`UID:${a.id}@casebridge`);
    const again = await (await alice.get(`/appointments/${a.id}/calendar.ics`)).text();
    expect(again.match(/UID:.*/)?.[0]).toBe(ics.match(/UID:.*/)?.[0]);
  });

  it('names nothing when the appointment is sensitive or the client asked for neutral wording', async () => {
    const s = await add({ kind: 'Probation review', sensitive: true });
    const sens = await (await alice.get(`/appointments/${s.id}/calendar.ics`)).text();
    expect(sens).toContain('SUMMARY:Busy\r\n');
    expect(sens).toContain('DTSTART:');
    expect(sens).not.toMatch(/Probation|Photo ID|Dana/);
    await core.store.commit([core.store.clients.update(w.scope, w.alice.id, { neutralWording: true })]);
    const a = await add({ kind: 'Parenting plan' });
    const neutral = await (await alice.get(`/appointments/${a.id}/calendar.ics`)).text();
    expect(neutral).toContain('SUMMARY:Busy\r\n');
    expect(neutral).not.toMatch(/Parenting|Photo ID|Dana/);
  });
});
