// Column helpers shared by every table of the schema.
import { integer, text } from 'drizzle-orm/sqlite-core';
import { agencies } from './agency.ts';

export const id = () => text('id').primaryKey();
export const agencyId = () => text('agency_id').notNull().references(() => agencies.id);
export const createdAt = () => integer('created_at').notNull();
