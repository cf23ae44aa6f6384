import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { classRow, clientRow, enrollmentRow, insert, sessionRow, world, type World } from '../../test/support/fixtures.ts';
import { signedIn, portalApp, type App, type Browser } from '../../test/support/portal.ts';
import { DAY, HOUR, MINUTE } from '../../src/domain/time.ts';
import type { Client } from '../../src/domain/types.ts';
import { checkIn } from '../../src/usecases/classes/check-in.ts';
import { markAttendance } from '../../src/usecases/classes/mark-attendance.ts';
import { rsvpSession } from '../../src/usecases/classes/rsvp-session.ts';

let core: TestCore;
let w: World;
let app: App;
let b: Browser;
let mine: ReturnType<typeof sessionRow>;
let bobs: ReturnType<typeof sessionRow>;

const now = Date.parse('2026-03-02T15:00:00Z'); // Monday 10:00 in New York
const start = now + 2 * HOUR;
const end = now + 4 * HOUR;

/** The page as a person reads it: entities decoded. */
const read = async (res: Response) =>
  (await res.text()).replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

const enrol = async (client: Client, title: string, code: string, over: { startsAt?: number; endsAt?: number } = {}) => {
  const series = classRow(core, w.agency.id, { title, location: 'Community room' });
  const session = sessionRow(core, series, { startsAt: start, endsAt: end, checkinCode: code, ...over });
  await insert(
    core,
    core.store.classes.insertSeries(series),
    core.store.classes.insertSession(session),
    core.store.classes.insertEnrollment(enrollmentRow(core, series, client)),
  );
  return session;
};

/** Moves the clock; a session idles out after 30 minutes, so Alice signs in again then. */
const at = async (when: number) => {
  core.clock.set(when);
  b = await signedIn(app, core, w.alice);
};

beforeEach(async () => {
  core = await makeCore(now - 14 * DAY);
  w = await world(core);
  core.clock.set(now);
  mine = await enrol(w.alice, 'Parenting Together', 'K7P2Q');
  bobs = await enrol(w.bob, 'Job Readiness', 'M4X9T');
  app = portalApp(core);
  b = await signedIn(app, core, w.alice);
});

describe('classes page', () => {
  it('lists upcoming sessions with the answer buttons, the check-in form and the record link, never the code', async () => {
    const res = await b.get('/classes');
    expect(res.status).toBe(200);
    const html = await read(res);
    expect(html).toContain('Parenting Together');
    expect(html).toContain('Community room');
    expect(html).not.toContain('Job Readiness');
    expect(html).toContain(`action="/classes/sessions/${mine.id}/rsvp"`);
    expect(html).toContain('name="answer" value="yes"');
    expect(html).toContain('name="answer" value="no"');
    expect(html).toContain("I'll be there");
    expect(html).toContain("I can't come");
    expect(html).toContain('You have not answered yet.');
    expect(html).toContain('Check-in opens');
    // Check-in is not open yet: only the general form asks for a code.
    expect(html.match(/name="code"/g)).toHaveLength(1);
    expect(html).not.toContain('name="sessionId"');
    expect(html).toContain('href="/classes/record"');
    expect(html).not.toContain('K7P2Q');
  });

  it('takes "I\'ll be there", then "I can\'t come"', async () => {
    await b.get('/classes');
    const yes = await b.post(`/classes/sessions/${mine.id}/rsvp`, { answer: 'yes' });
    expect(yes.status).toBe(303);
    expect(yes.headers.get('location')).toBe('/classes?done=rsvp_yes');
    const afterYes = await read(await b.get('/classes?done=rsvp_yes'));
    expect(afterYes).toContain("We noted that you'll be there.");
    expect(afterYes).toContain("You said you'll be there.");
    const no = await b.post(`/classes/sessions/${mine.id}/rsvp`, { answer: 'no' });
    expect(no.headers.get('location')).toBe('/classes?done=rsvp_no');
    expect(await read(await b.get('/classes'))).toContain("You said you can't come.");
    expect((await core.store.classes.sessionForClient(w.scope, w.alice.id, mine.id))?.attendance?.rsvp).toBe('no');
  });

  it('refuses an answer that is neither yes nor no, and one for a session that is over', async () => {
    const odd = await b.post(`/classes/sessions/${mine.id}/rsvp`, { answer: 'maybe' });
    expect(odd.status).toBe(400);
    expect(await read(odd)).toContain('role="alert"');
    await at(end + MINUTE);
    const over = await b.post(`/classes/sessions/${mine.id}/rsvp`, { answer: 'yes' });
    expect(over.status).toBe(400);
    expect(await read(over)).toContain('This class session is already over.');
  });
});

