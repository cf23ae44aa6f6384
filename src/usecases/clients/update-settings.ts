import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { CLIENT_CHANNEL_KINDS, LOCALES, type Client } from '../../domain/types.ts';
import { loadClient } from '../shared/access.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { MINUTES_PER_DAY } from './contact-window.ts';
import { preferredOptions, settingsView, type ClientSettings } from './settings-view.ts';

/** Words the text-message doors already give a meaning to: a pause word must not be one of them. */
const RESERVED_WORDS = new Set(
  ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'START', 'UNSTOP', 'HELP', 'INFO', 'MENU', 'YES', 'NO'],
);

const minute = z
  .number({ error: 'window_time_invalid' })
  .int({ error: 'window_time_invalid' })
  .min(0, { error: 'window_time_invalid' })
  .max(MINUTES_PER_DAY - 1, { error: 'window_time_invalid' })
  .nullable()
  .optional();

// Each field's error message is the code the door shows next to that field.
const inputSchema = z.object({
  clientId: z.string({ error: 'invalid' }).min(1, { error: 'invalid' }),
  language: z.enum(LOCALES, { error: 'language_unknown' }).optional(),
  preferredChannel: z.enum(CLIENT_CHANNEL_KINDS, { error: 'channel_unavailable' }).nullable().optional(),
  contactWindowStart: minute,
  contactWindowEnd: minute,
  neutralWording: z.boolean({ error: 'invalid' }).optional(),
  /** a word the client can text to pause messages: 2–20 letters, no spaces; null clears it */
  pauseWord: z
    .string({ error: 'pause_word_invalid' })
    .trim()
    .normalize()
    .regex(/^[\p{L}\p{M}]{2,20}$/u, { error: 'pause_word_invalid' })
    .refine((w) => !RESERVED_WORDS.has(w.toUpperCase()), { error: 'pause_word_reserved' })
    .nullable()
    .optional(),
});

type Input = z.output<typeof inputSchema>;
/** `invalid` carries `detail`: each wrong field with the code of what is wrong with it. */
export type UpdateSettingsRefusal = 'invalid' | 'not_found';

/** Both ends of the window or neither, and never an empty window (start equal to end). */
const windowErrors = (input: Input, errors: Record<string, string>) => {
  const { contactWindowStart: start, contactWindowEnd: end } = input;
  if (start === undefined && end === undefined) return;
  if ((start ?? null) === null && (end ?? null) !== null) errors.contactWindowStart ??= 'window_incomplete';
  else if ((end ?? null) === null && (start ?? null) !== null) errors.contactWindowEnd ??= 'window_incomplete';
  else if (start !== null && start === end) errors.contactWindowEnd ??= 'window_empty';
};

/**
 * Changes the fields given (the others stay as they are): language, preferred channel (one the
 * client has), contact window (minutes of the local day, both or neither, may cross midnight),
 * neutral wording, pause word. Every wrong field is reported at once, and nothing is changed.
 */
export const updateSettings = async (
  deps: CoreDeps,
  actor: Actor,
  raw: z.input<typeof inputSchema>,
): Promise<Result<ClientSettings, UpdateSettingsRefusal | 'conflict' | 'duplicate'>> => {
  const parsed = inputSchema.safeParse(raw);
  const errors: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = String(issue.path[0] ?? '');
    if (field === 'clientId' || field === '') return fail('invalid');
    errors[field] ??= issue.message;
  }
  // With a wrong field, the others are still checked as given, so every error shows at once.
  const input: Input = parsed.success ? parsed.data : (raw as Input);
  windowErrors(input, errors);
  const client = await loadClient(deps, actor, input.clientId);
  if (!client) return fail('not_found');
  const channels = await deps.store.channels.listForClient(actor, client.id);
  if (input.preferredChannel && !preferredOptions(channels).includes(input.preferredChannel)) {
    errors.preferredChannel ??= 'channel_unavailable';
  }
  if (Object.keys(errors).length > 0) return fail('invalid', errors);

  const patch: Partial<Client> = {};
  if (input.language !== undefined) patch.language = input.language;
  if (input.preferredChannel !== undefined) patch.preferredChannel = input.preferredChannel;
  if (input.contactWindowStart !== undefined || input.contactWindowEnd !== undefined) {
    patch.contactWindowStart = input.contactWindowStart ?? null;
    patch.contactWindowEnd = input.contactWindowEnd ?? null;
  }
  if (input.neutralWording !== undefined) patch.neutralWording = input.neutralWording;
  if (input.pauseWord !== undefined) patch.pauseWord = input.pauseWord;
  return commitWrites(
    deps,
    [
      Object.keys(patch).length > 0 ? deps.store.clients.update(actor, client.id, patch) : null,
      auditWrite(deps, actor, 'settings.update', { type: 'client', id: client.id }, client.id),
    ],
    settingsView({ ...client, ...patch }, channels),
  );
};
