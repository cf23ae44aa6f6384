// Cloudflare Workers entry: builds the dependencies from the Worker's bindings, per request or
// per cron event, and serves the same Hono app as Node. The Cron Trigger (every minute, see
// wrangler.toml) runs the same scheduler use case as the Node server's in-process loop. (The
// queue handler for outbound delivery comes with the Workers issue.)
import type { D1Database, ExecutionContext, R2Bucket, ScheduledController } from '@cloudflare/workers-types';
import { loadConfig } from '../config/load.ts';
import { d1Store } from '../db/d1.ts';
import { createApp } from '../http/app.ts';
import { createTranslator } from '../i18n/translator.ts';
import { r2BlobStore } from '../runtime/r2-blob-store.ts';
import { randomIds } from '../runtime/random-ids.ts';
import { systemClock } from '../runtime/system-clock.ts';
import type { CoreDeps } from '../usecases/shared/deps.ts';
import { runScheduler, type TickReport } from '../usecases/scheduler/run-scheduler.ts';

export interface Env {
  DB: D1Database;
  BLOBS: R2Bucket;
  [name: string]: unknown;
}

const translate = createTranslator();

const stringsOf = (env: Env): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));

const coreOf = (env: Env): CoreDeps => ({ store: d1Store(env.DB), clock: systemClock(), ids: randomIds(), t: translate, blobs: r2BlobStore(env.BLOBS) });

/** One scheduler run at the cron event's own time; failures are logged by job and agency, never with client data. */
export const runScheduled = async (env: Env, scheduledTime: number): Promise<TickReport> => {
  const report = await runScheduler(coreOf(env), scheduledTime);
  for (const f of report.failed) console.error(translate('en', 'server.scheduler_job_failed', { job: f.job, agency: f.agencyId }), f.error);
  return report;
};

export default {
  async fetch(request: Request, env: Env, _ctx: ExecutionContext): Promise<Response> {
    const config = loadConfig(stringsOf(env));
    return createApp({ core: coreOf(env), demo: config.DEMO, publicUrl: config.PUBLIC_URL }).fetch(request);
  },
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    ctx.waitUntil(runScheduled(env, controller.scheduledTime).then(() => undefined));
  },
};
