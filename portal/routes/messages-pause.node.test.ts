// The pause word typed in the portal's message box pauses, as it does by SMS or in Telegram: the
// settings page then says messages are paused and offers to turn them back on; the word is not
// kept as a message.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { insert, world, type World } from '../../test/support/fixtures.ts';
import { portalApp, signedIn, type App } from '../../test/support/portal.ts';

let core: TestCore;
let w: World;
let app: App;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  await insert(core, core.store.clients.update(w.scope, w.alice.id, { pauseWord: 'Bluebird' }));
  app = portalApp(core);
});

const nonceOf = (html: string) => html.match(/name="nonce" value="([^"]+)"/)?.[1] ?? '';

describe('the pause word written on the portal', () => {
  it('pauses, shows the settings page with the way back, and keeps no message', async () => {
    const b = await signedIn(app, core, w.alice);
    const res = await b.post('/messages', { body: 'bluebird', nonce: nonceOf(await (await b.get('/messages')).text()) });
    expect([res.status, res.headers.get('location')]).toEqual([303, '/settings?done=paused']);
    expect((await core.store.clients.get(w.scope, w.alice.id))?.pausedBy).toBe('client:portal');
    const html = await (await b.get('/settings?done=paused')).text();
    expect(html).toContain(core.t('en', 'portal.settings.resume_button'));
    expect(await core.store.messages.listForClient(w.scope, w.alice.id)).toEqual([]);
    // nothing is pushed from the portal: the caseworker's card is the only row
    expect((await core.store.outbox.list(w.scope)).map((o) => o.channel)).toEqual(['slack']);
  });
});
