// Socket Mode, for an agency without a public URL (SLACK_APP_TOKEN): Bolt opens the WebSocket to
// Slack and acknowledges each envelope; what arrives is kept in the same inbox as the HTTP
// endpoint's requests, so the same listeners handle both and a redelivered envelope does
// nothing twice. Node only (Bolt does not run in workerd).
import { App, LogLevel } from '@slack/bolt';
import { actionToKeep, commandToKeep, eventToKeep, keepInInbox, type SlackEventsDeps } from './events.ts';
import { obj } from './fields.ts';

export interface SocketModeDeps {
  core: SlackEventsDeps['core'];
  agencyId: () => Promise<string | null>;
  botToken: string;
  appToken: string;
  apiUrl: string;
  /** a blank reason keeps the modal open (as over HTTP) */
  validateSubmission?: SlackEventsDeps['validateSubmission'];
  onError: (e: unknown) => void;
}


export const startSocketMode = async (deps: SocketModeDeps): Promise<{ stop(): Promise<void> }> => {
  const app = new App({
    token: deps.botToken,
    appToken: deps.appToken,
    socketMode: true,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: deps.apiUrl },
  });
  app.use(async ({ body, ack }) => {
    const payload = obj(body);
    const errors = payload.type === 'view_submission' ? (deps.validateSubmission?.(payload) ?? null) : null;
    let stored = true;
    try {
      const kept =
        payload.type === 'event_callback'
          ? eventToKeep(payload, JSON.stringify(payload))
          : typeof payload.command === 'string'
            ? commandToKeep(Object.fromEntries(Object.entries(payload).filter((e): e is [string, string] => typeof e[1] === 'string')))
            : errors
              ? null
              : actionToKeep(payload);
      const agencyId = kept ? await deps.agencyId() : null;
      if (kept && agencyId) await keepInInbox(deps.core, agencyId, kept);
    } catch (e) {
      stored = false;
      deps.onError(e);
    }
    // Acknowledged only once kept: unacknowledged, Slack delivers it again (or tells the
    // caseworker the press failed) instead of it being lost. Bolt acknowledges events itself.
    if (ack && stored) await (errors ? ack(errors as never) : ack());
  });
  app.error(async (e) => deps.onError(e));
  await app.start();
  return { stop: () => app.stop().then(() => undefined) };
};
