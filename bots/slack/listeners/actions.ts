// The buttons on a client's cards and the reason modals behind them: Approve / Decline a new time,
// Accept / Reject a file. The Slack user is looked up on the staff every time and the use cases run
// as that staff member; the id a button carries is only looked for among the things of the client
// whose thread the card is in, so a forged id is simply not found. Once decided, the card is
// updated in place (the same facts, no buttons, who decided); a refusal is told to that user alone.
// Run by the inbox worker; a second press (or a second run) finds the decision made and says so.
import type { Actor } from '../../../src/domain/actor.ts';
import { extensionFor, type AcceptedType } from '../../../src/domain/file-type.ts';
import type { ClientChannelKind } from '../../../src/domain/types.ts';
import { decideReschedule } from '../../../src/usecases/appointments/decide-reschedule.ts';
import { reviewDocument } from '../../../src/usecases/documents/review-document.ts';
import { formatSize } from '../../../src/usecases/documents/upload-document.ts';
import { formatWhen } from '../../../src/usecases/shared/format.ts';
import { clientOfThread, staffForSlackUser } from '../../../src/usecases/slack/thread.ts';
import { decided } from '../views/cards.ts';
import { acknowledgeCrisis } from '../../../src/usecases/crisis/acknowledge-crisis.ts';
import { crisisAcknowledged } from '../views/crisis.ts';
import { CRISIS_ACKNOWLEDGE } from '../views/ids.ts';
import { DOCUMENT_ACCEPT, DOCUMENT_REJECT, RESCHEDULE_APPROVE, RESCHEDULE_DECLINE } from '../views/ids.ts';
import { readReasonSubmission, reasonModal } from '../views/modals.ts';
import { resumeMessages } from '../../../src/usecases/safety/resume-messages.ts';
import { staffZone } from '../../../src/usecases/safety/pause-messages.ts';
import { PAUSE_RESUME } from '../views/ids.ts';
import { pauseLifted } from '../views/pause.ts';
import { markAppointmentOutcome } from '../../../src/usecases/appointments/mark-appointment-outcome.ts';
import { missedCorrected } from '../views/followups.ts';
import { MISSED_ATTENDED } from '../views/ids.ts';
import type { ReasonKind, SlackMessage } from '../views/types.ts';
import type { SlackEnv } from './env.ts';
import { obj, str } from './env.ts';

/** Where the card is: its channel, its ts, and the client thread it sits in. */
interface Card {
  channel: string;
  ts: string;
  thread: string;
}

interface Ctx {
  env: SlackEnv;
  user: string;
  card: Card;
  actor: Actor;
  staffName: string;
}

const CHANNEL_KINDS: readonly ClientChannelKind[] = ['sms', 'telegram', 'portal'];
const asChannel = (v: string): ClientChannelKind => (CHANNEL_KINDS.includes(v as ClientChannelKind) ? (v as ClientChannelKind) : 'portal');

const cardOfAction = (payload: Record<string, unknown>): Card => {
  const container = obj(payload.container);
  const message = obj(payload.message);
  return {
    channel: str(container.channel_id) || str(obj(payload.channel).id),
    ts: str(container.message_ts) || str(message.ts),
    thread: str(container.thread_ts) || str(message.thread_ts),
  };
};

const cardOfMetadata = (meta: string): Card | null => {
  try {
    const m = obj(JSON.parse(meta));
    return str(m.channel) && str(m.ts) ? { channel: str(m.channel), ts: str(m.ts), thread: str(m.thread) } : null;
  } catch {
    return null;
  }
};

/** Tells only the user who acted, in the card's thread. */
const tell = async (env: SlackEnv, user: string, card: Card, key: string) => {
  await env.api.postEphemeral({ channel: card.channel, user, text: env.core.t('en', key), ...(card.thread ? { thread_ts: card.thread } : {}) });
};

/** The staff member the Slack user is, or null after telling them why nothing happens. */
const contextFor = async (env: SlackEnv, user: string, card: Card): Promise<Ctx | null> => {
  const actor = user ? await staffForSlackUser(env.core, env.agencyId, user) : null;
  const staff = actor?.type === 'staff' ? await env.core.store.staff.get(actor, actor.staffId) : null;
  if (!actor || !staff) {
    if (user && card.channel) await tell(env, user, card, 'slack.action.unmapped');
    return null;
  }
  return { env, user, card, actor, staffName: staff.name };
};

