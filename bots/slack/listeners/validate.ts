// Checked before Slack closes a reason modal: a blank reason keeps the modal open with the error
// under its input (the only work done inside Slack's 3 seconds besides storing the payload).
import type { Translate } from '../../../src/ports/translator.ts';
import { readReasonSubmission, reasonErrors } from '../views/modals.ts';
import { obj } from './env.ts';

export const validateSubmission = (t: Translate) => (payload: Record<string, unknown>) => {
  const submitted = readReasonSubmission(obj(payload.view));
  return submitted && submitted.reason === null ? reasonErrors(t) : null;
};
