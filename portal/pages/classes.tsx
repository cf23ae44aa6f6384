import type { FC } from 'hono/jsx';
import type { ClassSessionView } from '../../src/usecases/classes/view.ts';
import { Field, Notice, PostForm, describedBy } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';

/** A check-in refusal to show beside a code field: on one session's form, or on the general one (sessionId null). */
export interface CheckinError {
  sessionId: string | null;
  message: string;
  code: string;
}

export interface ClassesPageProps {
  v: View;
  sessions: ClassSessionView[];
  done?: string | undefined;
  /** a refusal that is not tied to a field (an RSVP that could not be taken) */
  error?: string | undefined;
  checkinError?: CheckinError | undefined;
}

const CodeForm: FC<{ v: View; id: string; sessionId?: string; error?: CheckinError | undefined }> = ({ v, id, sessionId, error }) => {
  const hint = v.t('portal.classes.code_hint');
  const message = error?.message;
  return (
    <PostForm v={v} action="/classes/check-in">
      {sessionId ? <input type="hidden" name="sessionId" value={sessionId} /> : null}
      <Field id={id} label={v.t('portal.classes.code_label')} hint={hint} error={message}>
        <input
          id={id}
          name="code"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxlength={40}
          required
          value={error?.code ?? ''}
          aria-invalid={message ? 'true' : undefined}
          aria-describedby={describedBy(id, hint, message)}
        />
      </Field>
      <button type="submit">{v.t('portal.classes.check_in')}</button>
    </PostForm>
  );
};

const answerKey = { yes: 'portal.classes.answer_yes', no: 'portal.classes.answer_no' } as const;

const SessionCard: FC<{ v: View; s: ClassSessionView; n: number; error?: CheckinError | undefined }> = ({ v, s, n, error }) => {
  const groupId = `rsvp-${n}`;
  return (
    <li class="card">
      <h3>{s.title}</h3>
      <dl class="facts">
        <dt>{v.t('portal.classes.when')}</dt>
        <dd>{`${v.when(s.startsAt)} – ${v.time(s.endsAt)}`}</dd>
        {s.location ? (
          <>
            <dt>{v.t('portal.classes.where')}</dt>
            <dd>{s.location}</dd>
          </>
        ) : null}
        <dt>{v.t('portal.classes.your_answer')}</dt>
        <dd>{v.t(s.rsvp ? answerKey[s.rsvp] : 'portal.classes.answer_none')}</dd>
        <dt>{v.t('portal.classes.checkin')}</dt>
        <dd>
          {s.checkedInAt != null
            ? v.t('portal.classes.checked_in_at', { time: v.time(s.checkedInAt) })
            : s.checkinOpen
              ? v.t('portal.classes.checkin_open')
              : v.t('portal.classes.checkin_opens', { when: v.when(s.checkinOpensAt) })}
        </dd>
      </dl>
      <PostForm v={v} action={`/classes/sessions/${s.sessionId}/rsvp`}>
        <div class="actions" role="group" aria-labelledby={groupId}>
          <p class="visually-hidden" id={groupId}>
            {`${v.t('portal.classes.will_you_come')} ${s.title}`}
          </p>
          <button type="submit" name="answer" value="yes">
            {v.t('portal.classes.yes')}
          </button>
          <button type="submit" name="answer" value="no" class="secondary">
            {v.t('portal.classes.no')}
          </button>
        </div>
      </PostForm>
      {s.checkinOpen && s.checkedInAt == null ? <CodeForm v={v} id={`code-${n}`} sessionId={s.sessionId} error={error} /> : null}
    </li>
  );
};

/** The client's upcoming class sessions: answer, check in, and the way to the attendance record. */
export const ClassesPage: FC<ClassesPageProps> = ({ v, sessions, done, error, checkinError }) => {
  // A refusal for a session no longer shown (it ended) goes to the general form.
  const errorSession = checkinError?.sessionId ?? null;
  const onSession = errorSession !== null && sessions.some((s) => s.sessionId === errorSession && s.checkinOpen);
  return (
    <Layout v={v} title={v.t('portal.classes.title')}>
      {done ? <Notice kind="ok">{v.t(`portal.done.${done}`)}</Notice> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <h2>{v.t('portal.classes.upcoming')}</h2>
      {sessions.length === 0 ? (
        <p>{v.t('portal.classes.none')}</p>
      ) : (
        <ul class="cards">
          {sessions.map((s, i) => (
            <SessionCard v={v} s={s} n={i + 1} error={onSession && checkinError?.sessionId === s.sessionId ? checkinError : undefined} />
          ))}
        </ul>
      )}
      <h2>{v.t('portal.classes.general_heading')}</h2>
      <p>{v.t('portal.classes.general_intro')}</p>
      <CodeForm v={v} id="code" error={checkinError && !onSession ? checkinError : undefined} />
      <h2>{v.t('portal.classes.record_heading')}</h2>
      <p>
        <a href="/classes/record">{v.t('portal.classes.record_link')}</a>
      </p>
    </Layout>
  );
};
