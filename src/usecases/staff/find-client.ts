// A caseworker names a client the way people do in chat: a phone number, a case number
// (external reference) or a name. One client of the agency, or a refusal: none, or several
// (with their names, so the caseworker can say which).
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { toE164 } from '../../domain/phone.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Client } from '../../domain/types.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';

const inputSchema = z.object({ query: z.string().trim().min(1).max(120) });

/** How many names an `ambiguous` refusal gives (each one is a client record shown). */
export const MAX_NAMED_MATCHES = 10;

export type FindClientRefusal = 'invalid' | 'forbidden' | 'not_found' | 'ambiguous';

/** Lower case, one space between words, accents dropped: "  JOSÉ  Pérez" → "jose perez". */
export const foldName = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The clients a name matches: those whose whole name it is (any case, any accents), else those
 * whose name contains it. Reads every client of the agency: the store has no name search yet (a
 * proper query would be `lower(display_name) LIKE ?` on an index, scoped by agency).
 */
const byName = (all: Client[], query: string): Client[] => {
  const q = foldName(query);
  const exact = all.filter((c) => foldName(c.displayName) === q);
  return exact.length ? exact : all.filter((c) => foldName(c.displayName).includes(q));
};

/** By phone (the client's SMS number, or the number they sign in to the portal with), then by reference, then by name. */
const candidates = async (deps: Pick<CoreDeps, 'store'>, actor: Actor, query: string): Promise<Client[]> => {
  const phone = /^[+(]?[\d\s().-]+$/.test(query) ? toE164(query) : null;
  if (phone) {
    for (const kind of ['sms', 'portal'] as const) {
      const channel = await deps.store.channels.findByAddress(actor, kind, phone);
      const client = channel ? await deps.store.clients.get(actor, channel.clientId) : null;
      if (client) return [client];
    }
  }
  const byRef = await deps.store.clients.getByExternalRef(actor, query);
  if (byRef) return [byRef];
  const all = await deps.store.clients.list(actor);
  const ref = query.toLowerCase();
  const refMatches = all.filter((c) => c.externalRef !== null && c.externalRef.toLowerCase() === ref);
  return refMatches.length ? refMatches : byName(all, query);
};

/**
 * The one client a staff member (or admin) means, within their agency. `ambiguous` carries
 * `count` and `names` (at most MAX_NAMED_MATCHES display names, one per line, sorted); naming
 * them shows those records, so each named client gets an audit row. Finding the one client is
 * not audited here: the caller audits what it then shows or changes.
 */
export const findClientForStaff = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Client, FindClientRefusal>> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const found = await candidates(deps, actor, parsed.data.query);
  if (found.length === 0) return fail('not_found');
  if (found.length === 1) return ok(found[0]!);
  const named = [...found].sort((a, b) => a.displayName.localeCompare(b.displayName)).slice(0, MAX_NAMED_MATCHES);
  await deps.store.commit(named.map((c) => auditWrite(deps, actor, 'client.search_match', { type: 'client', id: c.id }, c.id)));
  return fail('ambiguous', { count: found.length, names: named.map((c) => c.displayName.replace(/\s+/g, ' ').trim()).join('\n') });
};
