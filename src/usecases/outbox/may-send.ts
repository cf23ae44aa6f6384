// The last check before a message leaves, made at send time: the client may have opted out,
// paused, marked the channel unsafe or asked for neutral wording after the row was queued. The
// rules are the outbound policy's (src/domain/outbound-policy.ts); this reads what it needs.
import { decideOutbound, kindOfTemplate, type MessageKind } from '../../domain/outbound-policy.ts';
import { parseAgencySettings } from '../../domain/settings.ts';
import type { Millis, OutboxItem } from '../../domain/types.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { mayText } from '../sms/opt-out.ts';
import { parsePayload } from './payload.ts';

/** The one text an opted-out number still gets: the confirmation of its STOP. */
export const STOP_CONFIRMATION = 'sms.stopped';
/** Carriers expect HELP to be answered even after STOP: who is texting, and how to stop. */
const ALWAYS_ALLOWED = new Set([STOP_CONFIRMATION, 'sms.help', 'sms.help_neutral']);

export type SendCheck =
  | { go: true; /** the text to send instead of the row's (re-worded neutrally) */ text?: string }
  | { go: false; deferUntil: Millis }
  | { go: false; cancel: string };


const varsOf = (payload: Record<string, unknown>): Record<string, string | number> | null => {
  const v = payload.vars;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const out: Record<string, string | number> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number') out[k] = x;
  return out;
};

/** Whether this outbox row may leave now, later, or never (and why). */
export const checkSend = async (deps: Pick<CoreDeps, 'store' | 't'>, row: OutboxItem, now: Millis): Promise<SendCheck> => {
  if (row.channel === 'slack') return { go: true };
  const kind: MessageKind = kindOfTemplate(row.template);
  if (row.channel === 'sms' && !ALWAYS_ALLOWED.has(row.template) && !(await mayText(deps, { agencyId: row.agencyId }, row.toAddress))) {
    return { go: false, cancel: 'sms_opted_out' };
  }
  // An answer to a number or chat we do not know as a client's has no client rules to apply.
  if (!row.clientId) return { go: true };
  const scope = { agencyId: row.agencyId };
  const [client, agency] = await Promise.all([deps.store.clients.get(scope, row.clientId), deps.store.agencies.get(row.agencyId)]);
  if (!client || !agency) return { go: false, cancel: 'client_gone' };
  const payload = parsePayload(row.payload);
  const decision = decideOutbound({
    kind,
    channel: row.channel,
    client,
    settings: parseAgencySettings(agency.settings),
    now,
    recordSensitive: payload.sensitive === true,
  });
  if (!decision.send) return { go: false, cancel: decision.reason };
  // A reminder is worth nothing once its event has begun: held past it, it is dropped, not sent late.
  const expiresAt = typeof payload.expiresAt === 'number' ? payload.expiresAt : null;
  if (expiresAt !== null && Math.max(now, decision.notBefore) >= expiresAt) return { go: false, cancel: 'expired' };
  if (decision.notBefore > now) return { go: false, deferUntil: decision.notBefore };
  if (decision.neutral && !row.template.endsWith('_neutral')) {
    // Worded before the client asked for neutral wording: say it again neutrally, or not at all.
    const neutralKey = `${row.template}_neutral`;
    const vars = varsOf(payload);
    const text = deps.t(client.language, neutralKey, vars ?? undefined);
    if (vars && text !== neutralKey) return { go: true, text };
    if (kind === 'notice' || kind === 'reminder') return { go: false, cancel: 'not_neutral' };
  }
  return { go: true };
};
