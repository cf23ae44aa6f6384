import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import {
  appointmentRow,
  classRow,
  documentRequestRow,
  enrollmentRow,
  insert,
  sessionRow,
  world,
  type World,
} from '../../test/support/fixtures.ts';
import { browser, portalApp, signedIn, type App } from '../../test/support/portal.ts';
import { DAY } from '../../src/domain/time.ts';
import { sendStaffReply } from '../../src/usecases/messaging/send-staff-reply.ts';

let core: TestCore;
let w: World;
let app: App;
const now = Date.parse('2026-03-02T15:00:00Z');

beforeEach(async () => {
  core = await makeCore(now);
  w = await world(core);
  app = portalApp(core);
});

describe('home page', () => {
  it('sends a signed-out visitor to sign in', async () => {
    const res = await browser(app).get('/');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in');
  });

  it('says kindly that nothing is going on', async () => {
    const b = await signedIn(app, core, w.alice);
    const res = await b.get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Hello, Alice Moreno');
    expect(html).toContain('You have no upcoming appointments.');
    expect(html).toContain('You have no class sessions coming up.');
    expect(html).toContain('Nothing to send right now.');
    expect(html).toContain('No new messages.');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('shows the next appointment, class session, open requests and unread messages, with links', async () => {
    const parenting = classRow(core, w.agency.id, { title: 'Parenting Together' });
    const session = sessionRow(core, parenting, { startsAt: now + DAY, endsAt: now + DAY + 3600_000 });
    const appt = appointmentRow(core, w.alice, { kind: 'Case plan review', startsAt: now + 2 * DAY });
    await insert(
      core,
      core.store.classes.insertSeries(parenting),
      core.store.classes.insertSession(session),
      core.store.classes.insertEnrollment(enrollmentRow(core, parenting, w.alice)),
      core.store.appointments.insert(appt),
      core.store.appointments.insert(appointmentRow(core, w.bob, { kind: 'Bob’s hearing', startsAt: now + DAY })),
      core.store.documents.insertRequest(documentRequestRow(core, w.alice, { kind: 'Signed lease', dueAt: now + 5 * DAY })),
      core.store.documents.insertRequest(
        documentRequestRow(core, w.alice, { kind: 'Photo ID', status: 'rejected', rejectionReason: 'Too blurry', dueAt: now - DAY }),
      ),
      core.store.documents.insertRequest(documentRequestRow(core, w.alice, { kind: 'Old letter', status: 'accepted' })),
    );
    await sendStaffReply(core, w.asStaff, { clientId: w.alice.id, text: 'See you soon', idempotencyKey: 'r1' });
    const b = await signedIn(app, core, w.alice);
    const html = await (await b.get('/')).text();
    expect(html).toContain('Case plan review');
    expect(html).toContain(`href="/appointments/${appt.id}"`);
    expect(html).not.toContain('Bob’s hearing');
    expect(html).toContain('Parenting Together');
    expect(html).toContain('href="/classes"');
    expect(html).toContain('Signed lease');
    expect(html).toContain('Please send it again: Too blurry');
    expect(html).toContain('Overdue');
    expect(html).not.toContain('Old letter');
    expect(html).toContain('href="/documents"');
    expect(html).toContain('New messages from your caseworker: 1');
    expect(html).toContain('href="/messages"');
  });

  it('renders in the client’s language, right to left in Arabic', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { language: 'ar' }));
    const b = await signedIn(app, core, w.alice);
    const html = await (await b.get('/')).text();
    expect(html).toContain('lang="ar" dir="rtl"');
  });
});
