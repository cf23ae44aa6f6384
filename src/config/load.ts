import { configSchema, type Config } from './schema.ts';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Casebridge cannot start, the configuration has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once. A bad value stops start-up with the variable's name and the fault. */
export const loadConfig = (env: Record<string, string | undefined>): Config => {
  // An empty variable counts as unset, as in most shells' .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    );
  }
  const c = parsed.data;
  // Slack cards carry "View file" links signed with LINK_SECRET: one made up at start would end
  // every link at the next restart, and two instances would not accept each other's.
  const slackProblems = [
    ...(c.SLACK_BOT_TOKEN && !c.LINK_SECRET ? ['LINK_SECRET: required when Slack is set up (SLACK_BOT_TOKEN); 32 or more random characters'] : []),
    // Without it every staff notice — a crisis alert among them — would have nowhere to go.
    ...(c.SLACK_BOT_TOKEN && !c.SLACK_CHANNEL ? ['SLACK_CHANNEL: required when Slack is set up (SLACK_BOT_TOKEN); the id of the channel where client threads open (C…)'] : []),
  ];
  if (slackProblems.length > 0) throw new ConfigError(slackProblems);
  // Without an explicit PUBLIC_URL, the local address follows the port.
  if (!cleaned.PUBLIC_URL) c.PUBLIC_URL = `http://localhost:${c.PORT}`;
  return {
    ...c,
    channels: {
      telegram: Boolean(c.TELEGRAM_BOT_TOKEN),
      sms: Boolean(c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN && c.TWILIO_FROM),
      slack: Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)),
    },
  };
};
