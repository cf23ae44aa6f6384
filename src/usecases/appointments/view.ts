import type { Appointment } from '../../domain/types.ts';
import type { CoreDeps } from '../shared/deps.ts';

export interface AppointmentView extends Appointment {
  with: { type: 'staff'; name: string } | { type: 'provider'; name: string; kind: string; address: string | null } | null;
}

/** Adds who the appointment is with; staff and providers are read within the same agency only. */
export const viewAppointments = async (deps: Pick<CoreDeps, 'store'>, list: Appointment[]): Promise<AppointmentView[]> => {
  const names = new Map<string, AppointmentView['with']>();
  for (const a of list) {
    const scope = { agencyId: a.agencyId };
    if (a.staffId && !names.has(a.staffId)) {
      const s = await deps.store.staff.get(scope, a.staffId);
      names.set(a.staffId, s ? { type: 'staff', name: s.name } : null);
    }
    if (a.providerId && !names.has(a.providerId)) {
      const p = await deps.store.providers.get(scope, a.providerId);
      names.set(a.providerId, p ? { type: 'provider', name: p.name, kind: p.kind, address: p.address } : null);
    }
  }
  return list.map((a) => ({
    ...a,
    with: (a.providerId ? names.get(a.providerId) : a.staffId ? names.get(a.staffId) : null) ?? null,
  }));
};
