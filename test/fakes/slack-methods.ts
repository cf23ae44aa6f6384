// The methods of the fake Slack Web API (test/fakes/slack-api.ts): what Slack checks, the errors it
// answers with, the shape of its answers, and the state a test reads back (messages, ephemerals,
// reactions, views). Pure bookkeeping over plain arrays; the HTTP side lives in slack-api.ts.

export interface FakeSlackCall {
  method: string;
  /** the params as Slack read them (form values JSON-decoded where Slack decodes them) */
  params: Record<string, unknown>;
  /** the Content-Type header as sent, or null */
  contentType: string | null;
  /** the HTTP status answered; null while held by a `hang` */
  status: number | null;
  /** the `error` answered, or null when ok */
  error: string | null;
}

export interface FakeSlackMessage {
  ts: string;
  channel: string;
  thread_ts: string | undefined;
  text: string;
  blocks: unknown;
  /** the bot's user id for messages posted through the API; a person's for `userMessage` */
  user: string;
  /** how many times chat.update changed it */
  edits: number;
}

export interface FakeSlackEphemeral {
  message_ts: string;
  channel: string;
  user: string;
  text: string;
  thread_ts: string | undefined;
  blocks: unknown;
}

export interface FakeSlackReaction {
  channel: string;
  timestamp: string;
  name: string;
}

export interface FakeSlackView {
  id: string;
  kind: 'open' | 'publish';
  /** views.open: the trigger exchanged */
  trigger_id?: string;
  /** views.publish: whose App Home */
  user_id?: string;
  view: Record<string, unknown>;
  hash: string;
}

export interface FakeSlackUser {
  id: string;
  name?: string;
  real_name?: string;
  display_name?: string;
  email?: string;
  tz?: string;
  is_bot?: boolean;
  deleted?: boolean;
}

export interface FakeSlackState {
  botUserId: string;
  botId: string;
  teamId: string;
  appId: string;
  /** every call to a known method, in order (refusals included) */
  calls: FakeSlackCall[];
  /** channel messages, in the order they were posted, as they are now (updates applied) */
  messages: FakeSlackMessage[];
  ephemerals: FakeSlackEphemeral[];
  reactions: FakeSlackReaction[];
  /** modals opened and App Home views published, in order */
  views: FakeSlackView[];
}

