// The agency's rules (reminder offsets, quiet hours, crisis resources…): read, and changed by an
// admin. A change names every field it gets wrong, and changes nothing unless all are right.
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { agencySettingsSchema, parseAgencySettings, type AgencySettings } from '../../domain/settings.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

export type SettingsRefusal = 'forbidden' | 'not_found' | 'invalid_settings';

/** What is in force: the stored values, each bad or missing one replaced by its default. */
export const getAgencySettings = async (deps: Pick<CoreDeps, 'store'>, actor: Actor): Promise<Result<AgencySettings, 'forbidden' | 'not_found'>> => {
  if (actor.type !== 'admin') return fail('forbidden');
  const agency = await deps.store.agencies.get(actor.agencyId);
  return agency ? ok(parseAgencySettings(agency.settings)) : fail('not_found');
};

/**
 * Sets the fields given (the others keep their values). Unknown fields and bad values are refused
 * with their names (`detail.fields`), and nothing is changed. Audited.
 */
export const setAgencySettings = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  changes: unknown,
): Promise<Result<AgencySettings, SettingsRefusal>> => {
  if (actor.type !== 'admin') return fail('forbidden');
  const agency = await deps.store.agencies.get(actor.agencyId);
  if (!agency) return fail('not_found');
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return fail('invalid_settings', { fields: '(not an object)' });
  const parsed = agencySettingsSchema.partial().strict().safeParse(changes);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.'))))];
    return fail('invalid_settings', { fields: fields.join(', ') });
  }
  const next = { ...parseAgencySettings(agency.settings), ...parsed.data };
  const outcome = await deps.store.commit([
    deps.store.agencies.updateSettings(agency.id, JSON.stringify(next)),
    auditWrite(deps, actor, 'agency.settings_update', { type: 'agency', id: agency.id }, null),
  ]);
  if (outcome !== 'ok') throw new Error(`agency settings commit: ${outcome}`);
  return ok(next);
};
