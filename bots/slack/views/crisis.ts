// The crisis alert cards, loud on purpose: a header that cannot be missed, the people who must
// look now (the caseworker, or the on-call staff; at escalations the supervisors and the whole
// channel), what the client wrote, what help they were sent, and an Acknowledge button. Once
// acknowledged, the card says who and when, and has no button. Staff read English.
import type { Translate } from '../../../src/ports/translator.ts';
import type { ClientChannelKind } from '../../../src/domain/types.ts';
import { button, context, fallback, fields, header, section } from './blocks.ts';
import { CRISIS_ACKNOWLEDGE, CRISIS_ACTIONS } from './ids.ts';
import { escapeMrkdwn, STAFF_LOCALE } from './text.ts';
import type { Block, SectionBlock, SlackMessage } from './types.ts';

export const CRISIS_REPLIES = ['sent', 'portal', 'unsafe_channel', 'opted_out', 'no_channel'] as const;
export type CrisisReplyState = (typeof CRISIS_REPLIES)[number];

interface CrisisFacts {
  clientName: string;
  /** self_harm | violence | child_danger */
  category: string;
  channel: ClientChannelKind;
}

interface Mentions {
  /** Slack user ids to call out */
  mention: string[];
  /** call the whole channel too */
  everyone: boolean;
}

export interface CrisisAlertData extends CrisisFacts, Mentions {
  alertId: string;
  body: string;
  reply: CrisisReplyState;
  /** the resources, one line each, in English */
  resources: string[];
}

export interface CrisisEscalationData extends CrisisFacts, Mentions {
  alertId: string;
  minutes: number;
}

export interface CrisisAcknowledgedData extends CrisisFacts {
  by: string;
  /** when, as the one who acknowledged reads it */
  when: string;
}

const CATEGORIES = new Set(['self_harm', 'violence', 'child_danger']);
const SLACK_ID = /^[UW][A-Z0-9]{2,20}$/;
/** Stands in for the mentions while the sentence around them is escaped. */
const WHO = '\u0000who\u0000';

const tr = (t: Translate, key: string, vars?: Record<string, string | number>) => t(STAFF_LOCALE, `staff.${key}`, vars);
const md = (t: Translate, key: string, vars?: Record<string, string | number>) => escapeMrkdwn(tr(t, key, vars));

/** `<!channel> <@U1> <@U2>`: the only unescaped mrkdwn in a card, built from ids we checked. */
export const mentionsOf = (m: Mentions): string =>
  [...(m.everyone || m.mention.length === 0 ? ['<!channel>'] : []), ...m.mention.filter((id) => SLACK_ID.test(id)).map((id) => `<@${id}>`)].join(' ');

const withMentions = (t: Translate, key: string, m: Mentions, vars: Record<string, string | number>) =>
  md(t, key, { ...vars, who: WHO }).replace(WHO, mentionsOf(m));

const facts = (t: Translate, d: CrisisFacts): SectionBlock =>
  fields([
    [md(t, 'crisis.what'), CATEGORIES.has(d.category) ? md(t, `crisis.category.${d.category}`) : escapeMrkdwn(d.category)],
    [md(t, 'crisis.channel'), escapeMrkdwn(t(STAFF_LOCALE, `slack.channels.${d.channel}`))],
  ]);

const acknowledgeButton = (t: Translate, alertId: string): Block => ({
  type: 'actions',
  block_id: CRISIS_ACTIONS,
  elements: [button({ actionId: CRISIS_ACKNOWLEDGE, text: tr(t, 'crisis.acknowledge'), value: alertId, style: 'danger' })],
});

const channelName = (t: Translate, channel: ClientChannelKind) => t(STAFF_LOCALE, `slack.channels.${channel}`);

const replyLine = (t: Translate, d: CrisisAlertData): string => {
  const list = d.resources.map((r) => `• ${escapeMrkdwn(r)}`).join('\n');
  switch (d.reply) {
    case 'sent':
      return `${md(t, 'crisis.sent', { channel: channelName(t, d.channel) })}\n${list}`;
    case 'portal':
      return `${md(t, 'crisis.shown_portal')}\n${list}`;
    case 'unsafe_channel':
      return `:no_entry: *${md(t, 'crisis.not_sent_unsafe', { channel: channelName(t, d.channel) })}*`;
    case 'opted_out':
      return `:no_entry: *${md(t, 'crisis.not_sent_opted_out')}*`;
    case 'no_channel':
      return `:warning: ${md(t, 'crisis.not_sent_no_channel', { channel: channelName(t, d.channel) })}`;
  }
};

/** The alert as raised: who must look, what the client wrote, what help they got, Acknowledge. */
export const crisisAlert = (t: Translate, d: CrisisAlertData): SlackMessage => {
  const client = d.clientName;
  const body = d.body.trim();
  return {
    text: fallback(`${mentionsOf(d)} ${md(t, 'crisis_alert', { client, channel: channelName(t, d.channel), body })}`),
    blocks: [
      header(tr(t, 'crisis.header', { client })),
      section(withMentions(t, 'crisis.mention', d, { client })),
      facts(t, d),
      section(`*${md(t, 'crisis.wrote')}*\n${escapeMrkdwn(body)}`),
      section(replyLine(t, d)),
      acknowledgeButton(t, d.alertId),
    ],
  };
};

/** Nobody has acknowledged it yet: louder, to more people, with the button again. */
export const crisisEscalation = (t: Translate, d: CrisisEscalationData): SlackMessage => {
  const vars = { client: d.clientName, minutes: d.minutes };
  return {
    text: fallback(`${mentionsOf(d)} ${md(t, 'crisis_escalation', vars)}`),
    blocks: [header(tr(t, 'crisis.header_escalated', vars)), section(withMentions(t, 'crisis.escalated', d, vars)), facts(t, d), acknowledgeButton(t, d.alertId)],
  };
};

/** The card once someone is on it: who and when, and no button. */
export const crisisAcknowledged = (t: Translate, d: CrisisAcknowledgedData): SlackMessage => {
  const line = md(t, 'crisis.acknowledged', { name: d.by, when: d.when });
  return {
    text: fallback(`${line} · ${md(t, 'crisis.header', { client: d.clientName })}`),
    blocks: [header(tr(t, 'crisis.header', { client: d.clientName })), facts(t, d), context(line)],
  };
};

const CHANNELS: readonly ClientChannelKind[] = ['sms', 'telegram', 'portal'];
const s = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The card of a crisis staff notice from its payload; null when the payload is not one. */
export const crisisCardOf = (t: Translate, template: string, p: Record<string, unknown>, clientName: string): SlackMessage | null => {
  const alertId = s(p.alertId);
  const channel = CHANNELS.find((c) => c === p.channel);
  if (!alertId || !channel) return null;
  const common = { clientName, alertId, category: s(p.category), channel, mention: strings(p.mention), everyone: p.everyone === true };
  if (template === 'staff.crisis_alert') {
    const reply = CRISIS_REPLIES.find((r) => r === p.reply) ?? 'no_channel';
    return crisisAlert(t, { ...common, body: s(p.body), reply, resources: strings(p.resources) });
  }
  if (template === 'staff.crisis_escalation') {
    const minutes = typeof p.minutes === 'number' && Number.isFinite(p.minutes) ? p.minutes : 0;
    return crisisEscalation(t, { ...common, minutes });
  }
  return null;
};
