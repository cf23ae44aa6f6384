import type { FC } from 'hono/jsx';
import type { AppointmentView } from '../../src/usecases/appointments/view.ts';
import { Notice, PostForm } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';
import { minutes, span } from './appointments-parts.tsx';

/** Slots grouped by the day they fall on in the client's zone, in order. */
const byDay = (v: View, slots: number[]): { day: string; slots: number[] }[] => {
  const days: { day: string; slots: number[] }[] = [];
  for (const s of slots) {
    const day = v.date(s);
    const last = days[days.length - 1];
    if (last && last.day === day) last.slots.push(s);
    else days.push({ day, slots: [s] });
  }
  return days;
};

const SlotChoice: FC<{ v: View; slots: number[]; durationMinutes: number; selected?: number | undefined; error?: string | undefined }> = ({
  v,
  slots,
  durationMinutes,
  selected,
  error,
}) => (
  <fieldset
    id="slot"
    role="radiogroup"
    aria-invalid={error ? 'true' : undefined}
    aria-describedby={error ? 'slot-hint slot-error' : 'slot-hint'}
  >
    <legend>{v.t('portal.appointments.reschedule.legend')}</legend>
    <p class="hint" id="slot-hint">
      {v.t('portal.appointments.reschedule.hint', { length: minutes(v, durationMinutes) })}
    </p>
    {error ? (
      <p class="error" id="slot-error">
        {error}
      </p>
    ) : null}
    {byDay(v, slots).map((d) => (
      <fieldset>
        <legend>{d.day}</legend>
        {d.slots.map((s) => (
          <div class="choice">
            <input type="radio" id={`slot-${s}`} name="slot" value={String(s)} required checked={s === selected} />
            <label for={`slot-${s}`}>{v.time(s)}</label>
          </div>
        ))}
      </fieldset>
    ))}
  </fieldset>
);

/**
 * Moving an appointment: the times on offer as one radio group, or why it cannot be moved here
 * and a way to ask the caseworker instead.
 */
export const ReschedulePage: FC<{
  v: View;
  a: AppointmentView;
  offer: { slots: number[]; durationMinutes: number } | null;
  refusal?: string | undefined;
  error?: string | undefined;
  selected?: number | undefined;
}> = ({ v, a, offer, refusal, error, selected }) => {
  const base = `/appointments/${encodeURIComponent(a.id)}`;
  return (
    <Layout v={v} title={v.t('portal.appointments.reschedule.title')}>
      <p>{v.t('portal.appointments.reschedule.current', { when: span(v, a) })}</p>
      {offer ? (
        <>
          <p>{v.t('portal.appointments.reschedule.intro')}</p>
          <PostForm v={v} action={`${base}/reschedule`}>
            <SlotChoice v={v} slots={offer.slots} durationMinutes={offer.durationMinutes} selected={selected} error={error} />
            <div class="actions">
              <button type="submit">{v.t('portal.appointments.reschedule.submit')}</button>
            </div>
          </PostForm>
        </>
      ) : (
        <>
          <Notice kind="info">{refusal}</Notice>
          <p>
            <a class="button" href="/messages">
              {v.t('portal.appointments.message_caseworker')}
            </a>
          </p>
        </>
      )}
      <p>
        <a href={base}>{v.t('portal.appointments.back_to_appointment')}</a>
      </p>
    </Layout>
  );
};
