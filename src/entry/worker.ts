// Cloudflare Workers entry: builds the dependencies from the Worker's bindings, per request,
// and serves the same Hono app as Node. (Scheduler and queue handlers come with the Workers issue.)
import type { D1Database, ExecutionContext, R2Bucket } from '@cloudflare/workers-types';
import { loadConfig } from '../config/load.ts';
import { d1Store } from '../db/d1.ts';
import { createApp } from '../http/app.ts';
import { createTranslator } from '../i18n/translator.ts';
import { r2BlobStore } from '../runtime/r2-blob-store.ts';
import { randomIds } from '../runtime/random-ids.ts';
import { systemClock } from '../runtime/system-clock.ts';

interface Env {
  DB: D1Database;
  BLOBS: R2Bucket;
  [name: string]: unknown;
}

const translate = createTranslator();

const stringsOf = (env: Env): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));

export default {
  async fetch(request: Request, env: Env, _ctx: ExecutionContext): Promise<Response> {
    const config = loadConfig(stringsOf(env));
    const core = { store: d1Store(env.DB), clock: systemClock(), ids: randomIds(), t: translate, blobs: r2BlobStore(env.BLOBS) };
    return createApp({ core, demo: config.DEMO, publicUrl: config.PUBLIC_URL }).fetch(request);
  },
};
