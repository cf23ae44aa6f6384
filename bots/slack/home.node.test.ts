// The App Home through the real HTTP app and a fake Slack Web API: a caseworker opens the Home tab
// and gets their caseload, read from the store at that moment; someone not on the staff does not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, clientRow, documentRequestRow, insert, sampleFile, staffRow, world, type World } from '../../test/support/fixtures.ts';
import { startSlack, type SlackHarness } from '../../test/support/slack.ts';
import type { Client } from '../../src/domain/types.ts';
import { uploadDocument } from '../../src/usecases/documents/upload-document.ts';
import { recordInboundMessage } from '../../src/usecases/messaging/record-inbound-message.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { onCommand } from './listeners/commands.ts';
import { onHomeOpened } from './listeners/home.ts';
import { textsOf } from './views/inspect.ts';
import type { Block } from './views/types.ts';

const DANA = 'U0DANA';
let core: TestCore;
let w: World;
let slack: SlackHarness;

beforeEach(async () => {
  // Monday 2 March 2026, 10:00 in New York
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core, { staff: { slackUserId: DANA } });
  slack = await startSlack(core, w, { listeners: { onHomeOpened, onCommand } });
});
afterEach(() => slack.fake.close());

const openHome = (user = DANA, tab = 'home') => slack.event({ type: 'app_home_opened', user, channel: 'D0HOME', tab, event_ts: '1772463600.000100' });
const homes = (user = DANA) => slack.fake.views.filter((v) => v.kind === 'publish' && v.user_id === user);
const shownIn = (view: Record<string, unknown> | undefined) => textsOf((view?.blocks ?? []) as Block[]).join('\n');
const caseloadAudit = async (c: Client) => (await core.store.audit.listForClient(w.scope, c.id)).filter((a) => a.action === 'caseload.view');
const ny = (iso: string) => formatWhen(Date.parse(iso), 'en', 'America/New_York');

describe('App Home', () => {
  it("shows the caseworker's caseload as it is now, and audits each client it names", async () => {
    const other = staffRow(core, w.agency.id, { name: 'Sam Other', slackUserId: 'U0SAM' });
    const carol = clientRow(core, w.agency.id, { displayName: 'Carol Otherson', staffId: other.id });
    const req = documentRequestRow(core, w.bob, { kind: 'Pay stub' });
    await insert(
      core,
      core.store.staff.insert(other),
      core.store.clients.insert(carol),
      core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: Date.parse('2026-03-02T19:00:00Z'), status: 'confirmed' })),
      core.store.appointments.insert(appointmentRow(core, w.bob, { startsAt: Date.parse('2026-03-04T15:00:00Z'), status: 'scheduled' })),
      core.store.appointments.insert(
        appointmentRow(core, w.alice, { startsAt: Date.parse('2026-03-05T15:00:00Z'), status: 'reschedule_requested', requestedStartsAt: Date.parse('2026-03-06T15:00:00Z') }),
      ),
      core.store.appointments.insert(appointmentRow(core, carol, { startsAt: Date.parse('2026-03-02T18:00:00Z'), staffId: other.id })),
      core.store.documents.insertRequest(req),
    );
    expect((await uploadDocument(core, w.asBob, { clientId: w.bob.id, requestId: req.id, bytes: sampleFile('pdf'), channel: 'portal' })).ok).toBe(true);
    expect((await recordInboundMessage(core, { type: 'system', agencyId: w.agency.id, door: 'sms' }, { clientId: w.alice.id, channel: 'sms', body: 'Running late', source: 'twilio', externalId: 'SM1' })).ok).toBe(true);
    await slack.work();

    await openHome();
    const [home, ...more] = homes();
    expect(more).toEqual([]);
    expect(home?.view.type).toBe('home');
    const shown = shownIn(home?.view);
    expect(shown).toContain('Hello, Dana Whitfield');
    expect(shown).toContain(`• ${ny('2026-03-02T19:00:00Z')}: Alice Moreno (confirmed)`);
    expect(shown).toContain(`• ${ny('2026-03-04T15:00:00Z')}: Bob Tran (not confirmed yet)`);
    expect(shown).toContain(`• Alice Moreno: ${ny('2026-03-05T15:00:00Z')} → ${ny('2026-03-06T15:00:00Z')}`);
    expect(shown).toContain(`• Bob Tran: Pay stub (sent ${ny('2026-03-02T15:00:00Z')})`);
    expect(shown).toContain(`• Alice Moreno: 1 new, the last at ${ny('2026-03-02T15:00:00Z')}`);
    expect(shown).not.toContain('Carol');
    expect((await caseloadAudit(w.alice)).map((a) => [a.actorId, a.channel])).toEqual([[w.staff.id, 'slack']]);
    expect(await caseloadAudit(carol)).toEqual([]);

    // Opened again after another message: read afresh.
    core.clock.advance(60_000);
    await recordInboundMessage(core, { type: 'system', agencyId: w.agency.id, door: 'sms' }, { clientId: w.alice.id, channel: 'sms', body: 'Sorry', source: 'twilio', externalId: 'SM2' });
    await openHome();
    expect(homes()).toHaveLength(2);
    expect(shownIn(homes()[1]?.view)).toContain(`• Alice Moreno: 2 new, the last at ${ny('2026-03-02T15:01:00Z')}`);
    expect(await caseloadAudit(w.alice)).toHaveLength(2);

    // Each caseworker sees their own.
    await openHome('U0SAM');
    expect(shownIn(homes('U0SAM')[0]?.view)).toContain('Carol Otherson');
    expect(shownIn(homes('U0SAM')[0]?.view)).not.toContain('Alice');
  });

  it('says kindly that each list is empty', async () => {
    await openHome();
    const shown = shownIn(homes()[0]?.view);
    for (const empty of ['home.today_empty', 'home.unconfirmed_empty', 'home.reschedules_empty', 'home.documents_empty', 'home.unread_empty']) {
      expect(shown).toContain(core.t('en', `slack.${empty}`));
    }
    expect(await caseloadAudit(w.alice)).toEqual([]);
  });

  it('tells a Slack user who is not on the staff that they are not linked, and shows no client', async () => {
    await insert(core, core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt: Date.parse('2026-03-02T19:00:00Z') })));
    await openHome('U0STRANGER');
    const [home] = homes('U0STRANGER');
    const shown = shownIn(home?.view);
    expect(shown).toContain(core.t('en', 'slack.home.unmapped_title'));
    expect(shown).toContain(core.t('en', 'slack.home.unmapped'));
    expect(shown).not.toContain('Alice');
    expect(await caseloadAudit(w.alice)).toEqual([]);
    expect(slack.failures).toEqual([]);
  });

  it('publishes nothing for the Messages tab', async () => {
    await openHome(DANA, 'messages');
    expect(homes()).toEqual([]);
  });
});
