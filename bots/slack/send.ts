// The staff channel: an outbox row for a caseworker (`staff:<id>`) becomes a message in the
// client's thread, opened with a header the first time in their caseworker's own channel (or in
// SLACK_CHANNEL), and every later post for that client goes to that thread's channel. Known notices get
// their card (a client's message, a file with Accept / Reject, a new-time request with Approve /
// Decline); anything else is posted as its text. At most once per idempotency key, like the
// other senders.
import { extensionFor, type AcceptedType } from '../../src/domain/file-type.ts';
import { usable } from '../../src/domain/channels.ts';
import { mustBeNeutral } from '../../src/domain/wording.ts';
import type { Client, ClientChannelKind, Conversation } from '../../src/domain/types.ts';
import type { ChannelSender, OutboundMessage, SendResult } from '../../src/ports/channel-sender.ts';
import type { CoreDeps } from '../../src/usecases/shared/deps.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { formatSize } from '../../src/usecases/documents/upload-document.ts';
import { STAFF_FILE_LINK_TTL, staffFileLink } from '../../src/usecases/documents/staff-file-link.ts';
import { conversationForSlack, moveSlackThread, recordSlackThread, threadChannelFor } from '../../src/usecases/slack/thread.ts';
import { UNASSIGNED } from '../../src/usecases/shared/notify-staff.ts';
import { clientMessage, documentUploaded, rescheduleRequested } from './views/cards.ts';
import { threadHeader } from './views/thread.ts';
import { pauseCardOf } from './views/pause.ts';
import { crisisCardOf } from './views/crisis.ts';
import { directMessageCard, followupCard } from './views/followups.ts';
import type { SlackMessage } from './views/types.ts';
import type { SlackCallResult, SlackWebApi } from './web-api.ts';
import { str } from './fields.ts';

export interface SlackSenderDeps {
  core: CoreDeps;
  api: SlackWebApi;
  /** SLACK_CHANNEL: where client threads open when their caseworker has no channel of their own */
  channel: string;
  publicUrl: string;
  /** signs the "View file" links */
  linkSecret: string;
}

/** Where a client's thread is: its channel and its parent message's ts. */
type Thread = { channel: string; ts: string };

/** Slack's answers for a channel the app cannot post in until someone acts (invites it, unarchives). */
const UNUSABLE_CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const CHANNEL_KINDS: readonly ClientChannelKind[] = ['sms', 'telegram', 'portal'];
const asChannel = (v: unknown): ClientChannelKind => (CHANNEL_KINDS.includes(v as ClientChannelKind) ? (v as ClientChannelKind) : 'portal');

const failed = (r: Extract<SlackCallResult<unknown>, { ok: false }>): SendResult => ({
  ok: false,
  retryable: r.retryable,
  error: `slack_${r.error}`.replace(/^slack_slack_/, 'slack_'),
  ...(r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}),
});