/**
 * The client whose thread the card is in — in the card's own channel (SLACK_CHANNEL or a
 * caseworker's) — reading it is audited; then the thing the id names.
 */
const clientOfCard = (ctx: Ctx) =>
  ctx.card.thread && ctx.card.channel
    ? clientOfThread(ctx.env.core, ctx.actor, { channel: ctx.card.channel, threadTs: ctx.card.thread, defaultChannel: ctx.env.channel })
    : Promise.resolve(null);

const findAppointment = async (ctx: Ctx, id: string) => {
  const client = await clientOfCard(ctx);
  const appointment = client ? await ctx.env.core.store.appointments.getForClient(ctx.actor, client.id, id) : null;
  return client && appointment ? { client, appointment } : null;
};

const findDocument = async (ctx: Ctx, id: string) => {
  const { store } = ctx.env.core;
  const client = await clientOfCard(ctx);
  const document = client ? await store.documents.getDocumentForClient(ctx.actor, client.id, id) : null;
  const request = document?.requestId ? await store.documents.getRequest(ctx.actor, document.requestId) : null;
  return client && document && request ? { client, document, request } : null;
};

const showDecided = async (ctx: Ctx, message: SlackMessage) => {
  const r = await ctx.env.api.update({ channel: ctx.card.channel, ts: ctx.card.ts, text: message.text, blocks: message.blocks });
  if (!r.ok) await tell(ctx.env, ctx.user, ctx.card, 'slack.action.card_not_updated');
};

const RESCHEDULE_REFUSALS: Record<string, string> = {
  not_found: 'slack.action.not_found',
  no_request: 'slack.action.already_decided',
  duplicate: 'slack.action.already_decided',
  conflict: 'slack.action.conflict',
};

const decideTime = async (ctx: Ctx, id: string, choice: { decision: 'approve' } | { decision: 'decline'; reason: string }) => {
  const { core } = ctx.env;
  const found = await findAppointment(ctx, id);
  if (!found) return tell(ctx.env, ctx.user, ctx.card, 'slack.action.not_found');
  const before = found.appointment;
  const r = await decideReschedule(core, ctx.actor, { appointmentId: before.id, ...choice });
  if (!r.ok) return tell(ctx.env, ctx.user, ctx.card, RESCHEDULE_REFUSALS[r.code] ?? 'slack.action.failed');
  // The times as the card showed them: in the zone of the caseworker it was addressed to.
  const staffId = before.staffId ?? found.client.staffId;
  const zone = (staffId ? await core.store.staff.get(ctx.actor, staffId) : null)?.timeZone ?? found.client.timeZone;
  await showDecided(
    ctx,
    decided(core.t, {
      kind: 'reschedule',
      decision: choice.decision === 'approve' ? 'approved' : 'declined',
      by: ctx.staffName,
      ...(choice.decision === 'decline' ? { reason: choice.reason } : {}),
      clientName: found.client.displayName,
      oldWhen: formatWhen(before.startsAt, 'en', zone),
      newWhen: formatWhen(before.requestedStartsAt ?? r.value.startsAt, 'en', zone),
    }),
  );
};

const reviewFile = async (ctx: Ctx, id: string, choice: { decision: 'accept' } | { decision: 'reject'; reason: string }) => {
  const { core } = ctx.env;
  const found = await findDocument(ctx, id);
  if (!found) return tell(ctx.env, ctx.user, ctx.card, 'slack.action.not_found');
  const { client, document, request } = found;
  const r = await reviewDocument(core, ctx.actor, { requestId: request.id, documentId: document.id, ...choice });
  if (!r.ok) {
    const newer = r.code === 'conflict' && (await core.store.documents.latestForRequest(ctx.actor, request.id))?.id !== document.id;
    const key = newer ? 'newer_file' : r.code === 'not_reviewable' || r.code === 'duplicate' ? 'already_reviewed' : r.code === 'conflict' || r.code === 'not_found' ? r.code : 'failed';
    return tell(ctx.env, ctx.user, ctx.card, `slack.action.${key}`);
  }
  await showDecided(
    ctx,
    decided(core.t, {
      kind: 'document',
      decision: choice.decision === 'accept' ? 'accepted' : 'rejected',
      by: ctx.staffName,
      ...(choice.decision === 'reject' ? { reason: choice.reason } : {}),
      clientName: client.displayName,
      requestKind: request.kind,
      typeLabel: core.t('en', `portal.documents.type.${extensionFor(document.detectedType as AcceptedType) ?? 'other'}`),
      sizeLabel: formatSize(document.size),
      channel: asChannel(document.channel),
    }),
  );
};

