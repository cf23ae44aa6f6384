// A fake of Slack's Socket Mode on 127.0.0.1: `apps.connections.open` (app token) hands out a
// ws:// URL; the WebSocket says hello, then the test pushes envelopes (events_api, interactive,
// slash_commands) and reads the acknowledgements the app sends back, as Slack would. `auth.test`
// (bot token) answers too, since Bolt checks its token on start.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeSocketMode {
  apiUrl: string;
  appToken: string;
  botToken: string;
  /** acknowledgements received: envelope id → the payload sent with it (if any) */
  acks: Map<string, unknown>;
  /** resolves once the app's WebSocket is connected */
  connected(): Promise<void>;
  /** sends an envelope; resolves with its acknowledgement's payload once the app acknowledged */
  push(type: 'events_api' | 'interactive' | 'slash_commands', payload: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export const startFakeSocketMode = async (): Promise<FakeSocketMode> => {
  const appToken = 'xapp-1-fake-casebridge-app-token';
  const botToken = 'xoxb-fake-casebridge-bot-token';
  const acks = new Map<string, unknown>();
  const waiting = new Map<string, (payload: unknown) => void>();
  let socket: WebSocket | null = null;
  let onConnect: (() => void) | null = null;
  let envelope = 0;

  const json = (res: ServerResponse, body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const auth = req.headers.authorization ?? '';
    req.resume();
    if (req.url?.startsWith('/api/apps.connections.open')) {
      if (auth !== `Bearer ${appToken}`) return json(res, { ok: false, error: 'invalid_auth' });
      const { port } = server.address() as AddressInfo;
      return json(res, { ok: true, url: `ws://127.0.0.1:${port}/link?ticket=fake` });
    }
    if (req.url?.startsWith('/api/auth.test')) {
      if (auth !== `Bearer ${botToken}`) return json(res, { ok: false, error: 'invalid_auth' });
      return json(res, { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'casebridge', team_id: 'T0CASEBRG', user_id: 'U0CASEBOT', bot_id: 'B0CASEBOT' });
    }
    json(res, { ok: false, error: 'unknown_method' });
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    socket = ws;
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0CASEBRG' } }));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (!msg.envelope_id) return;
      acks.set(msg.envelope_id, msg.payload);
      waiting.get(msg.envelope_id)?.(msg.payload);
    });
    onConnect?.();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    appToken,
    botToken,
    acks,
    connected: () => (socket ? Promise.resolve() : new Promise<void>((ok) => (onConnect = ok))),
    push(type, payload) {
      const id = `env-${++envelope}`;
      const acked = new Promise<unknown>((ok) => waiting.set(id, ok));
      socket!.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
      return acked;
    },
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((ok) => wss.close(() => ok()));
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
};
