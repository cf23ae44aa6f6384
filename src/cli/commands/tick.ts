import { deliverDue } from '../../usecases/outbox/deliver-outbox.ts';
import { runScheduler } from '../../usecases/scheduler/run-scheduler.ts';
import { devSender } from '../../senders/dev-sender.ts';
import { EXIT, type CommandContext } from '../command.ts';

export interface TickOptions {
  /** the moment to run at (ms); now when not given */
  at: number | undefined;
  /** demo mode with no real channel: what is due is "delivered" to the dev outbox at that moment */
  deliverToDevOutbox: boolean;
  maxAttempts: number;
}

/**
 * `tick [--at ISO]`: runs the scheduler once at a moment, as the server does every minute — how an
 * agency (or the demo) sees which reminders and follow-ups a given moment brings. In the demo
 * with no real channel set up, what became due is then shown in the dev outbox (/dev/outbox).
 */
export const tickCommand = async (ctx: CommandContext, opts: TickOptions): Promise<number> => {
  // Another moment than now would act on real clients as if it were that moment (appointments
  // marked missed, crisis alerts escalated, reminders recorded late): only on demo data.
  if (opts.at !== undefined && !opts.deliverToDevOutbox) {
    ctx.io.err(ctx.say('cli.tick_at_demo_only'));
    return EXIT.usage;
  }
  const at = opts.at ?? ctx.deps.clock.now();
  const report = await runScheduler(ctx.deps, at);
  for (const [job, n] of Object.entries(report.done)) ctx.io.out(ctx.say('cli.tick_job', { job, count: n }));
  for (const f of report.failed) ctx.io.err(ctx.say('cli.tick_job_failed', { job: f.job, agency: f.agencyId, error: f.error }));
  if (opts.deliverToDevOutbox) {
    const dev = devSender(ctx.deps);
    let shown = 0;
    for (let i = 0; i < 1000; i++) {
      const c = await deliverDue({ ...ctx.deps, maxAttempts: opts.maxAttempts, senderFor: () => dev }, at);
      shown += c.sent;
      if (c.sent + c.retried + c.dead + c.cancelled + c.deferred === 0) break;
    }
    ctx.io.out(ctx.say('cli.tick_delivered', { count: shown, at: new Date(at).toISOString() }));
  }
  return report.failed.length > 0 ? EXIT.failed : EXIT.ok;
};
