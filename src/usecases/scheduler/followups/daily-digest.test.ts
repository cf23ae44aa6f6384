import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../test/support/core.ts';
import { appointmentRow, clientRow, documentRequestRow, insert, outboxRow, staffRow, world, type World } from '../../../../test/support/fixtures.ts';
import { parseAgencySettings } from '../../../domain/settings.ts';
import { formatWhen } from '../../shared/format.ts';
import { dailyDigestJob } from './daily-digest.ts';
import { digestPayloadSchema } from './payloads.ts';

let core: TestCore;
let w: World;

// Monday 2 March 2026; Dana works Monday to Friday from 09:00 in New York (14:00Z while EST).
beforeEach(async () => {
  core = await makeCore('2026-03-02T12:00:00Z');
  w = await world(core, { staff: { slackUserId: 'U0DANA' } });
});

const tick = (at: string) => dailyDigestJob.run(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: Date.parse(at) });
const digests = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.template === 'staff.daily_digest');
const NY = 'America/New_York';

describe('the daily digest', () => {
  it('goes to the caseworker at 09:00 on a working day, not before, and once', async () => {
    expect(await tick('2026-03-02T13:59:00Z')).toBe(0);
    expect(await tick('2026-03-02T14:00:00Z')).toBe(1);
    expect(await tick('2026-03-02T14:01:00Z')).toBe(0);
    const [digest] = await digests();
    expect(digest).toMatchObject({ channel: 'slack', toAddress: `staff:${w.staff.id}`, clientId: null, staffId: w.staff.id, idempotencyKey: `followup:digest:${w.staff.id}:2026-03-02` });
    const payload = digestPayloadSchema.parse(JSON.parse(digest!.payload));
    expect(payload).toEqual({ staffName: 'Dana Whitfield', date: 'Monday, March 2', appointments: [], reschedules: [], documents: [], unanswered: [], unreachable: [] });
    expect(digest!.text).toContain('Monday, March 2');
    expect(await core.store.reminders.listForSubjects(w.scope, 'digest', [w.staff.id])).toMatchObject([
      { offsetKey: '2026-03-02', channel: 'slack', dueAt: Date.parse('2026-03-02T14:00:00Z'), sendAt: Date.parse('2026-03-02T14:00:00Z') },
    ]);
  });

  it('lists the day, the decisions and the waiting, of the caseworker’s own clients only, and audits each client named', async () => {
    const other = staffRow(core, w.agency.id, { name: 'Sam Okafor' });
    const carol = clientRow(core, w.agency.id, { displayName: 'Carol Diaz', staffId: other.id });
    await insert(core, core.store.staff.insert(other), core.store.clients.insert(carol));
    const at = (iso: string) => Date.parse(iso);
    const aliceToday = appointmentRow(core, w.alice, { startsAt: at('2026-03-02T15:00:00Z'), status: 'confirmed' });
    const bobToday = appointmentRow(core, w.bob, { startsAt: at('2026-03-02T19:30:00Z') });
    const bobMoving = appointmentRow(core, w.bob, { startsAt: at('2026-03-05T15:00:00Z'), status: 'reschedule_requested', requestedStartsAt: at('2026-03-09T13:00:00Z') });
    const tomorrow = appointmentRow(core, w.alice, { startsAt: at('2026-03-03T15:00:00Z') });
    const cancelled = appointmentRow(core, w.alice, { startsAt: at('2026-03-02T17:00:00Z'), status: 'cancelled' });
    const carolToday = appointmentRow(core, carol, { startsAt: at('2026-03-02T16:00:00Z') });
    const file = documentRequestRow(core, w.alice, { kind: 'Pay stub', status: 'uploaded', updatedAt: at('2026-02-27T18:00:00Z') });
    const conversation = { id: core.ids.newId('cnv'), agencyId: w.agency.id, clientId: w.bob.id, staffId: w.staff.id, slackThreadTs: null, slackChannel: null, lastInboundAt: at('2026-03-01T22:00:00Z'), lastOutboundAt: null, clientReadAt: null, createdAt: at('2026-03-01T22:00:00Z') };
    const message = { id: core.ids.newId('msg'), agencyId: w.agency.id, conversationId: conversation.id, clientId: w.bob.id, direction: 'in' as const, channel: 'sms', body: 'Hello?', status: 'received' as const, externalId: null, internal: false, staffId: null, outboxId: null, createdAt: conversation.lastInboundAt };
    // Alice's number failed three times in a row last week.
    const failures = [1, 2, 3].map((d) => outboxRow(core, w.alice, { status: 'dead', lastError: 'twilio_21211', nextAttemptAt: at('2026-02-25T15:00:00Z') + d * 60_000 }));
    await insert(
      core,
      ...[aliceToday, bobToday, bobMoving, tomorrow, cancelled, carolToday].map((a) => core.store.appointments.insert(a)),
      core.store.documents.insertRequest(file),
      core.store.conversations.insert(conversation),
      core.store.messages.insert(message),
      ...failures.map((f) => core.store.outbox.insert(f)),
    );

    expect(await tick('2026-03-02T14:00:00Z')).toBe(1);
    const payload = digestPayloadSchema.parse(JSON.parse((await digests())[0]!.payload));
    expect(payload.appointments).toEqual([
      // Intl writes the space before AM/PM as a narrow no-break space in newer ICU versions.
      { when: expect.stringMatching(/^10:00\sAM$/), clientName: 'Alice Moreno', status: 'confirmed' },
      { when: expect.stringMatching(/^2:30\sPM$/), clientName: 'Bob Tran', status: 'scheduled' },
    ]);
    expect(payload.reschedules).toEqual([{ clientName: 'Bob Tran', from: formatWhen(bobMoving.startsAt, 'en', NY), to: formatWhen(bobMoving.requestedStartsAt!, 'en', NY) }]);
    expect(payload.documents).toEqual([{ clientName: 'Alice Moreno', kind: 'Pay stub', when: formatWhen(file.updatedAt, 'en', NY) }]);
    expect(payload.unanswered).toEqual([{ clientName: 'Bob Tran', count: 1, when: formatWhen(message.createdAt, 'en', NY) }]);
    expect(payload.unreachable).toEqual([{ clientName: 'Alice Moreno', channel: 'sms', error: 'twilio_21211' }]);
    expect((await digests())[0]!.text).toBe(
      core.t('en', 'staff.daily_digest', { date: 'Monday, March 2', appointments: 2, reschedules: 1, documents: 1, unanswered: 1, unreachable: 1 }),
    );

    for (const client of [w.alice, w.bob]) {
      const audit = await core.store.audit.listForClient(w.scope, client.id);
      expect(audit.map((e) => [e.action, e.actorType, e.actorId, e.channel])).toEqual([['digest.view', 'staff', w.staff.id, 'slack']]);
    }
    expect(await core.store.audit.listForClient(w.scope, carol.id)).toEqual([]);
  });

  it('is not sent on a day off, and keeps to the local 09:00 across the change to summer time', async () => {
    // Saturday 7 March, 09:00 EST.
    expect(await tick('2026-03-07T14:00:00Z')).toBe(0);
    // Monday 9 March, 09:00 EDT is 13:00Z.
    expect(await tick('2026-03-09T12:59:00Z')).toBe(0);
    expect(await tick('2026-03-09T13:00:00Z')).toBe(1);
    expect((await digests()).map((d) => d.idempotencyKey)).toEqual([`followup:digest:${w.staff.id}:2026-03-09`]);
  });

  it('is skipped when the scheduler comes back more than two hours into the day, and sent when it comes back sooner', async () => {
    expect(await tick('2026-03-02T16:00:00Z')).toBe(0);
    expect(await tick('2026-03-03T15:59:00Z')).toBe(1);
    expect((await digests()).map((d) => d.idempotencyKey)).toEqual([`followup:digest:${w.staff.id}:2026-03-03`]);
  });

  it('is sent once when two runs start at the same moment', async () => {
    const counts = await Promise.all([tick('2026-03-02T14:00:00Z'), tick('2026-03-02T14:00:00Z')]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await digests()).toHaveLength(1);
  });

  it('goes to each caseworker at the start of their own hours, and only to those Slack can reach', async () => {
    const early = staffRow(core, w.agency.id, { name: 'Lee Park', slackUserId: 'U0LEE', timeZone: 'America/Los_Angeles', workingHours: JSON.stringify({ days: [1], start: 7 * 60, end: 15 * 60 }) });
    const noSlack = staffRow(core, w.agency.id, { name: 'No Slack' });
    const gone = staffRow(core, w.agency.id, { name: 'Gone', slackUserId: 'U0GONE', active: false });
    await insert(core, core.store.staff.insert(early), core.store.staff.insert(noSlack), core.store.staff.insert(gone));
    // 07:00 in Los Angeles is 15:00Z.
    expect(await tick('2026-03-02T14:00:00Z')).toBe(1);
    expect(await tick('2026-03-02T15:00:00Z')).toBe(1);
    expect((await digests()).map((d) => d.staffId).sort()).toEqual([w.staff.id, early.id].sort());
  });

  it('is not sent when the agency turned it off', async () => {
    core = await makeCore('2026-03-02T12:00:00Z');
    w = await world(core, { staff: { slackUserId: 'U0DANA' }, settings: { dailyDigest: false } });
    expect(await tick('2026-03-02T14:00:00Z')).toBe(0);
  });
});
