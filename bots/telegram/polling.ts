// TELEGRAM_MODE=polling, for trying the bot without a public URL: the server asks Telegram for
// updates and puts each into the inbox, exactly as the webhook does — so polled updates are
// deduplicated, handled in the background, retried and answered through the outbox the same way.
// Telegram forgets an update once a later getUpdates names an offset past it, which happens only
// after the update is stored.
import type { Api } from 'grammy';
import type { CoreDeps } from '../../src/usecases/shared/deps.ts';
import { UPDATE_SOURCE } from './webhook.ts';

export interface PollingDeps {
  api: Api;
  core: Pick<CoreDeps, 'store' | 'clock' | 'ids' | 'onInbox'>;
  agencyId: () => Promise<string | null>;
  onError: (e: unknown) => void;
  /** how long one getUpdates waits for news, in seconds (Telegram allows up to 50) */
  timeoutSeconds?: number;
  /** wait after a failed call before asking again */
  pauseMs?: number;
}

export interface Polling {
  stop(): Promise<void>;
}

export const startPolling = (deps: PollingDeps): Polling => {
  const abort = new AbortController();
  let offset = 0;
  const pause = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

  const once = async () => {
    const agencyId = await deps.agencyId();
    if (!agencyId) return pause(deps.pauseMs ?? 5000);
    const updates = await deps.api.getUpdates({ offset, timeout: deps.timeoutSeconds ?? 25 }, abort.signal as never);
    const { store, ids, clock } = deps.core;
    for (const u of updates) {
      // 'duplicate' is fine: the update is stored already.
      await store.commit([
        store.inbox.insert({ id: ids.newId('inb'), agencyId, source: UPDATE_SOURCE, externalId: String(u.update_id), payload: JSON.stringify(u), receivedAt: clock.now() }),
      ]);
      offset = u.update_id + 1;
    }
    if (updates.length > 0) deps.core.onInbox?.();
  };

  const loop = (async () => {
    try {
      // A webhook left set would make getUpdates fail.
      await deps.api.deleteWebhook({}, abort.signal as never);
    } catch (e) {
      if (!abort.signal.aborted) deps.onError(e);
    }
    while (!abort.signal.aborted) {
      try {
        await once();
      } catch (e) {
        if (abort.signal.aborted) break;
        deps.onError(e);
        await pause(deps.pauseMs ?? 5000);
      }
    }
  })();

  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
};
