// The scheduler: every job, for every agency, at one moment. The Node server calls it every
// minute, the Worker from its Cron Trigger, the CLI's `tick --at` with any moment, and the tests
// with a clock they move: the same use case everywhere.
import { parseAgencySettings } from '../../domain/settings.ts';
import type { Millis } from '../../domain/types.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { safeError } from '../shared/safe-error.ts';
import { floorMinute } from '../../domain/quiet-hours.ts';
import type { SchedulerJob } from './job.ts';
import { SCHEDULER_JOBS } from './jobs.ts';

export interface TickReport {
  /** per job, how many things it queued or recorded */
  done: Record<string, number>;
  /** per job that failed for an agency: the error's name (never its message: it may hold client data) */
  failed: { job: string; agencyId: string; error: string }[];
}

/**
 * Runs every job for every agency at `at`. One job failing does not stop the others; it is
 * reported and runs again at the next tick, which is safe because every job is idempotent.
 */
export const runScheduler = async (deps: CoreDeps, at: Millis, jobs: readonly SchedulerJob[] = SCHEDULER_JOBS): Promise<TickReport> => {
  const now = floorMinute(at);
  const report: TickReport = { done: Object.fromEntries(jobs.map((j) => [j.name, 0])), failed: [] };
  for (const agency of await deps.store.agencies.list()) {
    const settings = parseAgencySettings(agency.settings);
    for (const job of jobs) {
      try {
        report.done[job.name] = (report.done[job.name] ?? 0) + (await job.run(deps, { agency, settings, now }));
      } catch (e) {
        report.failed.push({ job: job.name, agencyId: agency.id, error: safeError(e) });
      }
    }
  }
  if (Object.values(report.done).some((n) => n > 0)) deps.onOutbox?.();
  return report;
};
