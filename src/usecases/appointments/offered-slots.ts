import { busyIntervals } from '../../domain/appointment-rules.ts';
import type { AgencySettings } from '../../domain/settings.ts';
import { offerSlots } from '../../domain/slots.ts';
import { DAY, HOUR } from '../../domain/time.ts';
import type { Appointment, Millis } from '../../domain/types.ts';
import type { CoreDeps } from '../shared/deps.ts';

/** The times this appointment could move to, from its caseworker's availability, now. */
export const offeredSlots = async (
  deps: Pick<CoreDeps, 'store'>,
  a: Appointment,
  settings: AgencySettings,
  now: Millis,
): Promise<Millis[]> => {
  if (!a.staffId) return [];
  const scope = { agencyId: a.agencyId };
  const staff = await deps.store.staff.get(scope, a.staffId);
  if (!staff) return [];
  const earliest = now + settings.rescheduleMinNoticeHours * HOUR;
  const latest = now + settings.slotHorizonDays * DAY;
  const [rules, booked] = await Promise.all([
    deps.store.availability.listForStaff(scope, staff.id),
    deps.store.appointments.listForStaffBetween(scope, staff.id, earliest, latest),
  ]);
  return offerSlots({
    rules,
    staffTimeZone: staff.timeZone,
    durationMinutes: a.durationMinutes,
    earliest,
    latest,
    // The appointment's own time stays held until a change is approved.
    busy: busyIntervals(booked, a.id).concat({ start: a.startsAt, end: a.startsAt + a.durationMinutes * 60_000 }),
    max: settings.maxOfferedSlots,
  });
};
