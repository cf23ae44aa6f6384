import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { DECLINE_REASON_MODAL, REASON_BLOCK, REASON_INPUT, REJECT_REASON_MODAL } from './ids.ts';
import { viewProblems } from './limits.ts';
import { readReasonSubmission, reasonErrors, reasonModal } from './modals.ts';
import type { InputBlock } from './types.ts';

const t = createTranslator();
const submitted = (view: ReturnType<typeof reasonModal>, value: unknown) => ({
  callback_id: view.callback_id,
  private_metadata: view.private_metadata,
  state: { values: { [REASON_BLOCK]: { [REASON_INPUT]: { type: 'plain_text_input', value } } } },
});

describe('reasonModal', () => {
  it('asks for one required multiline reason of at most 500 characters', () => {
    const v = reasonModal(t, { kind: 'decline_reschedule', id: 'apt_1', privateMetadata: '{"channel":"C1","ts":"1.2"}' });
    expect(viewProblems(v)).toEqual([]);
    expect(v.callback_id).toBe(DECLINE_REASON_MODAL);
    expect(v.title.text).toBe('Decline the new time');
    expect(v.submit?.text).toBe('Decline');
    expect(v.close?.text).toBe('Cancel');
    const input = v.blocks.find((b): b is InputBlock => b.type === 'input');
    expect(input).toMatchObject({ block_id: REASON_BLOCK, element: { type: 'plain_text_input', action_id: REASON_INPUT, multiline: true, max_length: 500 } });
    expect(input?.optional).toBeUndefined();
    expect(input?.hint?.text).toContain('lock screen');
  });

  it('names the client when given, escaped, and has its own texts for a file', () => {
    const v = reasonModal(t, { kind: 'reject_document', id: 'doc_1', privateMetadata: '', clientName: 'Ana <!here>' });
    expect(viewProblems(v)).toEqual([]);
    expect(v.callback_id).toBe(REJECT_REASON_MODAL);
    expect(v.title.text).toBe('Reject the file');
    expect(v.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: expect.stringContaining('Ana &lt;!here&gt; will be asked') } });
  });

  it('reads a submission back: the kind, the id, the caller metadata and the trimmed reason', () => {
    const v = reasonModal(t, { kind: 'reject_document', id: 'doc_1', privateMetadata: 'card:C1:1.2' });
    expect(readReasonSubmission(submitted(v, '  Blurry photo  '))).toEqual({ kind: 'reject_document', id: 'doc_1', privateMetadata: 'card:C1:1.2', reason: 'Blurry photo' });
    expect(readReasonSubmission(submitted(v, '   '))?.reason).toBeNull();
    expect(readReasonSubmission(submitted(v, 'x'.repeat(501)))?.reason).toBeNull();
    expect(readReasonSubmission(submitted(v, null))?.reason).toBeNull();
  });

  it('reads nothing from a view that is not one of its modals', () => {
    const v = reasonModal(t, { kind: 'decline_reschedule', id: 'apt_1', privateMetadata: '' });
    expect(readReasonSubmission({ ...submitted(v, 'r'), callback_id: 'other' })).toBeNull();
    expect(readReasonSubmission({ ...submitted(v, 'r'), private_metadata: 'not json' })).toBeNull();
    expect(readReasonSubmission({ ...submitted(v, 'r'), private_metadata: '{"meta":""}' })).toBeNull();
  });

  it('refuses metadata Slack would not keep, and answers a blank reason with an error under the input', () => {
    expect(() => reasonModal(t, { kind: 'decline_reschedule', id: 'a', privateMetadata: 'x'.repeat(3000) })).toThrow(/private_metadata/);
    expect(reasonErrors(t)).toEqual({ response_action: 'errors', errors: { [REASON_BLOCK]: 'Please write a reason for the client.' } });
  });
});
