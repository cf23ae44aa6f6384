import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { channelRow, insert, world, type World } from '../../../test/support/fixtures.ts';
import { MINUTE } from '../../domain/time.ts';
import { acceptInvitation, createInvitation, peekInvitation } from './invitations.ts';
import { requestSignInCode } from './request-sign-in-code.ts';
import { resolveSession } from './resolve-session.ts';
import { signOut } from './sign-out.ts';
import { verifySignInCode } from './verify-sign-in-code.ts';

let core: TestCore;
let w: World;

beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
  await insert(core, core.store.channels.insert(channelRow(core, w.alice, { kind: 'portal', address: '+15555550101' })));
});

const sentCodes = async () =>
  (await core.store.outbox.list(w.scope)).filter((o) => o.template.startsWith('notify.signin_code')).map((o) => o.text.match(/\d{6}/)![0]);

const ask = (phone = '(555) 555-0101', ip: string | null = '203.0.113.9') => requestSignInCode(core, { agencyId: w.agency.id, phone, ip });
const verify = (code: string, phone = '+1 555 555 0101') => verifySignInCode(core, { agencyId: w.agency.id, phone, code });

describe('sign in with a code', () => {
  it('sends a 6-digit code to the verified channel and opens a session with it, once', async () => {
    expect(await ask()).toEqual({ ok: true, value: { phone: '+15555550101' } });
    const [code] = await sentCodes();
    expect(code).toMatch(/^\d{6}$/);
    const [row] = await core.store.outbox.list(w.scope);
    expect(row).toMatchObject({ channel: 'sms', toAddress: '+15555550101' });
    const r = await verify(code!);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(r.value.session.id).not.toBe(r.value.token); // only the hash is stored
    expect((await resolveSession(core, r.value.token))?.client.id).toBe(w.alice.id);
    expect(await verify(code!)).toEqual({ ok: false, code: 'code_invalid' });
  });

  it('answers an unknown number exactly as an enrolled one, and sends nothing', async () => {
    expect(await ask('+1 555 555 0199')).toEqual({ ok: true, value: { phone: '+15555550199' } });
    expect(await sentCodes()).toEqual([]);
    expect(await verify('123456', '+15555550199')).toEqual({ ok: false, code: 'code_invalid' });
  });

  it('refuses a number that is not a phone number', async () => {
    expect(await ask('hello')).toEqual({ ok: false, code: 'invalid_phone' });
  });

  it('expires codes after 10 minutes', async () => {
    await ask();
    const [code] = await sentCodes();
    core.clock.advance(10 * MINUTE);
    expect(await verify(code!)).toEqual({ ok: false, code: 'code_invalid' });
  });

  it('allows 5 tries, then even the right code is refused', async () => {
    await ask();
    const [code] = await sentCodes();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await verify(wrong)).ok).toBe(false);
    expect(await verify(code!)).toEqual({ ok: false, code: 'code_invalid' });
  });

  it('replaces an earlier code with a new one', async () => {
    await ask();
    core.clock.advance(MINUTE);
    await ask();
    const [second, first] = await sentCodes(); // newest first
    if (first !== second) expect(await verify(first!)).toEqual({ ok: false, code: 'code_invalid' });
    expect((await verify(second!)).ok).toBe(true);
  });

  it('throttles per phone and per IP address', async () => {
    for (let i = 0; i < 3; i++) expect((await ask()).ok).toBe(true);
    expect(await ask()).toEqual({ ok: false, code: 'throttled', detail: { minutes: 15 } });
    core.clock.advance(15 * MINUTE);
    expect((await ask()).ok).toBe(true);
    for (let i = 0; i < 10; i++) await ask(`+1555555${String(2000 + i)}`, '198.51.100.7');
    expect(await ask('+15555553000', '198.51.100.7')).toEqual({ ok: false, code: 'throttled', detail: { minutes: 15 } });
    expect((await ask('+15555553000', '198.51.100.8')).ok).toBe(true);
  });

  it('sends nothing to a client whose only channel withdrew consent', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { safeChannels: '["telegram"]' }));
    expect((await ask()).ok).toBe(true);
    expect(await sentCodes()).toEqual([]);
  });
});

describe('sessions', () => {
  const signIn = async () => {
    await ask();
    const [code] = await sentCodes();
    const r = await verify(code!);
    if (!r.ok) throw new Error('sign-in failed');
    return r.value;
  };

  it('times out after 30 idle minutes, and each use pushes the timeout back', async () => {
    const { token } = await signIn();
    core.clock.advance(29 * MINUTE);
    expect(await resolveSession(core, token)).not.toBeNull();
    core.clock.advance(29 * MINUTE);
    expect(await resolveSession(core, token)).not.toBeNull();
    core.clock.advance(31 * MINUTE);
    expect(await resolveSession(core, token)).toBeNull();
  });

  it('ends on sign-out, and gives each sign-in a new id', async () => {
    const a = await signIn();
    core.clock.advance(16 * MINUTE);
    const b = await signIn();
    expect(a.session.id).not.toBe(b.session.id);
    await signOut(core, a.session);
    expect(await resolveSession(core, a.token)).toBeNull();
    expect(await resolveSession(core, b.token)).not.toBeNull();
    expect(await resolveSession(core, 'x'.repeat(43))).toBeNull();
    expect(await resolveSession(core, undefined)).toBeNull();
  });
});

describe('invitation links', () => {
  it('can be opened any number of times, and used once', async () => {
    const inv = await createInvitation(core, w.asStaff, { clientId: w.alice.id });
    expect(inv.ok).toBe(true);
    if (!inv.ok) return;
    expect(inv.value.path).toBe(`/invite/${inv.value.token}`);
    expect((await peekInvitation(core, inv.value.token)).ok).toBe(true);
    expect((await peekInvitation(core, inv.value.token)).ok).toBe(true);
    const used = await acceptInvitation(core, inv.value.token);
    expect(used.ok && used.value.session.clientId).toBe(w.alice.id);
    expect(await acceptInvitation(core, inv.value.token)).toEqual({ ok: false, code: 'invitation_invalid' });
    expect(await peekInvitation(core, inv.value.token)).toEqual({ ok: false, code: 'invitation_invalid' });
  });

  it('expire after 7 days, and only staff make them', async () => {
    expect(await createInvitation(core, w.asAlice, { clientId: w.alice.id })).toEqual({ ok: false, code: 'forbidden' });
    const inv = await createInvitation(core, w.asStaff, { clientId: w.alice.id });
    if (!inv.ok) throw new Error('no invitation');
    core.clock.advance(7 * 24 * 60 * MINUTE);
    expect(await acceptInvitation(core, inv.value.token)).toEqual({ ok: false, code: 'invitation_invalid' });
    expect(await peekInvitation(core, '../../etc/passwd')).toEqual({ ok: false, code: 'invitation_invalid' });
  });
});
