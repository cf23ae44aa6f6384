import type { FC } from 'hono/jsx';
import type { AppointmentList } from '../../src/usecases/appointments/list-appointments.ts';
import type { AppointmentView } from '../../src/usecases/appointments/view.ts';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';
import { DoneNotice, StatusBadge, span, withWhom, zoneName } from './appointments-parts.tsx';

const Card: FC<{ v: View; a: AppointmentView }> = ({ v, a }) => {
  const who = withWhom(v, a);
  return (
    <li class="card">
      <h3>
        <a href={`/appointments/${encodeURIComponent(a.id)}`}>{a.kind}</a>
      </h3>
      <p>{span(v, a)}</p>
      {who ? <p class="meta">{who}</p> : null}
      <p>
        <StatusBadge v={v} a={a} />
      </p>
    </li>
  );
};

const Section: FC<{ v: View; id: string; title: string; empty: string; items: AppointmentView[] }> = ({ v, id, title, empty, items }) => (
  <section aria-labelledby={id}>
    <h2 id={id}>{title}</h2>
    {items.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <ul class="cards">
        {items.map((a) => (
          <Card v={v} a={a} />
        ))}
      </ul>
    )}
  </section>
);

/** Upcoming appointments (soonest first), then past ones (most recent first). */
export const AppointmentsPage: FC<{ v: View; list: AppointmentList; now: number; done?: string | undefined }> = ({ v, list, now, done }) => (
  <Layout v={v} title={v.t('portal.appointments.title')}>
    <DoneNotice v={v} done={done} />
    <p class="meta">{v.t('portal.appointments.time_zone', { zone: zoneName(v, now) })}</p>
    <Section v={v} id="upcoming" title={v.t('portal.appointments.upcoming')} empty={v.t('portal.appointments.none_upcoming')} items={list.upcoming} />
    <Section v={v} id="past" title={v.t('portal.appointments.past')} empty={v.t('portal.appointments.none_past')} items={list.past} />
  </Layout>
);
