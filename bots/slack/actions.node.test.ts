// The buttons on a client's cards and the reason modals, through the real HTTP app and a fake Slack
// Web API: Approve / Decline a new time, Accept / Reject a file, as the staff member the Slack user
// is; the card updated in place; refusals told to the one who pressed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, documentRequestRow, insert, sampleFile, world, type World } from '../../test/support/fixtures.ts';
import { startSlack, type SlackHarness } from '../../test/support/slack.ts';
import type { FakeSlackMessage } from '../../test/fakes/slack-api.ts';
import { chooseRescheduleSlot } from '../../src/usecases/appointments/choose-reschedule-slot.ts';
import { uploadDocument } from '../../src/usecases/documents/upload-document.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { onAction } from './listeners/actions.ts';
import { DOCUMENT_ACCEPT, DOCUMENT_REJECT, DOCUMENT_VIEW, REASON_BLOCK, REASON_INPUT, RESCHEDULE_APPROVE, RESCHEDULE_DECLINE } from './views/ids.ts';
import { buttonsOf, findButton, textsOf } from './views/inspect.ts';
import type { Block } from './views/types.ts';

const DANA = 'U0DANA';
const SLOT = Date.parse('2026-03-09T13:00:00Z');
let core: TestCore;
let w: World;
let slack: SlackHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core, { staff: { slackUserId: DANA } });
  slack = await startSlack(core, w, { listeners: { onAction } });
});
afterEach(() => slack.fake.close());

/** Alice asks to move a confirmed appointment; her caseworker's card lands in her thread. */
const rescheduleCard = async () => {
  const a = appointmentRow(core, w.alice, { status: 'confirmed' });
  await insert(core, core.store.appointments.insert(a));
  expect((await chooseRescheduleSlot(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, slotStartsAt: SLOT })).ok).toBe(true);
  await slack.work();
  return { a, card: cardWith(RESCHEDULE_APPROVE) };
};

/** Alice sends the pay stub she was asked for; the card with Accept / Reject lands in her thread. */
const documentCard = async () => {
  const req = documentRequestRow(core, w.alice, { staffId: w.staff.id, kind: 'Pay stub' });
  await insert(core, core.store.documents.insertRequest(req));
  const up = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('pdf', 2048), channel: 'portal' });
  expect(up.ok).toBe(true);
  await slack.work();
  return { req, card: cardWith(DOCUMENT_ACCEPT) };
};

/** The card as it was posted: what a caseworker's Slack still shows (and presses) until it is updated. */
const cardWith = (actionId: string): FakeSlackMessage => structuredClone(slack.fake.messages.find((m) => m.thread_ts && findButton(blocksOf(m), actionId))!);
const blocksOf = (m: FakeSlackMessage) => (m.blocks ?? []) as Block[];
const now = (m: FakeSlackMessage) => slack.fake.messages.find((x) => x.ts === m.ts)!;

let actionTs = 1;
/** A block_actions payload as Slack sends it when `user` presses a button of the card. */
const pressed = (card: FakeSlackMessage, actionId: string, o: { user?: string; value?: string } = {}) => ({
  type: 'block_actions',
  user: { id: o.user ?? DANA, team_id: slack.fake.teamId },
  team: { id: slack.fake.teamId },
  api_app_id: slack.fake.appId,
  trigger_id: slack.fake.triggerId(),
  container: { type: 'message', message_ts: card.ts, channel_id: card.channel, is_ephemeral: false, thread_ts: card.thread_ts },
  channel: { id: card.channel },
  message: { type: 'message', ts: card.ts, thread_ts: card.thread_ts, text: card.text, blocks: card.blocks },
  actions: [{ type: 'button', action_id: actionId, value: o.value ?? findButton(blocksOf(card), actionId)?.value, action_ts: `1772031600.${String(actionTs++).padStart(6, '0')}` }],
});
const press = (card: FakeSlackMessage, actionId: string, o: { user?: string; value?: string } = {}) => slack.interact(pressed(card, actionId, o));

/** The modal opened last, submitted with `reason` (a view_submission as Slack sends it). */
const submitReason = async (reason: string) => {
  const v = slack.fake.views.at(-1)!;
  const view = { ...v.view, id: v.id, hash: v.hash, state: { values: { [REASON_BLOCK]: { [REASON_INPUT]: { type: 'plain_text_input', value: reason } } } } };
  return slack.interact({ type: 'view_submission', user: { id: DANA }, team: { id: slack.fake.teamId }, view });
};

const clientNotices = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.channel !== 'slack');
const ephemeralTexts = () => slack.fake.ephemerals.map((e) => [e.user, e.text]);
const decidedLine = (card: FakeSlackMessage) => textsOf(blocksOf(now(card))).at(-1);

