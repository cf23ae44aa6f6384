// The columns of a clients file and the zod schema of one row.
import { z } from 'zod';
import { CLIENT_CHANNEL_KINDS } from '../../domain/types.ts';
import { cell, email, language, oneOf, phone, requiredCell, text, timeZone, yesNo } from './cells.ts';

export const CLIENT_COLUMNS = [
  'case_number',
  'display_name',
  'phone',
  'language',
  'time_zone',
  'caseworker_email',
  'preferred_channel',
  'neutral_wording',
  'sensitive',
] as const;

export const CLIENT_REQUIRED_COLUMNS = ['case_number', 'display_name'] as const;

export const clientRowSchema = z.object({
  case_number: requiredCell(text(64)),
  display_name: requiredCell(text(120)),
  phone: cell(phone),
  language: cell(language),
  time_zone: cell(timeZone),
  caseworker_email: cell(email),
  preferred_channel: cell(oneOf(CLIENT_CHANNEL_KINDS, 'bad_channel')),
  neutral_wording: cell(yesNo),
  sensitive: cell(yesNo),
});

export type ClientRowData = z.output<typeof clientRowSchema>;
