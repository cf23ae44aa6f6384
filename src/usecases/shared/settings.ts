import { parseAgencySettings, type AgencySettings } from '../../domain/settings.ts';
import type { CoreDeps } from './deps.ts';

export const loadSettings = async (deps: Pick<CoreDeps, 'store'>, agencyId: string): Promise<AgencySettings> =>
  parseAgencySettings((await deps.store.agencies.get(agencyId))?.settings);
