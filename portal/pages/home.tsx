import type { FC, PropsWithChildren } from 'hono/jsx';
import { intlLocale } from '../../src/domain/locale.ts';
import type { HomeSummary } from '../../src/usecases/home/get-home-summary.ts';
import { Notice } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';
import { StatusBadge, span, withWhom } from './appointments-parts.tsx';

const K = 'portal.home';

const Card: FC<PropsWithChildren<{ id: string; title: string }>> = ({ id, title, children }) => (
  <li class="card">
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  </li>
);

const Appointment: FC<{ v: View; s: HomeSummary }> = ({ v, s }) => {
  const a = s.nextAppointment;
  if (!a) {
    return (
      <Card id="next-appointment" title={v.t(`${K}.appointment_heading`)}>
        <p>{v.t(`${K}.appointment_none`)}</p>
        <p>
          <a href="/appointments">{v.t(`${K}.appointments_all`)}</a>
        </p>
      </Card>
    );
  }
  const who = withWhom(v, a);
  return (
    <Card id="next-appointment" title={v.t(`${K}.appointment_heading`)}>
      <p>
        <strong>{a.kind}</strong> <StatusBadge v={v} a={a} />
      </p>
      <p>{span(v, a)}</p>
      {who ? <p class="meta">{who}</p> : null}
      {a.location ? <p class="meta">{a.location}</p> : null}
      <p class="actions">
        <a href={`/appointments/${encodeURIComponent(a.id)}`}>{v.t(`${K}.appointment_open`)}</a>
        <a href="/appointments">{v.t(`${K}.appointments_all`)}</a>
      </p>
    </Card>
  );
};

const Session: FC<{ v: View; s: HomeSummary }> = ({ v, s }) => {
  const n = s.nextSession;
  return (
    <Card id="next-class" title={v.t(`${K}.class_heading`)}>
      {n ? (
        <>
          <p>
            <strong>{n.title}</strong>
          </p>
          <p>{v.when(n.startsAt)}</p>
          {n.location ? <p class="meta">{n.location}</p> : null}
          {n.rsvp ? <p class="meta">{v.t(`${K}.class_rsvp_${n.rsvp}`)}</p> : null}
        </>
      ) : (
        <p>{v.t(`${K}.class_none`)}</p>
      )}
      <p>
        <a href="/classes">{v.t(`${K}.class_open`)}</a>
      </p>
    </Card>
  );
};

const Documents: FC<{ v: View; s: HomeSummary }> = ({ v, s }) => (
  <Card id="documents" title={v.t(`${K}.documents_heading`)}>
    {s.openRequests.length === 0 ? (
      <p>{v.t(`${K}.documents_none`)}</p>
    ) : (
      <ul>
        {s.openRequests.map((r) => (
          <li>
            <strong>{r.kind}</strong>
            {' · '}
            {r.dueAt === null ? v.t(`${K}.document_no_due`) : v.t(`${K}.document_due`, { date: v.date(r.dueAt) })}
            {r.overdue ? (
              <>
                {' '}
                <span class="badge warn">{v.t(`${K}.document_overdue`)}</span>
              </>
            ) : null}
            {r.status === 'rejected' ? (
              <p class="meta">
                {r.rejectionReason ? v.t(`${K}.document_rejected`, { reason: r.rejectionReason }) : v.t(`${K}.document_rejected_plain`)}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    )}
    <p>
      <a href="/documents">{v.t(`${K}.documents_open`)}</a>
    </p>
  </Card>
);

const Messages: FC<{ v: View; s: HomeSummary }> = ({ v, s }) => (
  <Card id="messages" title={v.t(`${K}.messages_heading`)}>
    <p>
      {s.unreadMessages > 0 ? (
        <strong>{v.t(`${K}.messages_unread`, { number: new Intl.NumberFormat(intlLocale(v.lng)).format(s.unreadMessages) })}</strong>
      ) : (
        v.t(`${K}.messages_none`)
      )}
    </p>
    <p>
      <a href="/messages">{v.t(`${K}.messages_open`)}</a>
    </p>
  </Card>
);

/** The first page after sign-in: what is next, what is asked of the client, what is new (and that messages are paused, if they are). */
export const HomePage: FC<{ v: View; summary: HomeSummary; pausedAt?: number | null }> = ({ v, summary, pausedAt }) => (
  <Layout v={v} title={v.clientName ? v.t(`${K}.title`, { name: v.clientName }) : v.t(`${K}.title_plain`)}>
    {pausedAt != null ? (
      <Notice kind="info">
        {v.t('portal.settings.paused_home', { when: v.when(pausedAt) })} <a href="/settings#paused-banner">{v.t('portal.settings.paused_home_link')}</a>
      </Notice>
    ) : null}
    <p>{v.t(`${K}.intro`)}</p>
    <ul class="cards">
      <Appointment v={v} s={summary} />
      <Session v={v} s={summary} />
      <Documents v={v} s={summary} />
      <Messages v={v} s={summary} />
    </ul>
  </Layout>
);