describe('check-in', () => {
  it('checks in with the right code inside the window, on the session and then again by code alone', async () => {
    await at(start - 10 * MINUTE);
    const html = await read(await b.get('/classes'));
    expect(html).toContain(`name="sessionId" value="${mine.id}"`);
    expect(html).toContain('Check-in is open now.');
    const res = await b.post('/classes/check-in', { sessionId: mine.id, code: ' k7p2q ' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/classes?done=checked_in');
    const after = await read(await b.get('/classes?done=checked_in'));
    expect(after).toContain('You are checked in.');
    expect(after).toMatch(/Checked in at 11:50/);
    const again = await b.post('/classes/check-in', { code: 'K7P2Q' });
    expect(again.headers.get('location')).toBe('/classes?done=already_checked_in');
  });

  it('says check-in has not opened yet, tied to the code field', async () => {
    const res = await b.post('/classes/check-in', { code: 'K7P2Q' });
    expect(res.status).toBe(400);
    const html = await read(res);
    expect(html).toContain('Check-in opens 30 minutes before the class starts.');
    expect(html).toContain('aria-describedby="code-hint code-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="K7P2Q"');
  });

  it('refuses a wrong code on the session form, tied to that field, and audits the attempt', async () => {
    await at(start + 5 * MINUTE);
    const res = await b.post('/classes/check-in', { sessionId: mine.id, code: 'ZZZZZ' });
    expect(res.status).toBe(400);
    const html = await read(res);
    expect(html).toContain('That code is not right.');
    expect(html).toContain('aria-describedby="code-1-hint code-1-error"');
    const actions = (await core.store.audit.listForClient(w.scope, w.alice.id)).map((e) => e.action);
    expect(actions).toContain('class.checkin_wrong_code');
    expect((await core.store.classes.sessionForClient(w.scope, w.alice.id, mine.id))?.attendance).toBeNull();
  });

  it('says a session is over, and that an empty code needs typing', async () => {
    await at(end + MINUTE);
    const late = await b.post('/classes/check-in', { sessionId: mine.id, code: 'K7P2Q' });
    expect(late.status).toBe(400);
    expect(await read(late)).toContain('check-in is closed');
    const empty = await b.post('/classes/check-in', { code: '  ' });
    expect(empty.status).toBe(400);
    expect(await read(empty)).toContain('Please type the code shown in class.');
  });

  it('tells a client in no class that they are not signed up', async () => {
    const carl = clientRow(core, w.agency.id, { displayName: 'Carl Ode' });
    await insert(core, core.store.clients.insert(carl));
    const cb = await signedIn(app, core, carl);
    const res = await cb.post('/classes/check-in', { code: 'K7P2Q' });
    expect(res.status).toBe(400);
    const html = await read(res);
    expect(html).toContain('You are not signed up for this class.');
    expect(html).toContain('aria-describedby="code-hint code-error"');
  });
});

describe('attendance record', () => {
  it('shows every ended session with the answer, check-in, staff mark, outcome and totals, ready to print', async () => {
    core.clock.set(now - 8 * DAY);
    const past1 = await enrol(w.alice, 'Recovery Group', 'B2C3D', { startsAt: now - 7 * DAY, endsAt: now - 7 * DAY + 2 * HOUR });
    const a = { clientId: w.alice.id };
    core.clock.set(now - 7 * DAY + 10 * MINUTE);
    expect((await checkIn(core, w.asAlice, { ...a, code: 'B2C3D' })).ok).toBe(true);
    const past2 = await enrol(w.alice, 'Job Club', 'C3D4E', { startsAt: now - 3 * DAY, endsAt: now - 3 * DAY + HOUR });
    core.clock.set(now - 4 * DAY);
    expect((await rsvpSession(core, w.asAlice, { ...a, sessionId: past2.id, answer: 'no' })).ok).toBe(true);
    core.clock.set(now - 3 * DAY + 5 * MINUTE);
    expect((await markAttendance(core, w.asStaff, { ...a, sessionId: past2.id, mark: 'absent' })).ok).toBe(true);
    await at(now);
    expect(past1.id).not.toBe(past2.id);

    const res = await b.get('/classes/record');
    expect(res.status).toBe(200);
    const html = await read(res);
    expect(html).toContain('<h1>Attendance record</h1>');
    expect(html).toContain('Alice Moreno');
    expect(html).toContain('Mon, Mar 2, 2026'); // the date it was printed, in her zone
    expect(html).toContain('America/New_York');
    expect(html).toContain("use your browser's Print command");
    expect(html).toContain('<h2>Recovery Group</h2>');
    expect(html).toContain('with the class code');
    expect(html).toContain('<strong>Attended</strong>');
    expect(html).toContain('Sessions: 1. Attended: 1. Absent: 0. Not checked in: 0.');
    expect(html).toContain('<h2>Job Club</h2>');
    expect(html).toContain('No (Thu, Feb 26, 2026)');
    expect(html).toContain('<strong>Absent</strong>');
    expect(html).toContain('Sessions: 1. Attended: 0. Absent: 1. Not checked in: 0.');
    expect(html).toContain('No sessions of this class have ended yet.'); // Parenting Together is still to come
    expect(html).not.toMatch(/B2C3D|C3D4E|K7P2Q/);
    const actions = (await core.store.audit.listForClient(w.scope, w.alice.id)).map((e) => e.action);
    expect(actions).toContain('class_attendance.record');
  });
});

describe("another client's sessions", () => {
  it('are not found on every route that takes a session, and change nothing of theirs', async () => {
    await at(start + 5 * MINUTE); // both sessions open for check-in
    await b.get('/classes');
    for (const id of [bobs.id, 'ses_unknown']) {
      expect((await b.post(`/classes/sessions/${id}/rsvp`, { answer: 'yes' })).status).toBe(404);
      expect((await b.post(`/classes/sessions/${id}/rsvp`, { answer: 'no' })).status).toBe(404);
      expect((await b.post('/classes/check-in', { sessionId: id, code: 'M4X9T' })).status).toBe(404);
    }
    expect((await core.store.classes.sessionForClient(w.scope, w.bob.id, bobs.id))?.attendance).toBeNull();
    expect((await core.store.classes.sessionForClient(w.scope, w.alice.id, bobs.id))?.attendance).toBeNull();
    const bobAudit = await core.store.audit.listForClient(w.scope, w.bob.id);
    expect(bobAudit.filter((e) => /^class\.(rsvp|checkin)/.test(e.action))).toEqual([]);
    // Bob's code alone is just a wrong code for Alice: audited against her, nothing learnt.
    const guess = await b.post('/classes/check-in', { code: 'M4X9T' });
    expect(guess.status).toBe(400);
    expect(await read(guess)).toContain('That code is not right.');
  });
});

describe('in Arabic', () => {
  it('renders the classes page and the record right to left', async () => {
    const amira = clientRow(core, w.agency.id, { displayName: 'Amira Haddad', language: 'ar' });
    await insert(core, core.store.clients.insert(amira));
    await enrol(amira, 'Parenting Together', 'K7P2Q');
    const ab = await signedIn(app, core, amira);
    for (const path of ['/classes', '/classes/record']) {
      const html = await (await ab.get(path)).text();
      expect(html).toContain('lang="ar" dir="rtl"');
    }
  });
});
