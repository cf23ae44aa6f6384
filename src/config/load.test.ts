import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.ts';

describe('loadConfig', () => {
  it('runs with no environment at all: the local demo defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8787);
    expect(c.PUBLIC_URL).toBe('http://localhost:8787');
    expect(c.DATABASE_URL).toBe('file:./data/casebridge.db');
    expect(c.BLOB_DIR).toBe('./data/blobs');
    expect(c.DEMO).toBe(true);
    expect(c.channels).toEqual({ telegram: false, sms: false, slack: false });
  });

  it('names the variable and the fault when a value is bad', () => {
    try {
      loadConfig({ PORT: 'eighty', DEMO: 'maybe', PUBLIC_URL: 'ftp://x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT: must be a number/);
      expect(msg).toMatch(/DEMO: must be one of on\/off/);
      expect(msg).toMatch(/PUBLIC_URL: must start with http/);
    }
  });

  it('asks for LINK_SECRET once Slack is set up, so file links survive a restart', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_CHANNEL: 'C1' };
    expect(() => loadConfig(slack)).toThrow(ConfigError);
    try {
      loadConfig(slack);
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toContain('LINK_SECRET');
    }
    expect(() => loadConfig({ ...slack, LINK_SECRET: 'short' })).toThrow(ConfigError);
    expect(loadConfig({ ...slack, LINK_SECRET: 'x'.repeat(32) }).channels.slack).toBe(true);
  });

  it('asks for SLACK_CHANNEL once Slack is set up, so no staff notice (a crisis alert) is left with nowhere to go', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', LINK_SECRET: 'x'.repeat(32) });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([expect.stringContaining('SLACK_CHANNEL: required when Slack is set up')]);
    }
  });

  it('turns a channel on only when all its settings are present', () => {
    expect(loadConfig({ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't' }).channels.sms).toBe(false);
    expect(loadConfig({ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15550000000' }).channels.sms).toBe(true);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc' }).channels.telegram).toBe(true);
  });

  it('reads the Telegram bot username for Connect Telegram links, and refuses a bad one', () => {
    expect(loadConfig({}).TELEGRAM_BOT_USERNAME).toBeUndefined();
    expect(loadConfig({ TELEGRAM_BOT_USERNAME: 'casebridge_bot' }).TELEGRAM_BOT_USERNAME).toBe('casebridge_bot');
    for (const bad of ['@casebridge_bot', 'bot', 'x'.repeat(33), 'case-bridge']) {
      expect(() => loadConfig({ TELEGRAM_BOT_USERNAME: bad })).toThrow(/TELEGRAM_BOT_USERNAME: must be the bot's username/);
    }
  });

  it('reads how the Telegram bot gets its updates: a webhook by default, or polling', () => {
    expect(loadConfig({}).TELEGRAM_MODE).toBe('webhook');
    expect(loadConfig({ TELEGRAM_MODE: 'polling' }).TELEGRAM_MODE).toBe('polling');
    expect(() => loadConfig({ TELEGRAM_MODE: 'push' })).toThrow(/TELEGRAM_MODE: must be webhook or polling/);
  });

  it('lets the default public address follow the port', () => {
    expect(loadConfig({ PORT: '9000' }).PUBLIC_URL).toBe('http://localhost:9000');
    expect(loadConfig({ PORT: '9000', PUBLIC_URL: 'https://cb.example.org' }).PUBLIC_URL).toBe('https://cb.example.org');
  });

  it('treats empty variables as unset and reads DEMO=off', () => {
    const c = loadConfig({ PORT: '', DEMO: 'off' });
    expect(c.PORT).toBe(8787);
    expect(c.DEMO).toBe(false);
  });
});
