// A small Slack Web API client: `POST https://slack.com/api/<method>` with the bot token as a
// Bearer header, answered `{ ok: true, ... }` or `{ ok: false, error: "<code>" }` (mostly HTTP
// 200; HTTP 429 with Retry-After seconds when rate limited). fetch and AbortSignal only, so it runs
// on Node and in workerd. Expected failures are values; the token never appears in one.
import { z } from 'zod';

export interface SlackWebApiDeps {
  /** the bot token (xoxb-…) */
  token: string;
  /** e.g. https://slack.com/api/ (with the trailing slash); tests point it at a fake on 127.0.0.1 */
  apiUrl: string;
  fetch?: typeof fetch;
  /** how long one call may take before it counts as a (retryable) time-out */
  timeoutMs?: number;
}

export type SlackCallResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** worth trying again later: a 429, a 5xx, a time-out, or one of Slack's transient codes */
      retryable: boolean;
      /** Slack's Retry-After, when it gave one */
      retryAfterMs?: number;
      /** Slack's own code (`invalid_auth`, `not_in_channel`, `ratelimited`, …) or one of ours (`slack_*`) */
      error: string;
    };

type Fail = Extract<SlackCallResult<never>, { ok: false }>;
type Params = Record<string, unknown>;

/** Slack's codes that a later attempt may not get (https://api.slack.com/web#errors). */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);

/** Older read methods parse form fields only: a JSON body is ignored, as though nothing was sent. */
export const FORM_ONLY_METHODS: ReadonlySet<string> = new Set(['users.info', 'users.list', 'conversations.info', 'conversations.history', 'conversations.replies']);

const formBody = (params: Params) => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  return form;
};

/** Retry-After in seconds (what Slack sends); an HTTP date is honoured too. */
const retryAfterOf = (header: string | null): number | undefined => {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
};

const isTimeout = (e: unknown) => e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const withTs = z.object({ channel: z.string().min(1), ts: z.string().min(1) });
const ephemeralSent = z.object({ message_ts: z.string().min(1) });
const viewAnswer = z.object({ view: z.object({ id: z.string().min(1), hash: z.string().optional() }) });
const userAnswer = z.object({
  user: z.object({
    id: z.string().min(1),
    name: z.string().optional(),
    real_name: z.string().optional(),
    tz: z.string().optional(),
    is_bot: z.boolean().optional(),
    deleted: z.boolean().optional(),
    profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional(), email: z.string().optional() }).optional(),
  }),
});
const authAnswer = z.object({
  user_id: z.string().min(1),
  team_id: z.string().min(1),
  bot_id: z.string().optional(),
  user: z.string().optional(),
  team: z.string().optional(),
  url: z.string().optional(),
});

export type SlackUser = z.infer<typeof userAnswer>['user'];
export type SlackIdentity = z.infer<typeof authAnswer>;
/** A view as Slack stored it: its id, and the hash that guards a later views.update. */
export type SlackViewRef = z.infer<typeof viewAnswer>['view'];
/**
 * A Block Kit block, and a view: built by the caller and passed through as they are. Only their
 * `type` is required, so the views' own typed interfaces and plain object literals both fit.
 */
export interface SlackBlock {
  type: string;
}
export interface SlackView {
  type: 'modal' | 'home';
}

export interface SlackWebApi {
  /** Any method, its params posted as JSON (as a form for FORM_ONLY_METHODS, or when asked). */
  call<T = Record<string, unknown>>(method: string, params?: Params, opts?: { encoding?: 'json' | 'form' }): Promise<SlackCallResult<T>>;
  /** Link unfurling is off: a short-lived link in a card must not be fetched by Slack. */
  postMessage<B extends SlackBlock>(p: { channel: string; text: string; blocks?: readonly B[]; thread_ts?: string }): Promise<SlackCallResult<{ ts: string; channel: string }>>;
  update<B extends SlackBlock>(p: { channel: string; ts: string; text: string; blocks?: readonly B[] }): Promise<SlackCallResult<{ ts: string; channel: string }>>;
  postEphemeral<B extends SlackBlock>(p: { channel: string; user: string; text: string; thread_ts?: string; blocks?: readonly B[] }): Promise<SlackCallResult<{ message_ts: string }>>;
  /** `name` without colons; a reaction that is already there counts as added. */
  reactionsAdd(p: { channel: string; timestamp: string; name: string }): Promise<SlackCallResult<void>>;
  viewsOpen<V extends SlackView & { type: 'modal' }>(p: { trigger_id: string; view: V }): Promise<SlackCallResult<SlackViewRef>>;
  viewsPublish<V extends SlackView & { type: 'home' }>(p: { user_id: string; view: V; hash?: string }): Promise<SlackCallResult<SlackViewRef>>;
  usersInfo(p: { user: string }): Promise<SlackCallResult<SlackUser>>;
  authTest(): Promise<SlackCallResult<SlackIdentity>>;
}

