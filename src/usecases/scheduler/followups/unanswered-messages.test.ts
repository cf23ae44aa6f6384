import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../test/support/core.ts';
import { clientRow, insert, world, type World } from '../../../../test/support/fixtures.ts';
import { parseAgencySettings } from '../../../domain/settings.ts';
import type { Client, Message } from '../../../domain/types.ts';
import { formatWhen } from '../../shared/format.ts';
import { unansweredMessagesJob } from './unanswered-messages.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore('2026-02-27T12:00:00Z');
  w = await world(core);
});

const tick = (at: string) => unansweredMessagesJob.run(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: Date.parse(at) });

/** A message in the client's conversation, as the doors record it (and the reply, as Slack does). */
const message = async (client: Client, direction: 'in' | 'out', at: string): Promise<Message> => {
  const when = Date.parse(at);
  const existing = (await core.store.conversations.forClient(w.scope, client.id))?.id;
  const conversationId = existing ?? core.ids.newId('cnv');
  const m: Message = {
    id: core.ids.newId('msg'),
    agencyId: client.agencyId,
    conversationId,
    clientId: client.id,
    direction,
    channel: 'sms',
    body: direction === 'in' ? 'Can we talk?' : 'Yes, tomorrow.',
    status: direction === 'in' ? 'received' : 'sent',
    externalId: null,
    internal: false,
    staffId: direction === 'out' ? client.staffId : null,
    outboxId: null,
    createdAt: when,
  };
  await insert(
    core,
    ...(existing
      ? []
      : [core.store.conversations.insert({ id: conversationId, agencyId: client.agencyId, clientId: client.id, staffId: client.staffId, slackThreadTs: null, slackChannel: null, lastInboundAt: null, lastOutboundAt: null, clientReadAt: null, createdAt: when })]),
    core.store.messages.insert(m),
    core.store.conversations.touch(w.scope, conversationId, direction === 'in' ? { lastInboundAt: when } : { lastOutboundAt: when }),
  );
  return m;
};

const nudges = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.template === 'staff.unanswered_nudge');

describe('an unanswered message', () => {
  it('raises a nudge in the client’s thread after two working hours, not before, and once', async () => {
    // Monday 2 March 10:00 EST: due at 12:00 (17:00Z).
    const m = await message(w.alice, 'in', '2026-03-02T15:00:00Z');
    expect(await tick('2026-03-02T16:59:00Z')).toBe(0);
    expect(await tick('2026-03-02T17:00:00Z')).toBe(1);
    const [nudge] = await nudges();
    expect(nudge).toMatchObject({ channel: 'slack', toAddress: `staff:${w.staff.id}`, clientId: w.alice.id, idempotencyKey: `followup:unanswered:${m.id}` });
    expect(nudge!.text).toBe(core.t('en', 'staff.unanswered_nudge', { client: 'Alice Moreno', when: formatWhen(m.createdAt, 'en', 'America/New_York'), count: 1 }));
    expect(JSON.parse(nudge!.payload)).toEqual({ messageId: m.id, lastInboundAt: m.createdAt, waiting: 1 });
    expect(await core.store.reminders.listForSubjects(w.scope, 'unanswered', [m.id])).toMatchObject([{ offsetKey: 'nudge', channel: 'slack', dueAt: Date.parse('2026-03-02T17:00:00Z') }]);
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.map((e) => [e.action, e.actorType, e.channel])).toContainEqual(['followup.unanswered', 'system', 'scheduler']);
    expect(await tick('2026-03-02T17:01:00Z')).toBe(0);
    expect(await nudges()).toHaveLength(1);
  });

  it('says nothing once the caseworker has replied', async () => {
    await message(w.alice, 'in', '2026-03-02T15:00:00Z');
    await message(w.alice, 'out', '2026-03-02T16:00:00Z');
    expect(await tick('2026-03-02T18:00:00Z')).toBe(0);
  });

  it('counts only working time: a Friday evening message is due on Monday, across the spring-forward weekend', async () => {
    // Friday 6 March 16:00 EST: one working hour on Friday, one on Monday 9 March (EDT).
    await message(w.alice, 'in', '2026-03-06T21:00:00Z');
    expect(await tick('2026-03-07T15:00:00Z')).toBe(0);
    expect(await tick('2026-03-09T13:59:00Z')).toBe(0);
    expect(await tick('2026-03-09T14:00:00Z')).toBe(1);
  });

  it('counts from the client’s last message, and nudges again for a new one', async () => {
    await message(w.alice, 'in', '2026-03-02T15:00:00Z');
    const later = await message(w.alice, 'in', '2026-03-02T16:30:00Z');
    // Two hours from 11:30, not from 10:00.
    expect(await tick('2026-03-02T17:00:00Z')).toBe(0);
    expect(await tick('2026-03-02T18:30:00Z')).toBe(1);
    expect(JSON.parse((await nudges())[0]!.payload)).toMatchObject({ messageId: later.id, waiting: 2 });
    const again = await message(w.alice, 'in', '2026-03-02T19:00:00Z');
    expect(await tick('2026-03-02T20:59:00Z')).toBe(0);
    expect(await tick('2026-03-02T21:00:00Z')).toBe(1);
    expect((await nudges()).map((n) => JSON.parse(n.payload).messageId).sort()).toEqual([later.id, again.id].sort());
  });

  it('nudges once when two runs start at the same moment', async () => {
    await message(w.alice, 'in', '2026-03-02T15:00:00Z');
    await message(w.bob, 'in', '2026-03-02T15:00:00Z');
    const counts = await Promise.all([tick('2026-03-02T17:00:00Z'), tick('2026-03-02T17:00:00Z')]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(2);
    expect(await nudges()).toHaveLength(2);
  });

  it('reads the caseworker’s own hours and time zone', async () => {
    core = await makeCore('2026-02-27T12:00:00Z');
    // Tuesdays and Thursdays, 13:00–15:00 in Los Angeles.
    w = await world(core, { staff: { timeZone: 'America/Los_Angeles', workingHours: JSON.stringify({ days: [2, 4], start: 780, end: 900 }) } });
    // Monday 2 March: counting starts Tuesday 13:00 PST (21:00Z) and ends at 15:00.
    await message(w.alice, 'in', '2026-03-02T15:00:00Z');
    expect(await tick('2026-03-03T22:59:00Z')).toBe(0);
    expect(await tick('2026-03-03T23:00:00Z')).toBe(1);
  });

  it('tells the unassigned queue about a client without a caseworker, on the agency’s default hours', async () => {
    const carol = clientRow(core, w.agency.id, { displayName: 'Carol Diaz', staffId: null });
    await insert(core, core.store.clients.insert(carol));
    await message(carol, 'in', '2026-03-02T15:00:00Z');
    expect(await tick('2026-03-02T17:00:00Z')).toBe(1);
    expect((await nudges())[0]).toMatchObject({ toAddress: 'staff:unassigned', staffId: null });
  });

  it('follows the agency’s setting', async () => {
    core = await makeCore('2026-02-27T12:00:00Z');
    w = await world(core, { settings: { unansweredAfterWorkingMinutes: 30 } });
    await message(w.alice, 'in', '2026-03-02T15:00:00Z');
    expect(await tick('2026-03-02T15:29:00Z')).toBe(0);
    expect(await tick('2026-03-02T15:30:00Z')).toBe(1);
  });
});
