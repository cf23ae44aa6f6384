import type { FC } from 'hono/jsx';
import type { AppointmentView } from '../../src/usecases/appointments/view.ts';
import { Field, Notice, PostForm, describedBy } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';
import { span } from './appointments-parts.tsx';

export const REASON_MAX = 500;

/** Cancelling, with a reason the caseworker will read; or why it can no longer be cancelled. */
export const CancelPage: FC<{
  v: View;
  a: AppointmentView;
  reason?: string | undefined;
  error?: string | undefined;
  refusal?: string | undefined;
}> = ({ v, a, reason, error, refusal }) => {
  const base = `/appointments/${encodeURIComponent(a.id)}`;
  const hint = v.t('portal.appointments.cancel.reason_hint', { max: REASON_MAX });
  return (
    <Layout v={v} title={v.t('portal.appointments.cancel.title')}>
      <p>{v.t('portal.appointments.cancel.which', { kind: a.kind, when: span(v, a) })}</p>
      {refusal ? (
        <Notice kind="error">{refusal}</Notice>
      ) : (
        <PostForm v={v} action={`${base}/cancel`}>
          <p>{v.t('portal.appointments.cancel.intro')}</p>
          <Field id="reason" label={v.t('portal.appointments.cancel.reason_label')} hint={hint} error={error}>
            <textarea
              id="reason"
              name="reason"
              required
              maxlength={REASON_MAX}
              rows={4}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={describedBy('reason', hint, error)}
            >
              {reason ?? ''}
            </textarea>
          </Field>
          <div class="actions">
            <button type="submit" class="danger">
              {v.t('portal.appointments.cancel.submit')}
            </button>
            <a class="button secondary" href={base}>
              {v.t('portal.appointments.cancel.keep')}
            </a>
          </div>
        </PostForm>
      )}
      {refusal ? (
        <p>
          <a href={base}>{v.t('portal.appointments.back_to_appointment')}</a>
        </p>
      ) : null}
    </Layout>
  );
};
