import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { insert, world, type World } from '../../../test/support/fixtures.ts';
import { sha256Hex } from '../../domain/secrets.ts';
import { DAY } from '../../domain/time.ts';
import { acceptInvitation, peekInvitation } from '../auth/invitations.ts';
import { requestSignInCode } from '../auth/request-sign-in-code.ts';
import { TELEGRAM_LINK_TTL_MS } from '../telegram/link-token.ts';
import { enrollClient } from './enroll-client.ts';

let core: TestCore;
let w: World;
const PORTAL = 'https://casebridge.example.org';

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const enroll = (over: Partial<Parameters<typeof enrollClient>[2]> = {}) =>
  enrollClient(core, w.asStaff, { phone: '(555) 555-0177', name: ' Maria   Lopez ', language: 'es', publicUrl: PORTAL, ...over });
const tokenOf = (url: string) => url.split('/').at(-1)?.split('=').at(-1) ?? '';
const clientCount = async () => (await core.store.clients.list(w.scope)).length;

describe('enrolling a client from Slack', () => {
  it('creates the client with their phone, and texts them a one-time sign-in link, neutrally', async () => {
    const r = await enroll();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ name: 'Maria Lopez', phone: '+15555550177', language: 'es', telegramUrl: null, telegramExpiresAt: null, sms: 'queued' });
    expect(r.value.invitationUrl).toMatch(/^https:\/\/casebridge\.example\.org\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(r.value.invitationExpiresAt).toBe(core.clock.now() + 7 * DAY);

    const client = await core.store.clients.get(w.scope, r.value.clientId);
    expect(client).toMatchObject({ displayName: 'Maria Lopez', language: 'es', timeZone: w.agency.timeZone, staffId: w.staff.id, preferredChannel: 'sms', neutralWording: false, sensitive: false });
    const channels = await core.store.channels.listForClient(w.scope, r.value.clientId);
    expect(channels.map((c) => [c.kind, c.address, c.verified, c.consentGivenAt !== null]).sort()).toEqual([
      ['portal', '+15555550177', true, true],
      ['sms', '+15555550177', true, true],
    ]);

    const [text, ...more] = await core.store.outbox.list(w.scope);
    expect(more).toEqual([]);
    expect(text).toMatchObject({ channel: 'sms', toAddress: '+15555550177', clientId: r.value.clientId, template: 'notify.invitation', idempotencyKey: `invitation:${r.value.clientId}:enrolled:notify.invitation` });
    expect(text?.text).toBe(core.t('es', 'notify.invitation', { link: r.value.invitationUrl, days: 7 }));
    // Nothing on a lock screen says who sent it or why.
    expect(core.t('en', 'notify.invitation', { link: 'L', days: 7 })).not.toMatch(/caseworker|agency|Riverside|Casebridge/i);

    // The link signs the client in once.
    const token = tokenOf(r.value.invitationUrl);
    expect((await peekInvitation(core, token)).ok).toBe(true);
    expect((await acceptInvitation(core, token)).ok).toBe(true);
    expect((await acceptInvitation(core, token)).ok).toBe(false);
    // And the phone signs them in to the portal later.
    await requestSignInCode(core, { agencyId: w.agency.id, phone: '+15555550177', ip: null });
    expect((await core.store.outbox.list(w.scope)).map((o) => o.template)).toContain('notify.signin_code');

    const audit = (await core.store.audit.listForClient(w.scope, r.value.clientId)).filter((a) => a.actorType === 'staff');
    expect(audit.map((a) => [a.action, a.actorId, a.channel]).sort()).toEqual([
      ['client.enroll', w.staff.id, 'slack'],
      ['portal.invitation_created', w.staff.id, 'slack'],
    ]);
  });

  it('adds a "Connect Telegram" link when a bot is configured', async () => {
    const r = await enroll({ telegramBotUsername: 'CasebridgeBot', language: undefined });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.language).toBe('en');
    expect(r.value.telegramUrl).toMatch(/^https:\/\/t\.me\/CasebridgeBot\?start=[A-Za-z0-9_-]{43}$/);
    expect(r.value.telegramExpiresAt).toBe(core.clock.now() + TELEGRAM_LINK_TTL_MS);
    const link = await core.store.telegramLinks.get(await sha256Hex(tokenOf(r.value.telegramUrl ?? '')));
    expect(link).toMatchObject({ clientId: r.value.clientId, consumedAt: null });
    const texts = (await core.store.outbox.list(w.scope)).reverse();
    expect(texts.map((o) => o.text)).toEqual([
      core.t('en', 'notify.invitation', { link: r.value.invitationUrl, days: 7 }),
      core.t('en', 'notify.invitation_telegram', { telegram: r.value.telegramUrl ?? '', minutes: 15 }),
    ]);
    expect((await core.store.audit.listForClient(w.scope, r.value.clientId)).map((a) => a.action)).toContain('telegram.link_created');
  });

  it('enrolls a number that asked for no texts, but sends it nothing', async () => {
    await insert(core, core.store.smsOptOuts.optOut({ agencyId: w.agency.id, phone: '+15555550177', optedOutAt: core.clock.now() - DAY, source: 'keyword' }));
    const r = await enroll();
    expect(r.ok && r.value.sms).toBe('opted_out');
    expect(await core.store.outbox.list(w.scope)).toEqual([]);
    expect(r.ok && (await core.store.clients.get(w.scope, r.value.clientId))?.displayName).toBe('Maria Lopez');
  });

  it("refuses a number that is already a client's, without saying whose, and changes nothing", async () => {
    const before = await clientCount();
    expect(await enroll({ phone: '555-555-0101' })).toEqual({ ok: false, code: 'phone_taken' });
    await insert(core, core.store.channels.insert({ id: 'chn_p', agencyId: w.agency.id, clientId: w.bob.id, kind: 'portal', address: '+15555550155', verified: true, consentGivenAt: null, consentWithdrawnAt: null, createdAt: 1 }));
    expect(await enroll({ phone: '+1 555 555 0155' })).toEqual({ ok: false, code: 'phone_taken' });
    expect(await clientCount()).toBe(before);
    expect(await core.store.outbox.list(w.scope)).toEqual([]);
  });

  it('refuses bad input and anyone but staff, and changes nothing', async () => {
    const before = await clientCount();
    expect(await enroll({ phone: 'call me' })).toEqual({ ok: false, code: 'invalid_phone' });
    expect(await enroll({ phone: '12' })).toEqual({ ok: false, code: 'invalid_phone' });
    expect(await enroll({ name: '   ' })).toEqual({ ok: false, code: 'invalid' });
    expect(await enroll({ name: 'x'.repeat(121) })).toEqual({ ok: false, code: 'invalid' });
    expect(await enroll({ language: 'fr' as never })).toEqual({ ok: false, code: 'invalid' });
    expect(await enroll({ publicUrl: 'javascript:alert(1)' })).toEqual({ ok: false, code: 'invalid' });
    expect(await enroll({ telegramBotUsername: 'no' })).toEqual({ ok: false, code: 'invalid' });
    expect(await enrollClient(core, w.asAlice, { phone: '5555550177', name: 'Me', publicUrl: PORTAL })).toEqual({ ok: false, code: 'forbidden' });
    expect(await enrollClient(core, { ...w.asStaff, agencyId: 'agy_none' }, { phone: '5555550177', name: 'Me', publicUrl: PORTAL })).toEqual({ ok: false, code: 'not_found' });
    expect(await clientCount()).toBe(before);
    expect(await core.store.outbox.list(w.scope)).toEqual([]);
  });
});
