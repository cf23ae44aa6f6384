import type { FC } from 'hono/jsx';
import { canCancel, canConfirm } from '../../src/domain/appointment-rules.ts';
import { MINUTE } from '../../src/domain/time.ts';
import type { AppointmentView } from '../../src/usecases/appointments/view.ts';
import { Notice, PostForm } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';
import { DoneNotice, StatusBadge, minutes, span, withWhom, zoneName } from './appointments-parts.tsx';

const CHANGEABLE: AppointmentView['status'][] = ['scheduled', 'confirmed', 'rescheduled'];

/** What the client may do with this appointment now. */
const actionsOf = (a: AppointmentView, now: number) => ({
  confirm: canConfirm(a, now),
  reschedule: CHANGEABLE.includes(a.status) && a.startsAt > now,
  cancel: canCancel(a, now),
  calendar: a.status !== 'cancelled' && a.startsAt + a.durationMinutes * MINUTE > now,
});

const Facts: FC<{ v: View; a: AppointmentView; now: number }> = ({ v, a, now }) => {
  const who = withWhom(v, a, true);
  const video = a.videoUrl?.startsWith('https://') ? a.videoUrl : null;
  return (
    <dl class="facts">
      <dt>{v.t('portal.appointments.status_label')}</dt>
      <dd>
        <StatusBadge v={v} a={a} />
      </dd>
      <dt>{v.t('portal.appointments.when')}</dt>
      <dd>
        {span(v, a)}
        <br />
        <span class="meta">{v.t('portal.appointments.time_zone', { zone: zoneName(v, now) })}</span>
      </dd>
      <dt>{v.t('portal.appointments.how_long')}</dt>
      <dd>{minutes(v, a.durationMinutes)}</dd>
      {a.location ? (
        <>
          <dt>{v.t('portal.appointments.where')}</dt>
          <dd>{a.location}</dd>
        </>
      ) : null}
      {video ? (
        <>
          <dt>{v.t('portal.appointments.video')}</dt>
          <dd>
            <a href={video} rel="noreferrer">
              {v.t('portal.appointments.join_video')}
            </a>
          </dd>
        </>
      ) : null}
      {who ? (
        <>
          <dt>{v.t('portal.appointments.with')}</dt>
          <dd>
            {who}
            {a.with?.type === 'provider' && a.with.address ? (
              <>
                <br />
                {a.with.address}
              </>
            ) : null}
          </dd>
        </>
      ) : null}
      {a.whatToBring ? (
        <>
          <dt>{v.t('portal.appointments.what_to_bring')}</dt>
          <dd>{a.whatToBring}</dd>
        </>
      ) : null}
      {a.status === 'cancelled' && a.cancelReason ? (
        <>
          <dt>{v.t('portal.appointments.cancel_reason')}</dt>
          <dd>{a.cancelReason}</dd>
        </>
      ) : null}
    </dl>
  );
};

const Actions: FC<{ v: View; a: AppointmentView; now: number }> = ({ v, a, now }) => {
  const can = actionsOf(a, now);
  if (!can.confirm && !can.reschedule && !can.cancel && !can.calendar) return null;
  const base = `/appointments/${encodeURIComponent(a.id)}`;
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">{v.t('portal.appointments.actions')}</h2>
      <div class="actions">
        {can.confirm ? (
          <PostForm v={v} action={`${base}/confirm`}>
            <button type="submit">{v.t('portal.appointments.confirm')}</button>
          </PostForm>
        ) : null}
        {can.reschedule ? (
          <a class="button secondary" href={`${base}/reschedule`}>
            {v.t('portal.appointments.reschedule_link')}
          </a>
        ) : null}
        {can.cancel ? (
          <a class="button secondary" href={`${base}/cancel`}>
            {v.t('portal.appointments.cancel_link')}
          </a>
        ) : null}
        {can.calendar ? (
          <a class="button secondary" href={`${base}/calendar.ics`} download="appointment.ics">
            {v.t('portal.appointments.calendar_link')}
          </a>
        ) : null}
      </div>
    </section>
  );
};

/** One appointment: what, when, how long, where, with whom, what to bring, and what can be done. */
export const AppointmentPage: FC<{ v: View; a: AppointmentView; now: number; done?: string | undefined; error?: string | undefined }> = ({
  v,
  a,
  now,
  done,
  error,
}) => (
  <Layout v={v} title={a.kind}>
    <DoneNotice v={v} done={done} />
    {error ? <Notice kind="error">{error}</Notice> : null}
    {a.status === 'reschedule_requested' && a.requestedStartsAt ? (
      <Notice kind="info">{v.t('portal.appointments.requested_time', { when: v.when(a.requestedStartsAt) })}</Notice>
    ) : null}
    {a.status === 'rescheduled' && canConfirm(a, now) ? <Notice kind="info">{v.t('portal.appointments.new_time')}</Notice> : null}
    <Facts v={v} a={a} now={now} />
    <Actions v={v} a={a} now={now} />
    <p>
      <a href="/appointments">{v.t('portal.appointments.back')}</a>
    </p>
  </Layout>
);
