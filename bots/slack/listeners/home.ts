// `app_home_opened`: the caseworker opens the app's Home tab and gets their caseload, read afresh
// each time. A Slack user who is not on the staff gets a Home that says so, and nothing else.
import { staffCaseload } from '../../../src/usecases/staff/caseload.ts';
import { staffForSlackUser } from '../../../src/usecases/slack/thread.ts';
import { context, header } from '../views/blocks.ts';
import { homeView } from '../views/home.ts';
import { STAFF_LOCALE, texts } from '../views/text.ts';
import type { HomeView } from '../views/types.ts';
import type { SlackEnv } from './env.ts';
import { str } from './env.ts';

export const unmappedHome = (env: SlackEnv): HomeView => {
  const tx = texts(env.core.t, STAFF_LOCALE);
  return { type: 'home', blocks: [header(tx.plain('home.unmapped_title')), context(tx.md('home.unmapped'))] };
};

export const onHomeOpened = async (env: SlackEnv, event: Record<string, unknown>): Promise<void> => {
  const user = str(event.user);
  // The event also fires for the app's Messages tab, where there is nothing to publish.
  if (!user || (event.tab !== undefined && event.tab !== 'home')) return;
  const actor = await staffForSlackUser(env.core, env.agencyId, user);
  const caseload = actor ? await staffCaseload(env.core, actor, { now: env.core.clock.now(), locale: STAFF_LOCALE }) : null;
  const view = caseload?.ok ? homeView(env.core.t, caseload.value) : unmappedHome(env);
  const published = await env.api.viewsPublish({ user_id: user, view });
  // Slack was unavailable: the inbox tries the event again later.
  if (!published.ok && published.retryable) throw new Error(`slack views.publish: ${published.error}`);
};