/** Decline / Reject: the reason modal, unless the thing is gone or already decided. */
const askReason = async (ctx: Ctx, kind: ReasonKind, id: string, triggerId: string) => {
  const { env } = ctx;
  let clientName: string;
  if (kind === 'decline_reschedule') {
    const found = await findAppointment(ctx, id);
    if (!found) return tell(env, ctx.user, ctx.card, 'slack.action.not_found');
    if (found.appointment.status !== 'reschedule_requested') return tell(env, ctx.user, ctx.card, 'slack.action.already_decided');
    clientName = found.client.displayName;
  } else {
    const found = await findDocument(ctx, id);
    if (!found) return tell(env, ctx.user, ctx.card, 'slack.action.not_found');
    if (found.request.status !== 'uploaded') return tell(env, ctx.user, ctx.card, 'slack.action.already_reviewed');
    clientName = found.client.displayName;
  }
  const view = reasonModal(env.core.t, { kind, id, clientName, privateMetadata: JSON.stringify(ctx.card) });
  const opened = await env.api.viewsOpen({ trigger_id: triggerId, view });
  if (!opened.ok) await tell(env, ctx.user, ctx.card, 'slack.action.modal_failed');
};

const CRISIS_REFUSALS: Record<string, string> = {
  not_found: 'slack.action.not_found',
  already_acknowledged: 'staff.crisis.already_acknowledged',
  forbidden: 'slack.action.unmapped',
};

/** Acknowledge on a crisis alert (or on an escalation of it): the alert's card and the pressed one lose their button. */
const acknowledgeAlert = async (ctx: Ctx, id: string) => {
  const r = await acknowledgeCrisis(ctx.env.core, ctx.actor, { alertId: id });
  if (!r.ok) return tell(ctx.env, ctx.user, ctx.card, CRISIS_REFUSALS[r.code] ?? 'slack.action.failed');
  const { alert, client, staff } = r.value;
  const when = formatWhen(alert.acknowledgedAt ?? ctx.env.core.clock.now(), 'en', staff.timeZone);
  const card = crisisAcknowledged(ctx.env.core.t, { clientName: client.displayName, category: alert.category, channel: alert.channel, by: staff.name, when });
  const places = [...(alert.slackChannel && alert.slackTs ? [{ channel: alert.slackChannel, ts: alert.slackTs }] : []), { channel: ctx.card.channel, ts: ctx.card.ts }];
  const unique = places.filter((p, i) => places.findIndex((q) => q.channel === p.channel && q.ts === p.ts) === i);
  const updated = await Promise.all(unique.map((p) => ctx.env.api.update({ ...p, text: card.text, blocks: card.blocks })));
  if (updated.some((u) => !u.ok)) await tell(ctx.env, ctx.user, ctx.card, 'staff.crisis.card_not_updated');
};

/** Resume messages, on a pause card: only for the client whose thread the card is in. */
const resumeFromCard = async (ctx: Ctx, clientId: string) => {
  const { core } = ctx.env;
  const client = await clientOfCard(ctx);
  if (!client || client.id !== clientId) return tell(ctx.env, ctx.user, ctx.card, 'slack.action.not_found');
  const r = await resumeMessages(core, ctx.actor, { clientId: client.id });
  if (!r.ok) return tell(ctx.env, ctx.user, ctx.card, r.code === 'not_found' ? 'slack.action.not_found' : 'slack.action.failed');
  const { pausedAt, pausedBy } = r.value;
  if (!r.value.resumed || pausedAt === null) return tell(ctx.env, ctx.user, ctx.card, 'staff.pause.already_on');
  const zone = await staffZone(core, client);
  const pauser = pausedBy?.startsWith('staff:') ? await core.store.staff.get(ctx.actor, pausedBy.slice('staff:'.length)) : null;
  const when = (at: number) => formatWhen(at, 'en', zone);
  await showDecided(
    ctx,
    pauseLifted(core.t, { clientName: client.displayName, when: when(pausedAt), byStaff: pauser?.name, name: ctx.staffName, resumedWhen: when(core.clock.now()) }),
  );
};

