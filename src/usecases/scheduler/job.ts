// One kind of work the scheduler does each minute (reminders, follow-ups, digests, escalations).
import type { AgencySettings } from '../../domain/settings.ts';
import type { Agency, Millis } from '../../domain/types.ts';
import type { CoreDeps } from '../shared/deps.ts';

export interface JobContext {
  agency: Agency;
  settings: AgencySettings;
  /** the scheduler's "now", floored to the minute: jobs never read the clock themselves */
  now: Millis;
}

export interface SchedulerJob {
  /** short and stable: it names the job in logs and in the tick's report */
  name: string;
  /**
   * Does what is due at `now` for one agency and answers how many things it queued or recorded.
   * Must be safe to run twice at once and to run again after a crash midway: every effect is
   * written once per (subject, moment, channel) under a unique key, in the commit that queues it.
   */
  run(deps: CoreDeps, ctx: JobContext): Promise<number>;
}
