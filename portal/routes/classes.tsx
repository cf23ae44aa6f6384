import { Hono, type Context } from 'hono';
import { attendanceRecord } from '../../src/usecases/classes/attendance-record.ts';
import { checkIn } from '../../src/usecases/classes/check-in.ts';
import { listUpcomingSessions } from '../../src/usecases/classes/list-upcoming-sessions.ts';
import { rsvpSession } from '../../src/usecases/classes/rsvp-session.ts';
import { clientOf, refusalText } from '../actor.ts';
import type { PortalDeps, PortalEnv } from '../deps.ts';
import { requireClient } from '../middleware/require-client.ts';
import { ClassesPage, type CheckinError } from '../pages/classes.tsx';
import { RecordPage } from '../pages/classes-record.tsx';
import { notFound } from '../pages/not-found.tsx';
import { viewOf } from '../view.ts';

const DONE = new Set(['rsvp_yes', 'rsvp_no', 'checked_in', 'already_checked_in']);

const field = (body: Record<string, unknown>, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');

/** Classes: upcoming sessions, "I'll be there" / "I can't come", check-in by code, the attendance record. */
export const classesRoutes = (deps: PortalDeps) => {
  const app = new Hono<PortalEnv>();
  app.use('/classes', requireClient());
  app.use('/classes/*', requireClient());

  /** The classes page, with a notice or a refusal; a client who cannot be read is not found. */
  const page = async (
    c: Context<PortalEnv>,
    extra: { done?: string | undefined; error?: string; checkinError?: CheckinError },
    status: 200 | 400 = 200,
  ) => {
    const { client, actor } = clientOf(c);
    const r = await listUpcomingSessions(deps.core, actor, { clientId: client.id });
    if (!r.ok) return notFound(c, deps);
    return c.html(<ClassesPage v={viewOf(c, deps)} sessions={r.value} {...extra} />, status);
  };

  app.get('/classes', (c) => {
    const done = c.req.query('done');
    return page(c, { done: done && DONE.has(done) ? done : undefined });
  });

  app.post('/classes/sessions/:id/rsvp', async (c) => {
    const { client, actor } = clientOf(c);
    const answer = field(await c.req.parseBody(), 'answer');
    const r = await rsvpSession(deps.core, actor, { clientId: client.id, sessionId: c.req.param('id'), answer: answer as 'yes' | 'no' });
    if (r.ok) return c.redirect(`/classes?done=rsvp_${r.value.rsvp}`, 303);
    if (r.code === 'not_found' || r.code === 'not_enrolled') return notFound(c, deps);
    return page(c, { error: refusalText(viewOf(c, deps).t, r) }, 400);
  });

  app.post('/classes/check-in', async (c) => {
    const { client, actor } = clientOf(c);
    const body = await c.req.parseBody();
    const code = field(body, 'code');
    const sessionId = field(body, 'sessionId') || undefined;
    const t = viewOf(c, deps).t;
    const refuse = (message: string) => page(c, { checkinError: { sessionId: sessionId ?? null, message, code } }, 400);
    if (!code.trim()) return refuse(t('portal.classes.code_missing'));
    const r = await checkIn(deps.core, actor, { clientId: client.id, code, ...(sessionId ? { sessionId } : {}) });
    if (r.ok) return c.redirect(`/classes?done=${r.value.already ? 'already_checked_in' : 'checked_in'}`, 303);
    // A session named in the form that is not one of the client's classes: nothing to say about it.
    if (r.code === 'not_found' || (sessionId && r.code === 'not_enrolled')) return notFound(c, deps);
    return refuse(refusalText(t, r));
  });

  app.get('/classes/record', async (c) => {
    const { client, actor } = clientOf(c);
    const r = await attendanceRecord(deps.core, actor, { clientId: client.id });
    if (!r.ok) return notFound(c, deps);
    return c.html(<RecordPage v={viewOf(c, deps)} record={r.value} />);
  });

  return app;
};
