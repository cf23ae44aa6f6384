import { Hono, type Context } from 'hono';
import { canCancel } from '../../src/domain/appointment-rules.ts';
import { cancelAppointment } from '../../src/usecases/appointments/cancel-appointment.ts';
import { recordInboundMessage } from '../../src/usecases/messaging/record-inbound-message.ts';
import { chooseRescheduleSlot } from '../../src/usecases/appointments/choose-reschedule-slot.ts';
import { confirmAppointment } from '../../src/usecases/appointments/confirm-appointment.ts';
import { getAppointment } from '../../src/usecases/appointments/get-appointment.ts';
import { listAppointments } from '../../src/usecases/appointments/list-appointments.ts';
import { requestReschedule } from '../../src/usecases/appointments/request-reschedule.ts';
import type { AppointmentView } from '../../src/usecases/appointments/view.ts';
import { clientOf, refusalText } from '../actor.ts';
import type { PortalDeps, PortalEnv } from '../deps.ts';
import { requireClient } from '../middleware/require-client.ts';
import { CancelPage, REASON_MAX } from '../pages/appointments-cancel.tsx';
import { AppointmentPage } from '../pages/appointments-detail.tsx';
import { AppointmentsPage } from '../pages/appointments-list.tsx';
import { ReschedulePage } from '../pages/appointments-reschedule.tsx';
import { notFound } from '../pages/not-found.tsx';
import { viewOf } from '../view.ts';
import { appointmentIcs } from './appointments-ics.ts';

type C = Context<PortalEnv>;

const field = (body: Record<string, unknown>, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');
const detailPath = (id: string, done: string) => `/appointments/${encodeURIComponent(id)}?done=${done}`;

/** The client's appointments: the list, one appointment, and confirming, moving, cancelling it. */
export const appointmentRoutes = (deps: PortalDeps) => {
  const app = new Hono<PortalEnv>();
  app.use('*', requireClient());
  const now = () => deps.core.clock.now();

  /** The signed-in client's appointment by its id, or null (unknown, or someone else's). */
  const load = async (c: C): Promise<AppointmentView | null> => {
    const { client, actor } = clientOf(c);
    const r = await getAppointment(deps.core, actor, { clientId: client.id, appointmentId: c.req.param('id') ?? '' });
    return r.ok ? r.value : null;
  };

  /** The reschedule page: the slots on offer now, or the refusal. */
  const reschedulePage = async (c: C, a: AppointmentView, form: { error?: string; selected?: number } = {}, status: 200 | 400 | 409 = 200) => {
    const v = viewOf(c, deps);
    const { client, actor } = clientOf(c);
    const r = await requestReschedule(deps.core, actor, { clientId: client.id, appointmentId: a.id });
    if (!r.ok && r.code === 'not_found') return notFound(c, deps);
    const page = r.ok ? (
      <ReschedulePage v={v} a={a} offer={r.value} error={form.error} selected={form.selected} />
    ) : (
      <ReschedulePage v={v} a={a} offer={null} refusal={refusalText(v.t, r)} />
    );
    return c.html(page, r.ok ? status : form.error ? 409 : 200);
  };

  app.get('/', async (c) => {
    const { client, actor } = clientOf(c);
    const r = await listAppointments(deps.core, actor, { clientId: client.id });
    if (!r.ok) return notFound(c, deps);
    return c.html(<AppointmentsPage v={viewOf(c, deps)} list={r.value} now={now()} done={c.req.query('done')} />);
  });

  app.get('/:id', async (c) => {
    const a = await load(c);
    if (!a) return notFound(c, deps);
    return c.html(<AppointmentPage v={viewOf(c, deps)} a={a} now={now()} done={c.req.query('done')} />);
  });

  app.post('/:id/confirm', async (c) => {
    const { client, actor } = clientOf(c);
    const r = await confirmAppointment(deps.core, actor, { clientId: client.id, appointmentId: c.req.param('id') });
    if (r.ok) return c.redirect(detailPath(r.value.id, 'appointment_confirmed'), 303);
    const a = r.code === 'not_found' ? null : await load(c);
    if (!a) return notFound(c, deps);
    const v = viewOf(c, deps);
    return c.html(<AppointmentPage v={v} a={a} now={now()} error={refusalText(v.t, r)} />, 409);
  });

  app.get('/:id/reschedule', async (c) => {
    const a = await load(c);
    return a ? reschedulePage(c, a) : notFound(c, deps);
  });

  app.post('/:id/reschedule', async (c) => {
    const a = await load(c);
    if (!a) return notFound(c, deps);
    const v = viewOf(c, deps);
    const raw = field(await c.req.parseBody(), 'slot');
    if (!/^\d{1,15}$/.test(raw)) return reschedulePage(c, a, { error: v.t('portal.appointments.reschedule.choose_error') }, 400);
    const slot = Number(raw);
    const { client, actor } = clientOf(c);
    const r = await chooseRescheduleSlot(deps.core, actor, { clientId: client.id, appointmentId: a.id, slotStartsAt: slot });
    if (r.ok) return c.redirect(detailPath(a.id, 'appointment_reschedule_requested'), 303);
    if (r.code === 'not_found') return notFound(c, deps);
    const bad = r.code === 'invalid' || r.code === 'slot_unavailable';
    return reschedulePage(c, a, { error: refusalText(v.t, r), selected: bad ? undefined : slot }, bad ? 400 : 409);
  });

  app.get('/:id/cancel', async (c) => {
    const a = await load(c);
    if (!a) return notFound(c, deps);
    const v = viewOf(c, deps);
    const refusal = canCancel(a, now()) ? undefined : refusalText(v.t, { code: 'not_cancellable' });
    return c.html(<CancelPage v={v} a={a} refusal={refusal} />);
  });

  app.post('/:id/cancel', async (c) => {
    const a = await load(c);
    if (!a) return notFound(c, deps);
    const v = viewOf(c, deps);
    const reason = field(await c.req.parseBody(), 'reason');
    const again = (error: string, status: 400 | 409) => c.html(<CancelPage v={v} a={a} reason={reason} error={error} />, status);
    if (!reason.trim()) return again(v.t('portal.appointments.cancel.reason_required'), 400);
    const { client, actor } = clientOf(c);
    const r = await cancelAppointment(deps.core, actor, { clientId: client.id, appointmentId: a.id, reason });
    if (r.ok) return c.redirect(detailPath(a.id, 'appointment_cancelled'), 303);
    if (r.code === 'reads_as_crisis') {
      // Not a reason: the words go to the caseworker as a message (the alert is raised), and the
      // messages page shows the crisis help. One message per appointment as it stood.
      const m = await recordInboundMessage(deps.core, actor, { clientId: client.id, channel: 'portal', body: reason, source: 'portal', externalId: `${client.id}:cancel:${a.id}:${a.version}` });
      if (m.ok) return c.redirect('/messages?done=message_sent&help=1', 303);
    }
    if (reason.trim().length > REASON_MAX) return again(v.t('portal.appointments.cancel.reason_too_long', { max: REASON_MAX }), 400);
    if (r.code === 'not_found') return notFound(c, deps);
    if (r.code === 'not_cancellable') return c.html(<CancelPage v={v} a={a} refusal={refusalText(v.t, r)} />, 409);
    return again(refusalText(v.t, r), r.code === 'invalid' ? 400 : 409);
  });

  app.get('/:id/calendar.ics', async (c) => {
    const a = await load(c);
    if (!a) return notFound(c, deps);
    const body = appointmentIcs(viewOf(c, deps), clientOf(c).client, a, now());
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="appointment.ics"',
      'cache-control': 'no-store',
    });
  });

  return app;
};
