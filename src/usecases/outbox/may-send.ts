// The last check before a message leaves, made at send time (a client may have opted out after
// it was queued). Issue 7's safety rules (pause word, unsafe channels, quiet hours) join here.
import type { OutboxItem } from '../../domain/types.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { mayText } from '../sms/opt-out.ts';

/** The one text an opted-out number still gets: the confirmation of its STOP. */
export const STOP_CONFIRMATION = 'sms.stopped';
/** Carriers expect HELP to be answered even after STOP: who is texting, and how to stop. */
const ALWAYS_ALLOWED = new Set([STOP_CONFIRMATION, 'sms.help', 'sms.help_neutral']);

/** Null when the row may go; else why not (the row is given up with that reason). */
export const whyNotSend = async (deps: Pick<CoreDeps, 'store'>, row: OutboxItem): Promise<string | null> => {
  if (row.channel === 'sms' && !ALWAYS_ALLOWED.has(row.template) && !(await mayText(deps, { agencyId: row.agencyId }, row.toAddress))) {
    return 'sms_opted_out';
  }
  return null;
};
