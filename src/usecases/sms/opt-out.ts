// STOP and START over SMS: the opt-out is kept per number with its time, and the client's SMS
// channel follows it (consent withdrawn or given again), so nothing else is queued for it and the
// portal shows it off. Both are idempotent; both are audited when the number is a client's.
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { toE164 } from '../../domain/phone.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Client, ClientChannel } from '../../domain/types.ts';
import { isOptedOut } from '../../ports/sms.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

type Deps = Pick<CoreDeps, 'store' | 'clock' | 'ids'>;

const phoneSchema = z.string().transform((p, ctx) => toE164(p) ?? (ctx.addIssue({ code: 'custom', message: 'not a phone number' }), z.NEVER));

/** The client whose SMS channel this number is, with that channel; null for a number we do not know. */
export const clientForNumber = async (deps: Pick<CoreDeps, 'store'>, actor: Actor, phone: string): Promise<{ client: Client; channel: ClientChannel } | null> => {
  const channel = await deps.store.channels.findByAddress(actor, 'sms', phone);
  const client = channel ? await deps.store.clients.get(actor, channel.clientId) : null;
  return channel && client ? { client, channel } : null;
};

export interface OptChange {
  client: Client | null;
  /** false when the number was already where it was asked to be */
  changed: boolean;
}

export const optOutNumber = async (
  deps: Deps,
  actor: Actor,
  raw: { phone: string; source: 'keyword' | 'provider' },
): Promise<Result<OptChange, 'invalid'>> => {
  const phone = phoneSchema.safeParse(raw.phone);
  if (!phone.success) return fail('invalid');
  const now = deps.clock.now();
  const before = await deps.store.smsOptOuts.get(actor, phone.data);
  const known = await clientForNumber(deps, actor, phone.data);
  const changed = !isOptedOut(before);
  await deps.store.commit([
    deps.store.smsOptOuts.optOut({ agencyId: actor.agencyId, phone: phone.data, optedOutAt: now, source: raw.source }),
    ...(known
      ? [
          deps.store.channels.setConsent(actor, known.client.id, known.channel.id, { consentWithdrawnAt: now }),
          auditWrite(deps, actor, 'sms.opted_out', { type: 'channel', id: known.channel.id }, known.client.id),
        ]
      : []),
  ]);
  return ok({ client: known?.client ?? null, changed });
};

export const optInNumber = async (deps: Deps, actor: Actor, raw: { phone: string }): Promise<Result<OptChange, 'invalid'>> => {
  const phone = phoneSchema.safeParse(raw.phone);
  if (!phone.success) return fail('invalid');
  const now = deps.clock.now();
  const before = await deps.store.smsOptOuts.get(actor, phone.data);
  const known = await clientForNumber(deps, actor, phone.data);
  const changed = isOptedOut(before);
  await deps.store.commit([
    ...(before ? [deps.store.smsOptOuts.optIn(actor, phone.data, now)] : []),
    ...(known
      ? [
          deps.store.channels.setConsent(actor, known.client.id, known.channel.id, { consentGivenAt: now, consentWithdrawnAt: null }),
          auditWrite(deps, actor, 'sms.opted_in', { type: 'channel', id: known.channel.id }, known.client.id),
        ]
      : []),
  ]);
  return ok({ client: known?.client ?? null, changed });
};

/** Whether a text may go to this number now (false after STOP, until START). */
export const mayText = async (deps: Pick<CoreDeps, 'store'>, scope: { agencyId: string }, phone: string): Promise<boolean> =>
  !isOptedOut(await deps.store.smsOptOuts.get(scope, phone));
