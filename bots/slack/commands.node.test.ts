// `/casebridge` through the real HTTP app: signed slash commands, answered privately at the
// command's response_url. Each command with good arguments does its work once; bad, ambiguous or
// unknown ones get the usage and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, clientRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { startSlack, type SlackHarness } from '../../test/support/slack.ts';
import type { Client } from '../../src/domain/types.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { onCommand } from './listeners/commands.ts';
import { onHomeOpened } from './listeners/home.ts';
import { textsOf } from './views/inspect.ts';
import { escapeMrkdwn } from './views/text.ts';
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

type Answer = { response_type: string; text: string; blocks: Block[] };
/** Runs `/casebridge <text>` as a Slack user; the one private answer it got, and what it shows. */
const ask = async (text: string, user = DANA) => {
  const before = slack.fake.responses.length;
  const res = await slack.command({ text, user_id: user, user_name: 'dana', team_id: slack.fake.teamId, channel_id: 'C0GENERAL' });
  expect(res.status).toBe(200);
  expect(slack.fake.responses).toHaveLength(before + 1);
  const body = slack.fake.responses.at(-1)?.body as Answer;
  expect(body.response_type).toBe('ephemeral');
  return { ...body, shown: textsOf(body.blocks).join('\n') };
};
const t = createTranslator();
const en = (key: string, vars?: Record<string, string | number>) => t('en', `slack.${key}`, vars);
/** A command's usage line, as the usage shows it (mrkdwn). */
const line = (command: string) => escapeMrkdwn(en(`usage.${command}`, { command: '/casebridge' }));
const usageTitle = line('title');
const clients = async () => core.store.clients.list(w.scope);
const requestsOf = (c: Client) => core.store.documents.listRequestsForClient(w.scope, c.id);
const actions = async (c: Client) => (await core.store.audit.listForClient(w.scope, c.id)).map((a) => a.action);

describe('/casebridge help and refusals', () => {
  it('shows every command for help or nothing, and one command for help <command>', async () => {
    for (const text of ['', 'help']) {
      const a = await ask(text);
      expect(a.shown).toContain(usageTitle);
      for (const c of ['client', 'invite', 'appointment', 'request_doc', 'schedule']) expect(a.shown).toContain(line(c));
    }
    const one = await ask('help invite');
    expect(one.shown).toContain(line('invite'));
    expect(one.shown).not.toContain(line('client'));
  });

  it('says what was wrong with an unknown command, then how commands are written', async () => {
    const a = await ask('book Alice');
    expect(a.shown).toContain(en('command.unknown_command', { command: 'book' }));
    expect(a.shown).toContain(usageTitle);
  });

  it('tells a Slack user who is not on the staff that they cannot use it, and does nothing', async () => {
    const before = (await clients()).length;
    const a = await ask('invite 555-555-0177 Maria Lopez', 'U0STRANGER');
    expect(a.shown).toContain(en('command.unmapped', { command: '/casebridge' }));
    expect(a.text).toContain('not linked');
    expect(await clients()).toHaveLength(before);
    expect((await ask('client alice', 'U0STRANGER')).shown).not.toContain('Alice');
    expect(await actions(w.alice)).not.toContain('client.view');
  });
});