export const slackSender = (deps: SlackSenderDeps): ChannelSender => {
  const { core } = deps;

  /** The card for a notice, from its template and payload; the plain text when there is none. */
  const cardOf = async (m: OutboundMessage, client: Client, staffId: string | null): Promise<SlackMessage> => {
    const p = m.payload;
    const clientName = client.displayName;
    const staff = staffId ? await core.store.staff.get({ agencyId: m.agencyId }, staffId) : null;
    const zone = staff?.timeZone ?? client.timeZone;
    switch (m.template) {
      case 'staff.crisis_alert':
      case 'staff.crisis_escalation': {
        const card = crisisCardOf(core.t, m.template, p, clientName);
        if (card) return card;
        break;
      }
      case 'staff.client_paused':
      case 'staff.client_paused_by_staff':
      case 'staff.client_resumed':
      case 'staff.client_resumed_by_staff': {
        const card = pauseCardOf(core.t, m.template, p, { clientId: client.id, clientName, when: (at) => formatWhen(at, 'en', zone) });
        if (card) return card;
        break;
      }
      case 'staff.client_message':
        return clientMessage(core.t, { clientName, body: str(p.body) || m.text, channel: asChannel(p.channel) });
      case 'staff.reschedule_requested': {
        const from = num(p.fromStartsAt);
        const to = num(p.toStartsAt);
        if (from === null || to === null || !str(p.appointmentId)) break;
        return rescheduleRequested(core.t, { clientName, oldWhen: formatWhen(from, 'en', zone), newWhen: formatWhen(to, 'en', zone), appointmentId: str(p.appointmentId) });
      }
      case 'staff.document_uploaded': {
        const documentId = str(p.documentId);
        const size = num(p.size);
        if (!documentId || size === null || !staffId) break;
        const expiresAt = core.clock.now() + STAFF_FILE_LINK_TTL;
        const ext = extensionFor(str(p.detectedType) as AcceptedType) ?? 'other';
        return documentUploaded(core.t, {
          clientName,
          requestKind: str(p.requestKind),
          typeLabel: core.t('en', `portal.documents.type.${ext}`),
          sizeLabel: formatSize(size),
          channel: asChannel(p.channel),
          viewUrl: await staffFileLink(deps.linkSecret, deps.publicUrl, { clientId: client.id, documentId, staffId }, expiresAt),
          documentId,
          linkValidUntil: formatWhen(expiresAt, 'en', zone),
        });
      }
    }
    // Follow-ups: a missed appointment, a message waiting for an answer, a number that keeps failing.
    const followup = followupCard(core.t, m.template, p, { clientName, when: (at) => formatWhen(at, 'en', zone) });
    if (followup) return followup;
    return { text: m.text, blocks: [] };
  };

  /**
   * The client's thread, opened with its header when it has none yet: in their caseworker's own
   * channel, or SLACK_CHANNEL when they have none — or when the app cannot post there (not invited,
   * archived): a client's message, a crisis above all, must not wait on a channel set-up. A thread
   * in a caseworker's own channel that is no longer the client's caseworker's (the client was given
   * to someone else, the caseworker left or changed channel) is opened again where it should be: a
   * private channel must not keep receiving a client who is no longer theirs. `avoid`: a channel
   * the app just could not post in.
   */
  const threadOf = async (m: OutboundMessage, client: Client, conversation: Conversation, avoid?: string): Promise<SlackCallResult<Thread>> => {
    const own = await threadChannelFor(core, client);
    const wanted = own && own !== avoid ? own : deps.channel;
    const current = conversation.slackThreadTs ? { channel: conversation.slackChannel ?? deps.channel, ts: conversation.slackThreadTs } : null;
    // A thread stays where it is when that is where the caseworker reads, or the agency's shared
    // channel (a caseworker given a channel of their own later still sees it); it moves only out of
    // a caseworker's own channel that is no longer this client's caseworker's, or one we cannot use.
    if (current && current.channel !== avoid && (current.channel === wanted || current.channel === deps.channel)) return { ok: true, value: current };
    const channels = await core.store.channels.listForClient({ agencyId: m.agencyId }, client.id);
    const kinds = [...new Set(channels.filter((c) => usable(client, c)).map((c) => c.kind)), 'portal' as const];
    const header = threadHeader(core.t, { clientName: client.displayName, language: client.language, channels: kinds, neutral: mustBeNeutral(client) });
    let posted = await deps.api.postMessage({ channel: wanted, ...header });
    if (!posted.ok && wanted !== deps.channel && !posted.retryable && UNUSABLE_CHANNEL.has(posted.error)) posted = await deps.api.postMessage({ channel: deps.channel, ...header });
    if (!posted.ok) return posted;
    // Another worker may have opened or moved it at the same moment: theirs stands, ours is left as is.
    const opened = { channel: posted.value.channel, threadTs: posted.value.ts };
    const standing =
      (conversation.slackThreadTs
        ? await moveSlackThread(core, m.agencyId, conversation.id, { channel: conversation.slackChannel, threadTs: conversation.slackThreadTs }, opened)
        : await recordSlackThread(core, m.agencyId, conversation.id, opened)) ?? opened;
    return { ok: true, value: { channel: standing.channel ?? deps.channel, ts: standing.threadTs } };
  };

  /**
   * A message to one staff member about no client (the morning digest, a class summary): posted
   * with their Slack user as the channel, which opens the app's direct message with them.
   */
  const direct = async (m: OutboundMessage): Promise<SendResult> => {
    const staff = await core.store.staff.get({ agencyId: m.agencyId }, m.to.slice('staff:'.length));
    if (!staff?.active || !staff.slackUserId) return { ok: false, retryable: false, error: 'slack_no_user' };
    const card = directMessageCard(core.t, m.template, m.payload) ?? { text: m.text, blocks: [] };
    const posted = await deps.api.postMessage({ channel: staff.slackUserId, text: card.text, ...(card.blocks.length ? { blocks: card.blocks } : {}) });
    if (!posted.ok) return failed(posted);
    await core.store.deliveries.record({ idempotencyKey: m.idempotencyKey, channel: 'slack', externalId: posted.value.ts, sentAt: core.clock.now() }).catch(() => {});
    return { ok: true, externalId: posted.value.ts };
  };

  return {
    name: 'slack',
    async send(m) {
      const done = await core.store.deliveries.find(m.idempotencyKey);
      if (done) return { ok: true, externalId: done.externalId };
      if (!m.clientId) return m.to.startsWith('staff:') ? direct(m) : { ok: false, retryable: false, error: 'slack_no_client' };
      const found = await conversationForSlack(core, m.agencyId, m.clientId);
      if (!found) return { ok: false, retryable: false, error: 'slack_client_not_found' };
      const addressed = m.to.startsWith('staff:') ? m.to.slice('staff:'.length) : null;
      const staffId = addressed && addressed !== UNASSIGNED ? addressed : null;
      let thread = await threadOf(m, found.client, found.conversation);
      if (!thread.ok) return failed(thread);
      const card = await cardOf(m, found.client, staffId);
      // A crisis alert is also shown in the channel itself: it must not sit unseen in a thread.
      const loud = m.template.startsWith('staff.crisis_');
      const messageIn = (t: Thread) => ({ channel: t.channel, thread_ts: t.ts, text: card.text, ...(card.blocks.length ? { blocks: card.blocks } : {}), ...(loud ? { reply_broadcast: true } : {}) });
      let posted = await deps.api.postMessage(messageIn(thread.value));
      if (!posted.ok && !posted.retryable && UNUSABLE_CHANNEL.has(posted.error) && thread.value.channel !== deps.channel) {
        // The thread's channel was archived or the app removed from it: the thread moves to
        // SLACK_CHANNEL rather than the notice (a crisis alert, say) being lost.
        const fresh = await conversationForSlack(core, m.agencyId, m.clientId);
        thread = fresh ? await threadOf(m, fresh.client, fresh.conversation, thread.value.channel) : thread;
        if (!thread.ok) return failed(thread);
        posted = await deps.api.postMessage(messageIn(thread.value));
      }
      if (!posted.ok) return failed(posted);
      // Escalations call people who may not read a caseworker's own channel: shown in SLACK_CHANNEL too.
      if (loud && posted.value.channel !== deps.channel) {
        await deps.api.postMessage({ channel: deps.channel, text: card.text, ...(card.blocks.length ? { blocks: card.blocks } : {}) }).catch(() => null);
      }
      const alertId = m.template === 'staff.crisis_alert' ? str(m.payload.alertId) : '';
      // Where the alert is, so Acknowledge can update it; the alert stands even if this is lost.
      if (alertId) await core.store.commit([core.store.crisis.setSlackMessage({ agencyId: m.agencyId }, alertId, posted.value.channel, posted.value.ts)]).catch(() => {});
      await core.store.deliveries.record({ idempotencyKey: m.idempotencyKey, channel: 'slack', externalId: posted.value.ts, sentAt: core.clock.now() }).catch(() => {});
      return { ok: true, externalId: posted.value.ts };
    },
  };
};
