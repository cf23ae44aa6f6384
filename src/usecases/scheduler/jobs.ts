// Every job the scheduler runs, in order: crisis escalations first (a life may depend on them),
// then reminders, then follow-ups and digests.
import type { SchedulerJob } from './job.ts';
import { FOLLOWUP_JOBS } from './followups/jobs.ts';
import { appointmentReminders } from './reminders/appointment-reminders.ts';
import { documentReminders } from './reminders/document-reminders.ts';
import { sessionReminders } from './reminders/session-reminders.ts';
import { crisisEscalationJob } from '../crisis/escalate-crises.ts';

export const SCHEDULER_JOBS: readonly SchedulerJob[] = [
  crisisEscalationJob,
  appointmentReminders,
  sessionReminders,
  documentReminders,
  ...FOLLOWUP_JOBS,
];
