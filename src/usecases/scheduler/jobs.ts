// Every job the scheduler runs, in order: crisis escalations first (a life may depend on them),
// then reminders, then follow-ups and digests.
import type { SchedulerJob } from './job.ts';

export const SCHEDULER_JOBS: readonly SchedulerJob[] = [
];
