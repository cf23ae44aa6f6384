import { sql } from 'drizzle-orm';
import type { Store } from '../ports/store.ts';
import { makeCommit } from './commit.ts';
import { appointmentRepo } from './repos/appointments.ts';
import { authRepos } from './repos/auth.ts';
import { classRepo } from './repos/classes.ts';
import { deliveryLogRepo } from './repos/delivery-log.ts';
import { conversationStateRepo, inboxRepo } from './repos/inbox.ts';
import { smsOptOutRepo } from './repos/sms.ts';
import { reminderRepo } from './repos/reminders.ts';
import { followupScanRepo } from './repos/followup-scan.ts';
import { reminderScanRepo } from './repos/reminder-scan.ts';
import { crisisRepo } from './repos/crisis.ts';
import { documentRepo } from './repos/documents.ts';
import { conversationRepo, messageRepo } from './repos/messaging.ts';
import { auditRepo, devOutboxRepo, inboundRepo, outboxRepo } from './repos/outbox.ts';
import { agencyRepo, availabilityRepo, channelRepo, clientRepo, providerRepo, staffRepo } from './repos/people.ts';
import type { Db, RunBatch } from './types.ts';

/** The Store port over any async drizzle SQLite database (libsql on Node, D1 on Workers). */
export const createStore = (db: Db, runBatch: RunBatch): Store => ({
  agencies: agencyRepo(db),
  staff: staffRepo(db),
  clients: clientRepo(db),
  channels: channelRepo(db),
  providers: providerRepo(db),
  availability: availabilityRepo(db),
  appointments: appointmentRepo(db),
  classes: classRepo(db),
  documents: documentRepo(db),
  conversations: conversationRepo(db),
  messages: messageRepo(db),
  outbox: outboxRepo(db),
  inbound: inboundRepo(db),
  audit: auditRepo(db),
  devOutbox: devOutboxRepo(db),
  deliveries: deliveryLogRepo(db),
  inbox: inboxRepo(db),
  states: conversationStateRepo(db),
  smsOptOuts: smsOptOutRepo(db),
  reminders: reminderRepo(db),
  followupScan: followupScanRepo(db),
  reminderScan: reminderScanRepo(db),
  crisis: crisisRepo(db),
  ...authRepos(db),
  commit: makeCommit(runBatch),
  async ping() {
    await db.run(sql`SELECT 1`);
  },
});