export const slackWebApi = (deps: SlackWebApiDeps): SlackWebApi => {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const apiUrl = deps.apiUrl.endsWith('/') ? deps.apiUrl : `${deps.apiUrl}/`;
  // Belt and braces: nothing we return may carry the token, whatever an answer echoes back.
  const clean = (s: string) => (deps.token ? s.split(deps.token).join('***') : s).slice(0, 120);
  const failure = (retryable: boolean, error: string, retryAfterMs?: number): Fail =>
    retryAfterMs === undefined ? { ok: false, retryable, error: clean(error) } : { ok: false, retryable, retryAfterMs, error: clean(error) };

  const call = async <T>(method: string, params: Params = {}, opts: { encoding?: 'json' | 'form' } = {}): Promise<SlackCallResult<T>> => {
    const form = opts.encoding ? opts.encoding === 'form' : FORM_ONLY_METHODS.has(method);
    let res: Response;
    let answer: unknown = null;
    try {
      res = await doFetch(`${apiUrl}${method}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${deps.token}`,
          'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json; charset=utf-8',
        },
        body: form ? formBody(params) : JSON.stringify(params),
        signal: AbortSignal.timeout(timeoutMs),
      });
      answer = await res.json().catch(() => null);
    } catch (e) {
      return failure(true, isTimeout(e) ? 'slack_timeout' : 'slack_network_error');
    }
    const body = isRecord(answer) ? answer : null;
    const code = body && body.ok === false && typeof body.error === 'string' && body.error ? body.error : null;
    const retryAfterMs = retryAfterOf(res.headers.get('retry-after'));
    if (res.status === 429) return failure(true, code ?? 'ratelimited', retryAfterMs);
    if (res.status >= 500) return failure(true, code ?? `slack_unavailable_${res.status}`, retryAfterMs);
    if (res.ok && body?.ok === true) return { ok: true, value: body as T };
    if (code) return failure(TRANSIENT.has(code), code, TRANSIENT.has(code) ? retryAfterMs : undefined);
    return res.ok ? failure(true, 'slack_bad_response') : failure(false, `slack_rejected_${res.status}`);
  };

  /** Calls a method and keeps the fields the app relies on; Slack saying ok without them is not retried. */
  const typed = async <S extends z.ZodType, V>(method: string, params: Params, schema: S, pick: (v: z.infer<S>) => V): Promise<SlackCallResult<V>> => {
    const r = await call<unknown>(method, params);
    if (!r.ok) return r;
    const parsed = schema.safeParse(r.value);
    return parsed.success ? { ok: true, value: pick(parsed.data) } : failure(false, 'slack_unexpected_response');
  };

  return {
    call,
    postMessage: (p) => typed('chat.postMessage', { ...p, unfurl_links: false, unfurl_media: false }, withTs, (v) => ({ ts: v.ts, channel: v.channel })),
    update: (p) => typed('chat.update', p, withTs, (v) => ({ ts: v.ts, channel: v.channel })),
    postEphemeral: (p) => typed('chat.postEphemeral', p, ephemeralSent, (v) => ({ message_ts: v.message_ts })),
    async reactionsAdd(p) {
      const r = await call('reactions.add', p);
      if (r.ok || r.error === 'already_reacted') return { ok: true, value: undefined };
      return r;
    },
    viewsOpen: (p) => typed('views.open', p, viewAnswer, (v) => v.view),
    viewsPublish: (p) => typed('views.publish', p, viewAnswer, (v) => v.view),
    usersInfo: (p) => typed('users.info', p, userAnswer, (v) => v.user),
    authTest: () => typed('auth.test', {}, authAnswer, (v) => v),
  };
};
