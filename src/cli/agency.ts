// Which agency the CLI acts on: the only one in the database, or the one named with --agency.
import type { Agency } from '../domain/types.ts';
import type { Store } from '../ports/store.ts';

export type AgencyChoice = { ok: true; agency: Agency } | { ok: false; key: string; vars?: Record<string, string> };

export const chooseAgency = async (store: Store, wanted: string | undefined): Promise<AgencyChoice> => {
  const all = await store.agencies.list();
  if (all.length === 0) return { ok: false, key: 'cli.no_agency' };
  const ids = all.map((a) => `${a.id} (${a.name})`).join(', ');
  if (wanted === undefined) {
    const [only] = all;
    return all.length === 1 && only ? { ok: true, agency: only } : { ok: false, key: 'cli.choose_agency', vars: { ids } };
  }
  const agency = all.find((a) => a.id === wanted);
  return agency ? { ok: true, agency } : { ok: false, key: 'cli.choose_agency', vars: { ids } };
};
