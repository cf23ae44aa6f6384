import type { Millis } from '../../domain/types.ts';
import { deliverAllDue } from '../../usecases/outbox/deliver-outbox.ts';
import { runScheduler } from '../../usecases/scheduler/run-scheduler.ts';
import { devSender } from '../../senders/dev-sender.ts';
import { EXIT, type CommandContext } from '../command.ts';

export interface TickOptions {
  /** the moment to run at (ms); now when not given */
  at: number | undefined;
  /** or: this long from now */
  ahead?: number | undefined;
  /** demo mode with no real channel: what is due is "delivered" to the dev outbox at that moment */
  deliverToDevOutbox: boolean;
  maxAttempts: number;
}

/** Moving the clock ahead: the scheduler runs every this often in between, as it would have. */
export const TICK_STEP = 15 * 60_000;
/** At most this far ahead in one command (a month of steps runs in seconds on demo data). */
const MAX_AHEAD = 31 * 24 * 3_600_000;

/**
 * `tick [--at ISO | --at +36h]`: runs the scheduler as the server does every minute. With a moment
 * in the future (demo data only) the clock is moved there in 15-minute steps — within every
 * reminder's grace, so nothing due on the way is missed — and at each step what became due is
 * "delivered" to the dev outbox (/dev/outbox) at that step's time. A moment in the past is one run.
 */
export const tickCommand = async (ctx: CommandContext, opts: TickOptions): Promise<number> => {
  // Another moment than now would act on real clients as if it were that moment (appointments
  // marked missed, crisis alerts escalated, reminders recorded late): only on demo data.
  if ((opts.at !== undefined || opts.ahead !== undefined) && !opts.deliverToDevOutbox) {
    ctx.io.err(ctx.say('cli.tick_at_demo_only'));
    return EXIT.usage;
  }
  const now = ctx.deps.clock.now();
  const target = opts.ahead !== undefined ? now + opts.ahead : (opts.at ?? now);
  if (target - now > MAX_AHEAD) {
    ctx.io.err(ctx.say('cli.tick_too_far'));
    return EXIT.usage;
  }
  const moments: Millis[] = [];
  for (let m = now + TICK_STEP; m < target; m += TICK_STEP) moments.push(m);
  moments.push(target);

  const done: Record<string, number> = {};
  let failed = 0;
  let shown = 0;
  const dev = devSender(ctx.deps);
  for (const at of moments) {
    const report = await runScheduler(ctx.deps, at);
    for (const [job, n] of Object.entries(report.done)) done[job] = (done[job] ?? 0) + n;
    for (const f of report.failed) ctx.io.err(ctx.say('cli.tick_job_failed', { job: f.job, agency: f.agencyId, error: f.error }));
    failed += report.failed.length;
    if (opts.deliverToDevOutbox) shown += await deliverAllDue({ ...ctx.deps, maxAttempts: opts.maxAttempts, senderFor: () => dev }, at);
  }
  for (const [job, n] of Object.entries(done)) ctx.io.out(ctx.say('cli.tick_job', { job, count: n }));
  if (opts.deliverToDevOutbox) ctx.io.out(ctx.say('cli.tick_delivered', { count: shown, at: new Date(target).toISOString() }));
  return failed > 0 ? EXIT.failed : EXIT.ok;
};
