import type { BlobStore } from '../../ports/blob-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { Store } from '../../ports/store.ts';
import type { Translate } from '../../ports/translator.ts';

/** What every use case may use; built once per request (Workers) or per process (Node). */
export interface CoreDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  t: Translate;
  blobs: BlobStore;
  /** Called after a commit that queued outgoing messages, so delivery need not wait for a tick. */
  onOutbox?: () => void;
  /** Called after a webhook stored inbound work, so the inbox worker need not wait for a tick. */
  onInbox?: () => void;
}
