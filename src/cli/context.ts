// The CLI's entry wiring: configuration, the libsql store, the translator, ids, clock and blobs.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/load.ts';
import { openLibsql } from '../db/libsql.ts';
import { createTranslator } from '../i18n/translator.ts';
import { fsBlobStore } from '../runtime/fs-blob-store.ts';
import { randomIds } from '../runtime/random-ids.ts';
import { systemClock } from '../runtime/system-clock.ts';
import type { CoreDeps } from '../usecases/shared/deps.ts';

export interface CliDeps {
  deps: CoreDeps;
  publicUrl: string;
  /** demo data, demo mode, no real channel set up: the CLI may move the clock and show due messages in the dev outbox */
  devOnly: boolean;
  maxAttempts: number;
  close(): void;
}

const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));

/** A local database file's directory is made on first use, as the server does. */
const ensureDir = (url: string): void => {
  if (!url.startsWith('file:')) return;
  const path = url.slice('file:'.length).split('?')[0] ?? '';
  if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
};

export const openCliDeps = async (env: Record<string, string | undefined>): Promise<CliDeps> => {
  const config = loadConfig(env);
  ensureDir(config.DATABASE_URL);
  const db = await openLibsql({
    url: config.DATABASE_URL,
    ...(config.DATABASE_AUTH_TOKEN ? { authToken: config.DATABASE_AUTH_TOKEN } : {}),
    migrationsFolder: MIGRATIONS,
  });
  // Demo data only: every agency in the database was seeded by the demo (a flag in the data, not
  // the environment — DEMO defaults to on, and a cron's shell may have no channel settings).
  const agencies = await db.store.agencies.list();
  const demoData = agencies.length > 0 && agencies.every((a) => a.demo === true);
  return {
    deps: {
      store: db.store,
      clock: systemClock(),
      ids: randomIds(),
      t: createTranslator(),
      blobs: fsBlobStore(config.BLOB_DIR),
    },
    publicUrl: config.PUBLIC_URL,
    devOnly: demoData && config.DEMO && !Object.values(config.channels).some(Boolean),
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    close: () => db.close(),
  };
};