describe('a new time: Approve', () => {
  it('moves the appointment, tells the client, and turns the card into the decision with no buttons', async () => {
    const { a, card } = await rescheduleCard();
    await press(card, RESCHEDULE_APPROVE);
    expect(await core.store.appointments.get(w.scope, a.id)).toMatchObject({ status: 'rescheduled', startsAt: SLOT, requestedStartsAt: null });
    expect((await clientNotices()).map((n) => [n.template, n.status])).toEqual([['notify.reschedule_approved', 'sent']]);
    const updated = now(card);
    expect(updated.edits).toBe(1);
    expect(buttonsOf(blocksOf(updated))).toEqual([]);
    const shown = textsOf(blocksOf(updated)).join('\n');
    expect(shown).toContain(formatWhen(a.startsAt, 'en', 'America/New_York'));
    expect(shown).toContain(formatWhen(SLOT, 'en', 'America/New_York'));
    expect(decidedLine(card)).toContain('Approved by Dana Whitfield');
    expect(slack.fake.ephemerals).toEqual([]);
    expect(slack.failures).toEqual([]);
  });

  it('decides once when the same payload comes twice or the button is pressed twice', async () => {
    const { a, card } = await rescheduleCard();
    const payload = pressed(card, RESCHEDULE_APPROVE);
    await slack.interact(payload);
    await slack.interact(payload);
    await press(card, RESCHEDULE_APPROVE);
    expect((await core.store.appointments.get(w.scope, a.id))?.rescheduleCount).toBe(1);
    expect(await clientNotices()).toHaveLength(1);
    expect(now(card).edits).toBe(1);
    // The second press is told the truth, and only that user.
    expect(ephemeralTexts()).toEqual([[DANA, core.t('en', 'slack.action.already_decided')]]);
  });
});

describe('a new time: Decline with a reason', () => {
  it('opens the reason modal, then keeps the old time, sends the reason to the client, and updates the card', async () => {
    const { a, card } = await rescheduleCard();
    await press(card, RESCHEDULE_DECLINE);
    expect(slack.fake.views.map((v) => [v.kind, v.view.callback_id])).toEqual([['open', 'reschedule.decline_reason']]);
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('reschedule_requested');
    const res = await submitReason('  I am in court that morning ');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(await core.store.appointments.get(w.scope, a.id)).toMatchObject({ status: 'confirmed', startsAt: a.startsAt, requestedStartsAt: null });
    const [notice, ...more] = await clientNotices();
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ template: 'notify.reschedule_declined', status: 'sent' });
    expect(notice?.text).toContain('I am in court that morning');
    expect(buttonsOf(blocksOf(now(card)))).toEqual([]);
    expect(decidedLine(card)).toBe(':x: Declined by Dana Whitfield: I am in court that morning');
  });

  it('keeps the modal open on a blank reason, and nothing changes', async () => {
    const { a, card } = await rescheduleCard();
    await press(card, RESCHEDULE_DECLINE);
    const res = await submitReason('   ');
    expect(await res.json()).toEqual({ response_action: 'errors', errors: { [REASON_BLOCK]: core.t('en', 'slack.modal.reason_required') } });
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('reschedule_requested');
    expect(await clientNotices()).toEqual([]);
    expect(now(card).edits).toBe(0);
  });

  it('opens no modal once the new time is decided', async () => {
    const { card } = await rescheduleCard();
    await press(card, RESCHEDULE_APPROVE);
    await press(card, RESCHEDULE_DECLINE);
    expect(slack.fake.views).toEqual([]);
    expect(ephemeralTexts()).toEqual([[DANA, core.t('en', 'slack.action.already_decided')]]);
  });
});

describe('a file: Accept and Reject', () => {
  it('accepts the file, tells the client, and updates the card; the View button does nothing', async () => {
    const { req, card } = await documentCard();
    await press(card, DOCUMENT_VIEW);
    expect(now(card).edits).toBe(0);
    await press(card, DOCUMENT_ACCEPT);
    expect((await core.store.documents.getRequest(w.scope, req.id))?.status).toBe('accepted');
    expect((await clientNotices()).map((n) => n.template)).toEqual(['notify.document_accepted']);
    expect(buttonsOf(blocksOf(now(card)))).toEqual([]);
    expect(textsOf(blocksOf(now(card)))).toEqual(expect.arrayContaining(['*Asked for*\nPay stub', '*Type*\nPDF', '*Size*\n2 KB']));
    expect(decidedLine(card)).toBe(':white_check_mark: Accepted by Dana Whitfield');
  });

  it('rejects the file with the reason from the modal', async () => {
    const { req, card } = await documentCard();
    await press(card, DOCUMENT_REJECT);
    expect(slack.fake.views.map((v) => v.view.callback_id)).toEqual(['document.reject_reason']);
    await submitReason('The photo is blurry');
    expect(await core.store.documents.getRequest(w.scope, req.id)).toMatchObject({ status: 'rejected', rejectionReason: 'The photo is blurry' });
    const [notice] = await clientNotices();
    expect(notice?.template).toBe('notify.document_rejected');
    expect(notice?.text).toContain('The photo is blurry');
    expect(decidedLine(card)).toBe(':x: Rejected by Dana Whitfield: The photo is blurry');
    // Accepting afterwards changes nothing.
    await press(card, DOCUMENT_ACCEPT);
    expect((await core.store.documents.getRequest(w.scope, req.id))?.status).toBe('rejected');
    expect(ephemeralTexts()).toEqual([[DANA, core.t('en', 'slack.action.already_reviewed')]]);
  });
});

