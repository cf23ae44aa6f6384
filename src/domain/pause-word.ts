// A client's pause word: one word they text us (SMS, Telegram) to stop every message but crisis
// help, for example when someone else may see their phone. It counts only as the whole message,
// so a sentence that happens to contain the word pauses nothing.
import type { Client } from './types.ts';

/** Punctuation and spaces a phone adds or a person types after a word: "Mango!", "mango. ", "MANGO‼". */
const TRAILING = /[\p{P}\p{Z}\s]+$/u;

/** The form two words are compared in: compatibility-normalised (full-width letters, ligatures), lower case, trimmed. */
const folded = (s: string): string => s.normalize('NFKC').trim().replace(TRAILING, '').toLowerCase();

/**
 * Whether the whole message is the client's pause word: compared trimmed, NFKC-normalised and
 * case-insensitively, with punctuation after it ignored. A client without a pause word has none.
 */
export const isPauseWord = (client: Pick<Client, 'pauseWord'>, body: string): boolean => {
  const word = client.pauseWord ? folded(client.pauseWord) : '';
  return word.length > 0 && folded(body) === word;
};
