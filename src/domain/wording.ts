import type { Client } from './types.ts';

/**
 * Whether what we show or send about a record must be worded neutrally (no agency, no subject, no
 * program): the client asked for it, the client's record is sensitive, or this record is. One
 * rule for every door: notices, calendar files, chat messages.
 */
export const mustBeNeutral = (client: Pick<Client, 'neutralWording' | 'sensitive'>, recordSensitive = false): boolean =>
  client.neutralWording || client.sensitive || recordSensitive;
