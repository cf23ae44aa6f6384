// When a provider says an address takes no more of our messages — the client blocked the bot,
// deleted their account, texted STOP — that channel is withdrawn, so nothing else is queued for
// it and the portal shows it off. The client can turn it back on (the portal, /start, START).
// An address that is merely unreachable (not the client's choice) is also flagged at once to the
// client's caseworker (the unreachable follow-up, under the failure streak it ends).
import type { Actor } from '../../domain/actor.ts';
import type { OutboxItem } from '../../domain/types.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { unlinkTelegramChat } from '../telegram/unlink-telegram-chat.ts';
import { optOutNumber } from '../sms/opt-out.ts';
import { flagGoneAddress } from '../scheduler/followups/unreachable-numbers.ts';

export type Gone = 'opted_out' | 'unreachable';

/** Per channel, how an address that is gone is withdrawn. */
export type GoneHandlers = Partial<Record<OutboxItem['channel'], (deps: Pick<CoreDeps, 'store' | 'clock' | 'ids'>, actor: Actor, row: OutboxItem, gone: Gone) => Promise<void>>>;

const builtIn: GoneHandlers = {
  telegram: async (deps, actor, row) => {
    await unlinkTelegramChat(deps, actor, { chatId: row.toAddress });
  },
  // The carrier says the number texted STOP (Twilio 21610): recorded as theirs. A number that is
  // merely unreachable keeps its consent; the caseworker is told of it (a follow-up's job).
  sms: async (deps, actor, row, gone) => {
    if (gone === 'opted_out') await optOutNumber(deps, actor, { phone: row.toAddress, source: 'provider' });
  },
};

export const channelGone = async (
  deps: Pick<CoreDeps, 'store' | 'clock' | 'ids' | 't'>,
  row: OutboxItem,
  gone: Gone,
  handlers: GoneHandlers = {},
): Promise<void> => {
  const actor: Actor = { type: 'system', agencyId: row.agencyId, door: 'system' };
  const handle = handlers[row.channel] ?? builtIn[row.channel];
  if (handle) await handle(deps, actor, row, gone);
  // Telling the caseworker must not hold up the delivery worker: if it fails here, the scan of
  // failing addresses finds the same streak later.
  if (gone === 'unreachable') await flagGoneAddress(deps, row).catch(() => {});
};
