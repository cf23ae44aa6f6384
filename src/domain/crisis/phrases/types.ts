import type { CrisisCategory } from '../detect.ts';

/**
 * One language's crisis phrases: regular-expression sources over the normalized text (see
 * ../normalize.ts: lower case, no Latin accents, single spaces, SMS spellings spelled out).
 *
 * - `words`: each pattern must start and end on a word edge (nothing alphanumeric next to it);
 *   `substring`: it may sit inside a run of letters (Chinese and Korean write no spaces between
 *   words; Arabic glues its conjunctions, prepositions and pronouns to the word).
 * - `accented`: the few patterns that need the accents kept (Vietnamese "tự tử", suicide, and
 *   "từ từ", slowly, are both "tu tu" without tones); checked against normalizeKeepingAccents.
 *
 * Patterns hold no nested quantifier: a quantified group holds no `+`, `*` or `{n,}`, and a group
 * under `+`, `*` or `{n,}` holds no quantifier at all (a test checks), so no text can make them
 * backtrack for long. Gaps between words are bounded lists of small words, `(?: (?:is|was|…)){0,5}`.
 */
export interface PhraseSet {
  boundary: 'words' | 'substring';
  phrases: Readonly<Record<CrisisCategory, readonly string[]>>;
  accented?: Readonly<Partial<Record<CrisisCategory, readonly string[]>>>;
}

/** `(?:a|b|c)` */
export const anyOf = (...alternatives: readonly string[]): string => `(?:${alternatives.join('|')})`;
