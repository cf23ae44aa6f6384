// `/casebridge invite <phone> <name> [language]`: a caseworker enrolls a client and the client
// gets, by SMS, a one-time portal sign-in link (and a "Connect Telegram" link when a bot is
// configured). The client, their channels, both links, the text and the audit rows are one commit.
import { attestedChannel, newClient } from '../../domain/new-client.ts';
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { pickDeliveryChannel } from '../../domain/channels.ts';
import { toE164 } from '../../domain/phone.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { randomToken, sha256Hex } from '../../domain/secrets.ts';
import { DAY, MINUTE } from '../../domain/time.ts';
import { LOCALES, type Millis } from '../../domain/types.ts';
import { isOptedOut } from '../../ports/sms.ts';
import type { Write } from '../../ports/store.ts';
import { INVITATION_TTL_MS } from '../auth/invitations.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { pendingOutboxRow } from '../shared/outbox-row.ts';
import { botUsernameSchema, deepLink, TELEGRAM_LINK_TTL_MS } from '../telegram/link-token.ts';

const inputSchema = z.object({
  phone: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(120),
  language: z.enum(LOCALES).default('en'),
  /** where the portal is (PUBLIC_URL): the sign-in link starts with it */
  publicUrl: z.string().regex(/^https?:\/\/[^\s/]+/),
  /** the Telegram bot's @username without the @, when Telegram is configured */
  telegramBotUsername: botUsernameSchema.optional(),
});

export type EnrollClientRefusal = 'forbidden' | 'invalid' | 'invalid_phone' | 'phone_taken' | 'not_found';

export interface Enrolled {
  clientId: string;
  name: string;
  /** E.164 */
  phone: string;
  language: string;
  /** the one-time portal sign-in link */
  invitationUrl: string;
  invitationExpiresAt: Millis;
  /** the one-time "Connect Telegram" link, when a bot is configured */
  telegramUrl: string | null;
  telegramExpiresAt: Millis | null;
  /** `queued`: the links go out by SMS; `opted_out`: the number asked for no texts, so none is sent */
  sms: 'queued' | 'opted_out';
}


/**
 * Enrolls a client of the acting caseworker: the client (language as given, the agency's time
 * zone), an SMS channel and a portal sign-in channel for the phone, the invitation, the Telegram
 * link, and the text that carries them. The text is always worded neutrally: a new client has not
 * yet said what is safe on their lock screen. A phone that is already a client's is refused
 * (`phone_taken`), without saying whose.
 */
export const enrollClient = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<Enrolled, EnrollClientRefusal>> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const input = parsed.data;
  const phone = toE164(input.phone);
  if (!phone) return fail('invalid_phone');
  const agency = await deps.store.agencies.get(actor.agencyId);
  if (!agency) return fail('not_found');
  for (const kind of ['sms', 'portal'] as const) {
    if (await deps.store.channels.findByAddress(actor, kind, phone)) return fail('phone_taken');
  }
  const now = deps.clock.now();
  const client = newClient({
    id: deps.ids.newId('cli'),
    agencyId: agency.id,
    displayName: input.name.replace(/\s+/g, ' '),
    language: input.language,
    timeZone: agency.timeZone,
    staffId: actor.type === 'staff' ? actor.staffId : null,
    preferredChannel: 'sms',
    createdAt: now,
  });
  // The caseworker enrolls the client with them and attests their consent, as an import does.
  const sms = attestedChannel(client, { id: deps.ids.newId('chn'), kind: 'sms', address: phone, at: now });
  const portal = attestedChannel(client, { id: deps.ids.newId('chn'), kind: 'portal', address: phone, at: now });

  const invitationToken = randomToken(32);
  const invitation = { id: await sha256Hex(invitationToken), expiresAt: now + INVITATION_TTL_MS };
  const invitationUrl = `${input.publicUrl.replace(/\/+$/, '')}/invite/${invitationToken}`;
  const telegramToken = input.telegramBotUsername ? randomToken(32) : null;
  const telegram = telegramToken ? { id: await sha256Hex(telegramToken), expiresAt: now + TELEGRAM_LINK_TTL_MS } : null;
  const telegramUrl = telegramToken && input.telegramBotUsername ? deepLink(input.telegramBotUsername, telegramToken) : null;

  const subject = { type: 'client', id: client.id };
  const writes: Write[] = [
    deps.store.clients.insert(client),
    deps.store.channels.insert(sms),
    deps.store.channels.insert(portal),
    deps.store.invitations.insert({ ...invitation, agencyId: agency.id, clientId: client.id, staffId: client.staffId, consumedAt: null, createdAt: now }),
    auditWrite(deps, actor, 'client.enroll', subject, client.id),
    auditWrite(deps, actor, 'portal.invitation_created', subject, client.id),
  ];
  if (telegram) {
    writes.push(deps.store.telegramLinks.insert({ ...telegram, agencyId: agency.id, clientId: client.id, consumedAt: null, createdAt: now }));
    writes.push(auditWrite(deps, actor, 'telegram.link_created', subject, client.id));
  }
  const optedOut = isOptedOut(await deps.store.smsOptOuts.get(actor, phone));
  const to = optedOut ? null : pickDeliveryChannel(client, [sms]);
  if (to) {
    // Two texts, each within two SMS segments in every language: the sign-in link, then the
    // Telegram one (when there is a bot).
    const texts: [string, Record<string, string | number>][] = [['notify.invitation', { link: invitationUrl, days: INVITATION_TTL_MS / DAY }]];
    if (telegramUrl) texts.push(['notify.invitation_telegram', { telegram: telegramUrl, minutes: TELEGRAM_LINK_TTL_MS / MINUTE }]);
    for (const [template, vars] of texts) {
      const row = pendingOutboxRow(deps.ids.newId('out'), now, {
        agencyId: agency.id,
        clientId: client.id,
        staffId: null,
        channel: to.kind,
        toAddress: to.address,
        template,
        text: deps.t(client.language, template, vars),
        payload: JSON.stringify({ kind: 'invitation' }),
        idempotencyKey: `invitation:${client.id}:enrolled:${template}`,
      });
      writes.push(deps.store.outbox.insert(row));
    }
  }
  // 'duplicate': the same phone was enrolled a moment ago by someone else.
  const outcome = await deps.store.commit(writes);
  if (outcome !== 'ok') return fail('phone_taken');
  deps.onOutbox?.();
  return ok({
    clientId: client.id,
    name: client.displayName,
    phone,
    language: client.language,
    invitationUrl,
    invitationExpiresAt: invitation.expiresAt,
    telegramUrl,
    telegramExpiresAt: telegram?.expiresAt ?? null,
    sms: to ? 'queued' : 'opted_out',
  });
};
