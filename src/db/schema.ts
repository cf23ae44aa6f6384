// The one schema, shared by libsql on Node and D1 on Workers, one file per part of the domain.
// Times are UTC epoch milliseconds. Every row that belongs to an agency carries agency_id.
export * from './schema/agency.ts';
export * from './schema/clients.ts';
export * from './schema/appointments.ts';
export * from './schema/classes.ts';
export * from './schema/documents.ts';
export * from './schema/messaging.ts';
export * from './schema/delivery.ts';
export * from './schema/auth.ts';
export * from './schema/inbox.ts';
export * from './schema/sms.ts';
export * from './schema/safety.ts';
