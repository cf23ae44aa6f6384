// The follow-up jobs, in the order they run: a missed appointment before the day's messages about
// it, then the nudges, the unreachable flags, the morning digest (which lists all of these) and
// the class summaries.
import type { SchedulerJob } from '../job.ts';
import { attendanceSummariesJob } from './attendance-summaries.ts';
import { dailyDigestJob } from './daily-digest.ts';
import { missedAppointmentsJob } from './missed-appointments.ts';
import { unansweredMessagesJob } from './unanswered-messages.ts';
import { unreachableNumbersJob } from './unreachable-numbers.ts';

export const FOLLOWUP_JOBS: readonly SchedulerJob[] = [
  missedAppointmentsJob,
  unansweredMessagesJob,
  unreachableNumbersJob,
  dailyDigestJob,
  attendanceSummariesJob,
];
