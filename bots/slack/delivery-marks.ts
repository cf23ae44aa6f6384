// A caseworker's reply shows on their own Slack message how it went: a check mark once it reached
// the client's channel, a warning (and a line in the thread saying why) when it could not.
import type { OutboxItem } from '../../src/domain/types.ts';
import type { Translate } from '../../src/ports/translator.ts';
import { deliveryLine } from './views/cards.ts';
import type { SlackWebApi } from './web-api.ts';

export const SENT_REACTION = 'white_check_mark';
export const FAILED_REACTION = 'warning';

const slackMessageOf = (row: OutboxItem): { channel: string; ts: string; threadTs: string } | null => {
  try {
    const m = (JSON.parse(row.payload) as { slackMessage?: { channel?: unknown; ts?: unknown; threadTs?: unknown } }).slackMessage;
    return m && typeof m.channel === 'string' && typeof m.ts === 'string' && typeof m.threadTs === 'string'
      ? { channel: m.channel, ts: m.ts, threadTs: m.threadTs }
      : null;
  } catch {
    return null;
  }
};

const CLIENT_CHANNELS = new Set(['sms', 'telegram']);

export const markDelivery = async (
  api: SlackWebApi,
  t: Translate,
  row: OutboxItem,
  outcome: { sent: true } | { sent: false; error: string },
): Promise<void> => {
  const at = slackMessageOf(row);
  if (!at) return;
  await api.reactionsAdd({ channel: at.channel, timestamp: at.ts, name: outcome.sent ? SENT_REACTION : FAILED_REACTION });
  if (outcome.sent) return;
  const channel = CLIENT_CHANNELS.has(row.channel) ? (row.channel as 'sms' | 'telegram') : undefined;
  const line = deliveryLine(t, { status: 'failed', ...(channel ? { channel } : {}), detail: outcome.error });
  // Beside the reply, in the client's thread.
  await api.postMessage({ channel: at.channel, thread_ts: at.threadTs, ...line });
};