/** "They came after all", on a missed-appointment card: marked attended, as the staff member who pressed. */
const cameAfterAll = async (ctx: Ctx, id: string) => {
  const { core } = ctx.env;
  const found = await findAppointment(ctx, id);
  if (!found) return tell(ctx.env, ctx.user, ctx.card, 'slack.action.not_found');
  const { appointment: a, client } = found;
  // The client may have picked a new time since: that stands, and this card has nothing to change.
  if (a.status !== 'missed' && a.status !== 'attended') return tell(ctx.env, ctx.user, ctx.card, 'staff.followup.not_missed');
  const r = await markAppointmentOutcome(core, ctx.actor, { appointmentId: a.id, outcome: 'attended' });
  if (!r.ok) return tell(ctx.env, ctx.user, ctx.card, r.code === 'conflict' || r.code === 'not_found' ? `slack.action.${r.code}` : 'slack.action.failed');
  const staffId = a.staffId ?? client.staffId;
  const zone = (staffId ? await core.store.staff.get(ctx.actor, staffId) : null)?.timeZone ?? client.timeZone;
  const offered = (await core.store.reminders.listForSubjects(ctx.actor, 'missed', [a.id])).some((rec) => rec.status === 'queued');
  await showDecided(ctx, missedCorrected(core.t, { clientName: client.displayName, when: formatWhen(a.startsAt, 'en', zone), offered, by: ctx.staffName }));
};

const onButton = async (env: SlackEnv, payload: Record<string, unknown>) => {
  const action = obj((payload.actions as unknown[] | undefined)?.[0]);
  const actionId = str(action.action_id);
  const id = str(action.value);
  // DOCUMENT_VIEW (a link Slack opens itself) and anything else: nothing to do.
  if (![RESCHEDULE_APPROVE, RESCHEDULE_DECLINE, DOCUMENT_ACCEPT, DOCUMENT_REJECT, CRISIS_ACKNOWLEDGE, PAUSE_RESUME, MISSED_ATTENDED].includes(actionId)) return;
  const card = cardOfAction(payload);
  const ctx = await contextFor(env, str(obj(payload.user).id), card);
  if (!ctx) return;
  if (!id || !card.ts) return tell(env, ctx.user, card, 'slack.action.not_found');
  if (actionId === CRISIS_ACKNOWLEDGE) return acknowledgeAlert(ctx, id);
  if (actionId === PAUSE_RESUME) return resumeFromCard(ctx, id);
  if (actionId === MISSED_ATTENDED) return cameAfterAll(ctx, id);
  const trigger = str(payload.trigger_id);
  if (actionId === RESCHEDULE_APPROVE) return decideTime(ctx, id, { decision: 'approve' });
  if (actionId === DOCUMENT_ACCEPT) return reviewFile(ctx, id, { decision: 'accept' });
  return askReason(ctx, actionId === RESCHEDULE_DECLINE ? 'decline_reschedule' : 'reject_document', id, trigger);
};

const onSubmission = async (env: SlackEnv, payload: Record<string, unknown>) => {
  const submitted = readReasonSubmission(obj(payload.view));
  // A blank reason never gets here: the HTTP route kept the modal open (validate.ts).
  const card = submitted ? cardOfMetadata(submitted.privateMetadata) : null;
  if (!submitted?.reason || !card) return;
  const ctx = await contextFor(env, str(obj(payload.user).id), card);
  if (!ctx) return;
  if (submitted.kind === 'decline_reschedule') return decideTime(ctx, submitted.id, { decision: 'decline', reason: submitted.reason });
  return reviewFile(ctx, submitted.id, { decision: 'reject', reason: submitted.reason });
};

export const onAction = async (env: SlackEnv, payload: Record<string, unknown>): Promise<void> => {
  if (payload.type === 'block_actions') return onButton(env, payload);
  if (payload.type === 'view_submission') return onSubmission(env, payload);
};
