// Lookups an import makes once per distinct value, always within the importing agency.
import type { Client, Provider, Staff } from '../../domain/types.ts';
import type { Scope, Store } from '../../ports/store.ts';

/** Active staff by email (case-insensitive); an inactive caseworker cannot be given new clients. */
export const staffByEmail = (store: Store, scope: Scope) => {
  const cache = new Map<string, Promise<Staff | null>>();
  return (email: string): Promise<Staff | null> => {
    const key = email.toLowerCase();
    let found = cache.get(key);
    if (!found) {
      found = store.staff.findByEmail(scope, key).then((s) => (s && s.active ? s : null));
      cache.set(key, found);
    }
    return found;
  };
};

/** Providers of the agency by name, compared case-insensitively and ignoring extra spaces. */
export const providersByName = async (store: Store, scope: Scope): Promise<(name: string) => Provider | null> => {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const byName = new Map<string, Provider>();
  for (const p of await store.providers.list(scope)) if (!byName.has(norm(p.name))) byName.set(norm(p.name), p);
  return (name) => byName.get(norm(name)) ?? null;
};

/** Clients of the agency by case number (their external reference). */
export const clientsByCaseNumber = async (store: Store, scope: Scope): Promise<Map<string, Client>> => {
  const map = new Map<string, Client>();
  for (const c of await store.clients.list(scope)) if (c.externalRef !== null) map.set(c.externalRef, c);
  return map;
};
