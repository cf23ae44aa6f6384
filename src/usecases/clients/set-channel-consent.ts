import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, type Result } from '../../domain/result.ts';
import type { ClientChannel } from '../../domain/types.ts';
import { auditDenied, loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { channelSetting, hasConsent, isSwitchable, type ChannelSetting } from './settings-view.ts';

const inputSchema = z.object({
  clientId: z.string().min(1),
  channelId: z.string().min(1).max(128),
  /** `out`: stop being reached here; `in`: agree again */
  consent: z.enum(['out', 'in']),
});

export type ChannelConsentRefusal = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'duplicate';

/**
 * A client switches one of their own channels off (consent withdrawn now) or back on (consent
 * given now, the withdrawal cleared). Only the client decides this, only on a verified channel,
 * and never on the portal itself. Asking for what is already so changes nothing; every attempt
 * is audited.
 */
export const setChannelConsent = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<ChannelSetting, ChannelConsentRefusal>> => {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found'); // loadClient has recorded the attempt
  const channel = (await deps.store.channels.listForClient(actor, client.id)).find((c) => c.id === input.channelId);
  const action = `channel.opt_${input.consent}`;
  if (!channel) {
    await auditDenied(deps, actor, { type: 'channel', id: input.channelId });
    return fail('not_found');
  }
  if (actor.type !== 'client' || !isSwitchable(channel)) {
    await deps.store.commit([auditWrite(deps, actor, `${action}.refused`, { type: 'channel', id: channel.id }, client.id)]);
    return fail('forbidden');
  }
  const now = deps.clock.now();
  const wanted = input.consent === 'in';
  const patch: Partial<Pick<ClientChannel, 'consentGivenAt' | 'consentWithdrawnAt'>> =
    hasConsent(client, channel) === wanted ? {} : wanted ? { consentGivenAt: now, consentWithdrawnAt: null } : { consentWithdrawnAt: now };
  return commitWrites(
    deps,
    [
      Object.keys(patch).length > 0 ? deps.store.channels.setConsent(actor, client.id, channel.id, patch) : null,
      auditWrite(deps, actor, action, { type: 'channel', id: channel.id }, client.id),
    ],
    channelSetting(client, { ...channel, ...patch }),
  );
};
