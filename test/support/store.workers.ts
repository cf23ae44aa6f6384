// The test store inside workerd: the D1 binding, migrated once, emptied for each test store.
import { env } from 'cloudflare:workers';
import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { d1Store } from '../../src/db/d1.ts';
import type { Store } from '../../src/ports/store.ts';

export const runtime = 'workers' as const;

interface TestEnv {
  DB: D1Database;
  TEST_MIGRATIONS: D1Migration[];
}

let migrated: Promise<void> | null = null;

const TABLES = [
  'crisis_alerts',
  'reminders',
  'sms_opt_outs',
  'inbox',
  'conversation_states',
  'channel_deliveries',
  'telegram_links',
  'portal_sessions',
  'signin_codes',
  'rate_limits',
  'invitations',
  'dev_messages',
  'audit_log',
  'inbound_events',
  'outbox',
  'messages',
  'conversations',
  'documents',
  'document_requests',
  'attendance',
  'enrollments',
  'class_sessions',
  'classes',
  'appointments',
  'availability',
  'providers',
  'client_channels',
  'clients',
  'staff',
  'agencies',
];

export const openTestStore = async (): Promise<Store> => {
  const e = env as unknown as TestEnv;
  migrated ??= applyD1Migrations(e.DB, e.TEST_MIGRATIONS);
  await migrated;
  await e.DB.batch(TABLES.map((t) => e.DB.prepare(`DELETE FROM ${t}`)));
  return d1Store(e.DB as never);
};