describe('who may press, and on what', () => {
  it('changes nothing for a Slack user who is not on the staff, and tells only them why', async () => {
    const { a, card } = await rescheduleCard();
    const doc = await documentCard();
    for (const [c, id] of [[card, RESCHEDULE_APPROVE], [card, RESCHEDULE_DECLINE], [doc.card, DOCUMENT_ACCEPT], [doc.card, DOCUMENT_REJECT]] as const) {
      await press(c, id, { user: 'U0STRANGER' });
    }
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('reschedule_requested');
    expect((await core.store.documents.getRequest(w.scope, doc.req.id))?.status).toBe('uploaded');
    expect(slack.fake.views).toEqual([]);
    expect(await clientNotices()).toEqual([]);
    expect([now(card).edits, now(doc.card).edits]).toEqual([0, 0]);
    const unmapped = core.t('en', 'slack.action.unmapped');
    expect(ephemeralTexts()).toEqual(Array(4).fill(['U0STRANGER', unmapped]));
    expect(slack.fake.ephemerals.every((e) => e.thread_ts === card.thread_ts)).toBe(true);
  });

  it('finds nothing for a forged id: another agency’s, or another client’s pressed on this client’s card', async () => {
    const { card } = await rescheduleCard();
    const doc = await documentCard();
    const other = await world(core);
    const theirs = appointmentRow(core, other.alice, { status: 'reschedule_requested', statusBeforeRequest: 'confirmed', requestedStartsAt: SLOT });
    const bobs = appointmentRow(core, w.bob, { status: 'reschedule_requested', statusBeforeRequest: 'confirmed', requestedStartsAt: SLOT });
    await insert(core, core.store.appointments.insert(theirs), core.store.appointments.insert(bobs));
    const bobReq = documentRequestRow(core, w.bob, { staffId: w.staff.id });
    await insert(core, core.store.documents.insertRequest(bobReq));
    const up = await uploadDocument(core, w.asBob, { clientId: w.bob.id, requestId: bobReq.id, bytes: sampleFile('png'), channel: 'portal' });
    await press(card, RESCHEDULE_APPROVE, { value: theirs.id });
    await press(card, RESCHEDULE_APPROVE, { value: bobs.id });
    await press(card, RESCHEDULE_DECLINE, { value: bobs.id });
    await press(doc.card, DOCUMENT_ACCEPT, { value: up.ok ? up.value.document.id : 'none' });
    expect((await core.store.appointments.get(other.scope, theirs.id))?.status).toBe('reschedule_requested');
    expect((await core.store.appointments.get(w.scope, bobs.id))?.status).toBe('reschedule_requested');
    expect((await core.store.documents.getRequest(w.scope, bobReq.id))?.status).toBe('uploaded');
    expect(slack.fake.views).toEqual([]);
    expect([now(card).edits, now(doc.card).edits]).toEqual([0, 0]);
    expect(ephemeralTexts()).toEqual(Array(4).fill([DANA, core.t('en', 'slack.action.not_found')]));
  });
});

describe('when the card is out of date or Slack says no', () => {
  it('reviews nothing on the card of a file the client has since replaced', async () => {
    const { req, card } = await documentCard();
    const newer = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes: sampleFile('jpeg', 4096), channel: 'portal' });
    expect(newer.ok).toBe(true);
    await slack.work();
    await press(card, DOCUMENT_ACCEPT);
    expect((await core.store.documents.getRequest(w.scope, req.id))?.status).toBe('uploaded');
    expect(now(card).edits).toBe(0);
    expect(ephemeralTexts()).toEqual([[DANA, core.t('en', 'slack.action.newer_file')]]);
  });

  it('keeps the decision when the card cannot be updated, and says so', async () => {
    const { a, card } = await rescheduleCard();
    slack.fake.fail({ kind: 'error', error: 'message_not_found' }, { method: 'chat.update' });
    await press(card, RESCHEDULE_APPROVE);
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('rescheduled');
    expect(await clientNotices()).toHaveLength(1);
    expect(ephemeralTexts()).toEqual([[DANA, core.t('en', 'slack.action.card_not_updated')]]);
  });

  it('asks to press again when the modal cannot be opened (an expired trigger)', async () => {
    const { a, card } = await rescheduleCard();
    slack.fake.fail({ kind: 'error', error: 'expired_trigger_id' }, { method: 'views.open' });
    await press(card, RESCHEDULE_DECLINE);
    expect(slack.fake.views).toEqual([]);
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('reschedule_requested');
    expect(ephemeralTexts()).toEqual([[DANA, core.t('en', 'slack.action.modal_failed')]]);
    await press(card, RESCHEDULE_DECLINE);
    expect(slack.fake.views).toHaveLength(1);
  });
});
