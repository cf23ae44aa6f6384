import type { FC } from 'hono/jsx';
import type { AttendanceRecord, ClassRecord, SessionRecord } from '../../src/usecases/classes/attendance-record.ts';
import { Notice } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';

const K = 'portal.classes.record';

const rsvpText = (v: View, s: SessionRecord): string => {
  if (!s.rsvp) return v.t(`${K}.rsvp_none`);
  const answer = v.t(s.rsvp === 'yes' ? `${K}.rsvp_yes` : `${K}.rsvp_no`);
  return s.rsvpAt != null ? `${answer} (${v.date(s.rsvpAt)})` : answer;
};

const checkinText = (v: View, s: SessionRecord): string => {
  if (s.checkedInAt == null) return v.t(`${K}.checkin_none`);
  return v.t(s.checkinMethod === 'staff' ? `${K}.checkin_staff` : `${K}.checkin_code`, { time: v.time(s.checkedInAt) });
};

const markText = (v: View, s: SessionRecord): string =>
  v.t(s.staffMark === 'attended' ? `${K}.mark_attended` : s.staffMark === 'absent' ? `${K}.mark_absent` : `${K}.mark_none`);

const ClassTable: FC<{ v: View; c: ClassRecord }> = ({ v, c }) => (
  <section>
    <h2>{c.title}</h2>
    <p class="meta">{v.t(`${K}.enrollment.${c.enrollment}`)}</p>
    {c.sessions.length === 0 ? (
      <p>{v.t(`${K}.no_sessions`)}</p>
    ) : (
      <>
        <div class="scroll" tabindex={0} role="region" aria-label={c.title}>
          <table>
            <caption class="visually-hidden">{c.title}</caption>
            <thead>
              <tr>
                <th scope="col">{v.t(`${K}.session`)}</th>
                <th scope="col">{v.t(`${K}.rsvp`)}</th>
                <th scope="col">{v.t(`${K}.checkin`)}</th>
                <th scope="col">{v.t(`${K}.staff_mark`)}</th>
                <th scope="col">{v.t(`${K}.outcome`)}</th>
              </tr>
            </thead>
            <tbody>
              {c.sessions.map((s) => (
                <tr>
                  <th scope="row">{`${v.date(s.startsAt)}, ${v.time(s.startsAt)}`}</th>
                  <td>{rsvpText(v, s)}</td>
                  <td>{checkinText(v, s)}</td>
                  <td>{markText(v, s)}</td>
                  <td>
                    <strong>{v.t(`${K}.outcome_${s.outcome}`)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{v.t(`${K}.totals`, c.totals)}</p>
      </>
    )}
  </section>
);

/** The attendance record as a court or an employer reads it, clean on paper. */
export const RecordPage: FC<{ v: View; record: AttendanceRecord }> = ({ v, record }) => (
  <Layout v={v} title={v.t(`${K}.title`)}>
    <dl class="facts">
      <dt>{v.t(`${K}.name`)}</dt>
      <dd>{record.clientName}</dd>
      <dt>{v.t(`${K}.date`)}</dt>
      <dd>{`${v.date(record.asOf)}, ${v.time(record.asOf)}`}</dd>
      <dt>{v.t(`${K}.time_zone`)}</dt>
      <dd>{record.timeZone}</dd>
    </dl>
    <div class="no-print">
      <Notice kind="info">{v.t(`${K}.print_hint`)}</Notice>
    </div>
    {record.classes.length === 0 ? <p>{v.t(`${K}.none`)}</p> : record.classes.map((c) => <ClassTable v={v} c={c} />)}
    <p class="no-print">
      <a href="/classes">{v.t(`${K}.back`)}</a>
    </p>
  </Layout>
);