export type Answer = { body: Record<string, unknown> } | { error: string };
type Params = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const slackMethods = (state: FakeSlackState) => {
  let seq = 0;
  /** Message timestamps as Slack writes them, increasing: 1700000000.000100, 1700000000.000200, … */
  const nextTs = () => {
    const micros = ++seq * 100;
    return `${1_700_000_000 + Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  };
  const users = new Map<string, FakeSlackUser>([[state.botUserId, { id: state.botUserId, name: 'casebridge', real_name: 'Casebridge', is_bot: true }]]);
  const usedTriggers = new Set<string>();
  const homes = new Map<string, FakeSlackView>();
  let viewSeq = 0;
  const newView = () => ({ id: `V${String(++viewSeq).padStart(10, '0')}`, hash: `${1_700_000_000 + viewSeq}.${String(viewSeq * 7919).padStart(8, '0')}` });

  /** text or blocks, as chat.* requires; blocks must be a list. */
  const content = (p: Params): { text: string; blocks: unknown } | { error: string } => {
    if (p.blocks !== undefined && !Array.isArray(p.blocks)) return { error: 'invalid_blocks' };
    const text = str(p.text);
    if (!text.trim() && !(Array.isArray(p.blocks) && p.blocks.length > 0)) return { error: 'no_text' };
    if (text.length > 40_000) return { error: 'msg_too_long' };
    return { text, blocks: p.blocks };
  };

  const find = (channel: string, ts: string) => state.messages.find((m) => m.channel === channel && m.ts === ts);

  const viewBody = (v: FakeSlackView) => ({
    ...v.view,
    id: v.id, team_id: state.teamId, app_id: state.appId, bot_id: state.botId, hash: v.hash,
    private_metadata: str(v.view.private_metadata), callback_id: str(v.view.callback_id), external_id: str(v.view.external_id),
    state: { values: {} }, root_view_id: v.id, previous_view_id: null, clear_on_close: false, notify_on_close: false,
  });

  const handlers: Record<string, (p: Params) => Answer> = {
    'auth.test': () => ({
      body: { url: 'https://casebridge-test.slack.com/', team: 'Casebridge Test', user: 'casebridge', team_id: state.teamId, user_id: state.botUserId, bot_id: state.botId, is_enterprise_install: false },
    }),

    'chat.postMessage': (p) => {
      const channel = str(p.channel);
      if (!channel) return { error: 'channel_not_found' };
      const c = content(p);
      if ('error' in c) return c;
      const ts = nextTs();
      const thread_ts = str(p.thread_ts) || undefined;
      state.messages.push({ ts, channel, thread_ts, text: c.text, blocks: c.blocks, user: state.botUserId, edits: 0 });
      const message = { type: 'message', text: c.text, user: state.botUserId, bot_id: state.botId, app_id: state.appId, team: state.teamId, ts, ...(thread_ts ? { thread_ts } : {}), ...(c.blocks ? { blocks: c.blocks } : {}) };
      return { body: { channel, ts, message } };
    },

    'chat.update': (p) => {
      const channel = str(p.channel);
      const ts = str(p.ts);
      if (!channel) return { error: 'channel_not_found' };
      const m = find(channel, ts);
      if (!m) return { error: 'message_not_found' };
      if (m.user !== state.botUserId) return { error: 'cant_update_message' };
      const c = content(p);
      if ('error' in c) return c;
      Object.assign(m, { text: c.text, blocks: c.blocks ?? m.blocks, edits: m.edits + 1 });
      return { body: { channel, ts, text: m.text, message: { type: 'message', text: m.text, user: state.botUserId, bot_id: state.botId, ...(m.blocks ? { blocks: m.blocks } : {}) } } };
    },

    'chat.postEphemeral': (p) => {
      const channel = str(p.channel);
      const user = str(p.user);
      if (!channel) return { error: 'channel_not_found' };
      if (!user) return { error: 'user_not_in_channel' };
      const c = content(p);
      if ('error' in c) return c;
      const message_ts = nextTs();
      state.ephemerals.push({ message_ts, channel, user, text: c.text, thread_ts: str(p.thread_ts) || undefined, blocks: c.blocks });
      return { body: { message_ts } };
    },

    'reactions.add': (p) => {
      const r = { channel: str(p.channel), timestamp: str(p.timestamp), name: str(p.name) };
      if (!r.channel) return { error: 'channel_not_found' };
      if (!find(r.channel, r.timestamp)) return { error: 'message_not_found' };
      if (!/^[a-z0-9_+'-]+$/.test(r.name)) return { error: 'invalid_name' };
      if (state.reactions.some((x) => x.channel === r.channel && x.timestamp === r.timestamp && x.name === r.name)) return { error: 'already_reacted' };
      state.reactions.push(r);
      return { body: {} };
    },

    'views.open': (p) => {
      const trigger_id = str(p.trigger_id);
      if (!trigger_id || !isObject(p.view)) return { error: 'invalid_arguments' };
      if (!/^\d+\.\d+\.[0-9a-f]+$/.test(trigger_id)) return { error: 'invalid_trigger_id' };
      if (usedTriggers.has(trigger_id)) return { error: 'exchanged_trigger_id' };
      if (p.view.type !== 'modal') return { error: 'invalid_arguments' };
      usedTriggers.add(trigger_id);
      const v: FakeSlackView = { ...newView(), kind: 'open', trigger_id, view: p.view };
      state.views.push(v);
      return { body: { view: viewBody(v) } };
    },

    'views.publish': (p) => {
      const user_id = str(p.user_id);
      if (!user_id || !isObject(p.view) || p.view.type !== 'home') return { error: 'invalid_arguments' };
      const previous = homes.get(user_id);
      if (p.hash !== undefined && p.hash !== previous?.hash) return { error: 'hash_conflict' };
      const v: FakeSlackView = { id: previous?.id ?? newView().id, hash: newView().hash, kind: 'publish', user_id, view: p.view };
      homes.set(user_id, v);
      state.views.push(v);
      return { body: { view: viewBody(v) } };
    },

    'users.info': (p) => {
      const u = users.get(str(p.user));
      if (!u) return { error: 'user_not_found' };
      const profile = { real_name: u.real_name ?? '', display_name: u.display_name ?? '', ...(u.email ? { email: u.email } : {}) };
      return {
        body: {
          user: { id: u.id, team_id: state.teamId, name: u.name ?? u.id.toLowerCase(), real_name: u.real_name ?? '', deleted: u.deleted ?? false, tz: u.tz ?? 'America/New_York', is_bot: u.is_bot ?? false, is_app_user: false, profile },
        },
      };
    },
  };

  return {
    handlers,
    addUser(user: FakeSlackUser) {
      users.set(user.id, user);
    },
    userMessage(m: { channel: string; user: string; text: string; thread_ts?: string }) {
      const ts = nextTs();
      state.messages.push({ ts, channel: m.channel, thread_ts: m.thread_ts, text: m.text, blocks: undefined, user: m.user, edits: 0 });
      return { ts, channel: m.channel };
    },
  };
};