describe('/casebridge client', () => {
  it('shows a private summary, found by name or by phone, and audits it', async () => {
    const byName = await ask('client alice');
    expect(byName.text).toBe(en('summary.fallback', { client: 'Alice Moreno' }));
    expect(byName.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Alice Moreno' } });
    expect(byName.shown).toContain(en('summary.phone', { phone: '+15555550101' }));
    expect(byName.shown).toContain(en('summary.private'));
    const byPhone = await ask('client (555) 555-0102');
    expect(byPhone.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Bob Tran' } });
    expect((await core.store.audit.listForClient(w.scope, w.alice.id)).filter((a) => a.action === 'client.view').map((a) => [a.actorId, a.channel])).toEqual([[w.staff.id, 'slack']]);
    expect(await actions(w.bob)).toContain('client.view');
  });

  it('names the clients a query matches when it is more than one, and shows none of them', async () => {
    const twin = clientRow(core, w.agency.id, { displayName: 'Alice Mora' });
    await insert(core, core.store.clients.insert(twin));
    const a = await ask('client alice');
    expect(a.shown).toContain(en('command.client_ambiguous', { count: 2, query: 'alice', names: 'Alice Mora and Alice Moreno' }));
    expect(a.shown).toContain(line('client'));
    expect(a.shown).not.toContain(line('invite'));
    expect(await actions(w.alice)).not.toContain('client.view');
    expect(await actions(twin)).toContain('client.search_match');
  });

  it('says so when nobody matches, or when the query is missing', async () => {
    expect((await ask('client Zed')).shown).toContain(en('command.client_not_found', { query: 'Zed' }));
    const missing = await ask('client');
    expect(missing.shown).toContain(en('command.missing_argument', { argument: en('command.argument.query') }));
    expect(missing.shown).toContain(line('client'));
  });
});

describe('/casebridge invite', () => {
  it('enrolls the client and texts them their sign-in link', async () => {
    const a = await ask('invite +1 (555) 555-0177 Maria Lopez Spanish');
    expect(a.shown).toContain(en('command.invite_sent', { client: 'Maria Lopez', phone: '+15555550177' }));
    const maria = (await clients()).find((c) => c.displayName === 'Maria Lopez');
    expect(maria).toMatchObject({ language: 'es', staffId: w.staff.id });
    const [text] = (await core.store.outbox.list(w.scope)).filter((o) => o.clientId === maria?.id);
    expect(text).toMatchObject({ channel: 'sms', toAddress: '+15555550177', template: 'notify.invitation', status: 'sent' });
    expect(text?.text).toMatch(/https:\/\/casebridge\.example\.org\/invite\/[A-Za-z0-9_-]{43}/);
    // The caseworker is not shown the link: it went to the client.
    expect(a.shown).not.toContain('/invite/');
    expect(await actions(maria!)).toEqual(expect.arrayContaining(['client.enroll', 'portal.invitation_created']));
  });

  it('enrolls once when the same command reaches the app twice', async () => {
    const signed = await slack.sign('form', { command: '/casebridge', text: 'invite 5555550177 Maria Lopez', user_id: DANA, trigger_id: slack.fake.triggerId(), response_url: slack.fake.responseUrl() });
    expect((await slack.post(signed)).status).toBe(200);
    expect((await slack.post(signed)).status).toBe(200);
    expect((await clients()).filter((c) => c.displayName === 'Maria Lopez')).toHaveLength(1);
    expect(slack.fake.responses).toHaveLength(1);
    expect((await core.store.outbox.list(w.scope)).filter((o) => o.template === 'notify.invitation')).toHaveLength(1);
  });

  it('adds the Telegram link when the app knows its Telegram bot', async () => {
    Object.assign(slack.env, { telegramBotUsername: 'CasebridgeBot' });
    const a = await ask('invite 5555550177 "Grace Ko"');
    expect(a.shown).toContain(en('command.invite_sent_telegram', { client: 'Grace Ko', phone: '+15555550177', minutes: 15 }));
    const grace = (await clients()).find((c) => c.displayName === 'Grace Ko');
    const [text] = (await core.store.outbox.list(w.scope)).filter((o) => o.clientId === grace?.id);
    expect(text?.template).toBe('notify.invitation_telegram');
    expect(text?.text).toMatch(/https:\/\/t\.me\/CasebridgeBot\?start=/);
  });

  it('gives the caseworker the link when the number asked for no texts', async () => {
    await insert(core, core.store.smsOptOuts.optOut({ agencyId: w.agency.id, phone: '+15555550177', optedOutAt: core.clock.now() - 1000, source: 'keyword' }));
    const a = await ask('invite 5555550177 Maria Lopez');
    expect(a.shown).toMatch(/Maria Lopez is enrolled, but \+15555550177 has asked for no texts.*https:\/\/casebridge\.example\.org\/invite\//s);
    expect((await core.store.outbox.list(w.scope)).filter((o) => o.template.startsWith('notify.invitation'))).toEqual([]);
  });

  it('refuses a bad phone, a taken phone, a language it cannot serve and a missing name, and enrolls nobody', async () => {
    const before = (await clients()).length;
    const cases: [string, string][] = [
      ['invite 12 Maria', en('command.bad_phone', { value: '12' })],
      ['invite 555-555-0101 Someone Else', en('command.phone_taken', { phone: '+15555550101', command: '/casebridge' })],
      ['invite 5555550177 Maria Lopez French', 'is not a language clients can use here'],
      ['invite 5555550177', en('command.missing_argument', { argument: en('command.argument.name') })],
    ];
    for (const [text, problem] of cases) {
      const a = await ask(text);
      expect(a.shown, text).toContain(problem);
      expect(a.shown, text).toContain(line('invite'));
    }
    expect(await clients()).toHaveLength(before);
    expect(await core.store.outbox.list(w.scope)).toEqual([]);
  });
});

describe('/casebridge request-doc', () => {
  it('asks the client for the document, with its due day, and tells them', async () => {
    const a = await ask('request-doc "Alice Moreno" Pay stub 2026-03-06');
    expect(a.shown).toContain(en('command.doc_requested', { client: 'Alice Moreno', kind: 'Pay stub', due: 'Fri, Mar 6' }));
    const [req] = await requestsOf(w.alice);
    expect(req).toMatchObject({ kind: 'Pay stub', status: 'requested', staffId: w.staff.id, dueAt: Date.parse('2026-03-07T04:59:59.999Z') });
    expect((await core.store.outbox.list(w.scope)).map((o) => o.template)).toContain('notify.document_requested');
    const byPhone = await ask('request-doc 555-555-0102 Lease');
    expect(byPhone.shown).toContain(en('command.doc_requested_nodue', { client: 'Bob Tran', kind: 'Lease' }));
    expect((await requestsOf(w.bob)).map((r) => r.kind)).toEqual(['Lease']);
  });

  it('asks nobody when the client is ambiguous, unknown, or the due day has passed', async () => {
    await insert(core, core.store.clients.insert(clientRow(core, w.agency.id, { displayName: 'Alice Mora' })));
    const cases: [string, string][] = [
      ['request-doc alice ID', en('command.client_ambiguous', { count: 2, query: 'alice', names: 'Alice Mora and Alice Moreno' })],
      ['request-doc "Zed Nobody" ID', en('command.client_not_found', { query: 'Zed Nobody' })],
      ['request-doc "Alice Moreno" ID 2026-03-01', en('command.in_the_past', { value: '2026-03-01', timeZone: 'America/New_York' })],
      ['request-doc "Alice Moreno"', en('command.missing_argument', { argument: en('command.argument.kind') })],
    ];
    for (const [text, problem] of cases) {
      const a = await ask(text);
      expect(a.shown, text).toContain(problem);
      expect(a.shown, text).toContain(line('request_doc'));
    }
    for (const c of await clients()) expect(await requestsOf(c)).toEqual([]);
    expect(await core.store.outbox.list(w.scope)).toEqual([]);
  });
});

describe('/casebridge appointment', () => {
  const appointmentsOf = (c: Client) => core.store.appointments.listForClient(w.scope, c.id);
  /** 2026-03-03 14:00 in New York, the caseworker's time zone. */
  const TUE_2PM = Date.parse('2026-03-03T19:00:00Z');
  const staffWhen = (at: number) => formatWhen(at, 'en', 'America/New_York');

  it("books it with the caseworker, tells the client in their own time zone, and answers in the caseworker's", async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { timeZone: 'America/Los_Angeles' }));
    const a = await ask('appointment "Alice Moreno" tomorrow 2pm 45m Room 4');
    expect(a.shown).toContain(en('command.appointment_booked_place', { client: 'Alice Moreno', when: staffWhen(TUE_2PM), minutes: 45, place: 'Room 4' }));
    expect(a.shown).toContain('2:00');
    const [booked, ...more] = await appointmentsOf(w.alice);
    expect(more).toEqual([]);
    expect(booked).toMatchObject({ staffId: w.staff.id, startsAt: TUE_2PM, durationMinutes: 45, location: 'Room 4', status: 'scheduled', kind: t('en', 'notify.appointment_kind') });
    const [notice] = (await core.store.outbox.list(w.scope)).filter((o) => o.clientId === w.alice.id);
    // 07:00 in Los Angeles: the client's quiet hours hold the notice until 08:00 there
    expect(notice).toMatchObject({ channel: 'sms', toAddress: '+15555550101', template: 'notify.appointment_booked', status: 'pending', nextAttemptAt: Date.parse('2026-03-02T16:00:00Z') });
    expect(notice?.text).toBe(t('en', 'notify.appointment_booked', { when: formatWhen(TUE_2PM, 'en', 'America/Los_Angeles') }));
    expect(notice?.text).toContain('11:00');
    expect(await actions(w.alice)).toContain('appointment.book');
  });

  it('books once when the same command reaches the app twice', async () => {
    const signed = await slack.sign('form', { command: '/casebridge', text: 'appointment "Alice Moreno" tomorrow 2pm', user_id: DANA, trigger_id: slack.fake.triggerId(), response_url: slack.fake.responseUrl() });
    expect((await slack.post(signed)).status).toBe(200);
    expect((await slack.post(signed)).status).toBe(200);
    expect(await appointmentsOf(w.alice)).toHaveLength(1);
    expect(slack.fake.responses).toHaveLength(1);
    expect((await core.store.outbox.list(w.scope)).filter((o) => o.template === 'notify.appointment_booked')).toHaveLength(1);
  });

  it('finds the client by phone, takes the default length, and says when the client could not be told', async () => {
    const b = await ask('appointment 555-555-0102 2026-03-05 9:30am');
    expect(b.shown).toContain(en('command.appointment_booked', { client: 'Bob Tran', when: staffWhen(Date.parse('2026-03-05T14:30:00Z')), minutes: 60 }));
    expect(b.shown).not.toContain(en('command.appointment_not_told'));
    expect((await appointmentsOf(w.bob)).map((x) => [x.durationMinutes, x.location])).toEqual([[60, null]]);
    const quiet = clientRow(core, w.agency.id, { displayName: 'Cai Lin', staffId: w.staff.id });
    await insert(core, core.store.clients.insert(quiet));
    const c = await ask('appointment "Cai Lin" 2026-03-06 10:00 30m');
    expect(c.shown).toContain(en('command.appointment_not_told'));
    expect(await appointmentsOf(quiet)).toHaveLength(1);
  });

  it('books nothing when the client is ambiguous or unknown, the time is taken or past, or an argument is bad', async () => {
    await insert(core, core.store.clients.insert(clientRow(core, w.agency.id, { displayName: 'Alice Mora' })));
    const bobs = appointmentRow(core, w.bob, { startsAt: TUE_2PM + 30 * 60_000 });
    const alices = appointmentRow(core, w.alice, { startsAt: Date.parse('2026-03-04T15:00:00Z'), staffId: null });
    await insert(core, core.store.appointments.insert(bobs), core.store.appointments.insert(alices));
    const cases: [string, string][] = [
      ['appointment alice tomorrow 2pm', en('command.client_ambiguous', { count: 2, query: 'alice', names: 'Alice Mora and Alice Moreno' })],
      ['appointment "Zed Nobody" tomorrow 2pm', en('command.client_not_found', { query: 'Zed Nobody' })],
      ['appointment "Alice Moreno" tomorrow 2pm', en('command.appointment_overlaps_staff', { when: staffWhen(bobs.startsAt) })],
      ['appointment "Alice Moreno" 2026-03-04 9:30am 1h', en('command.appointment_overlaps_client', { client: 'Alice Moreno', when: staffWhen(alices.startsAt) })],
      ['appointment "Alice Moreno" 2026-03-01 9am', en('command.in_the_past', { value: '2026-03-01 9am', timeZone: 'America/New_York' })],
      ['appointment "Alice Moreno" tomorrow 9am 9h', en('command.bad_duration_range', { value: '9h', min: 5, max: 8 })],
      ['appointment "Alice Moreno" tomorrow 9am 90 Main St', en('command.bad_duration_ambiguous', { value: '90' })],
      ['appointment "Alice Moreno" tomorrow', en('command.missing_argument', { argument: en('command.argument.time') })],
    ];
    for (const [text, problem] of cases) {
      const a = await ask(text);
      expect(a.shown, text).toContain(escapeMrkdwn(problem));
      expect(a.shown, text).toContain(line('appointment'));
    }
    expect((await appointmentsOf(w.alice)).map((x) => x.id)).toEqual([alices.id]);
    expect((await appointmentsOf(w.bob)).map((x) => x.id)).toEqual([bobs.id]);
    expect(await core.store.outbox.list(w.scope)).toEqual([]);
  });
});

// What a good `schedule` does is in schedule.node.test.ts.
describe('/casebridge schedule', () => {
  it('gives the usage for bad arguments', async () => {
    const s = await ask('schedule "Alice Moreno" 2026-03-01 9am Hi');
    expect(s.shown).toContain(line('schedule'));
    expect(s.shown).toContain('has already passed');
  });
});
