// A crisis written on the portal: nothing to push, so the page itself shows the crisis help first
// (links to call or text, in the client's language, no script), still says the message went to
// the caseworker, and the alert is raised. An ordinary message shows no help.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { portalApp, signedIn, type App, type Browser } from '../../test/support/portal.ts';

let core: TestCore;
let w: World;
let app: App;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  app = portalApp(core);
});

const nonceOf = (html: string) => html.match(/name="nonce" value="([^"]+)"/)?.[1] ?? '';
const write = async (b: Browser, body: string) => {
  const res = await b.post('/messages', { body, nonce: nonceOf(await (await b.get('/messages')).text()) });
  expect(res.status).toBe(303);
  return res.headers.get('location')!;
};

describe('a crisis written on the portal', () => {
  it('shows the crisis help first, with call and text links, and still confirms the message was sent', async () => {
    const b = await signedIn(app, core, w.alice);
    const to = await write(b, 'I want to kill myself');
    const html = await (await b.get(to)).text();
    const t = (key: string, vars?: Record<string, string | number>) => core.t('en', key, vars);
    expect(html).toContain(t('crisis.portal.heading'));
    expect(html.indexOf(t('crisis.portal.heading'))).toBeLessThan(html.indexOf(t('portal.done.message_sent')));
    expect(html).toContain('href="tel:911"');
    expect(html).toContain('href="tel:988"');
    expect(html).toContain('href="sms:988"');
    expect(html).toContain('href="tel:18007997233"');
    expect(html).not.toContain('href="sms:911"');
    expect(html).toContain(t('crisis.portal.call', { number: '1-800-799-7233' }));
    expect(await core.store.crisis.listForClient(w.scope, w.alice.id)).toMatchObject([{ channel: 'portal', category: 'self_harm' }]);
    expect((await core.store.outbox.list(w.scope)).filter((o) => o.channel !== 'slack')).toEqual([]);
  });

  it('speaks the client’s language', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'es' }));
    const b = await signedIn(app, core, w.alice);
    const html = await (await b.get(await write(b, 'I want to kill myself'))).text();
    expect(html).toContain('lang="es"');
    expect(html).toContain(core.t('es', 'crisis.portal.heading'));
  });

  it('shows no help after an ordinary message', async () => {
    const b = await signedIn(app, core, w.alice);
    const to = await write(b, 'See you Friday');
    expect(to).toBe('/messages?done=message_sent');
    const html = await (await b.get(to)).text();
    expect(html).not.toContain(core.t('en', 'crisis.portal.heading'));
    expect(await core.store.crisis.listForClient(w.scope, w.alice.id)).toEqual([]);
  });

  it('takes words of a crisis in the cancel form as a message, not a reason: nothing cancelled, the help shown', async () => {
    const a = appointmentRow(core, w.alice);
    await insert(core, core.store.appointments.insert(a));
    const b = await signedIn(app, core, w.alice);
    const res = await b.post(`/appointments/${a.id}/cancel`, { reason: 'he said he will kill me if I go' });
    expect([res.status, res.headers.get('location')]).toEqual([303, '/messages?done=message_sent&help=1']);
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('scheduled');
    expect(await core.store.crisis.listForClient(w.scope, w.alice.id)).toMatchObject([{ channel: 'portal', category: 'violence' }]);
    const html = await (await b.get(res.headers.get('location')!)).text();
    expect(html).toContain(core.t('en', 'crisis.portal.heading'));
  });
});
