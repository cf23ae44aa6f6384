// Crisis phrases in a client's message: self-harm or suicide, being hurt or threatened, a child in
// danger. Every message is checked against the phrases of every language (a client may write in
// English though their language is Spanish, or mix both), in the forms normalize.ts gives it.
// A false alarm costs a caseworker a minute; a miss can cost a life: when in doubt the phrases
// match, but everyday idioms ("this traffic is killing me", "my phone died") do not.
import { normalizedForms, normalizeKeepingAccents } from './normalize.ts';
import { PHRASES } from './phrases/index.ts';
import type { PhraseSet } from './phrases/types.ts';

export type CrisisCategory = 'self_harm' | 'violence' | 'child_danger';
export interface CrisisMatch { category: CrisisCategory }

/** When several categories match, the first of these wins. */
export const CRISIS_PRIORITY: readonly CrisisCategory[] = ['self_harm', 'child_danger', 'violence'];

/**
 * A pattern as it meets the text. The normalized text is words of letters and digits between
 * single spaces, so a word edge is a space or an end of the text.
 */
export const wrapPattern = (set: Pick<PhraseSet, 'boundary'>, source: string): string =>
  set.boundary === 'words' ? `(?:^| )(?:${source})(?= |$)` : source;

/**
 * One expression per pattern, built once at module load (V8 compiles each on its first use). Many
 * small expressions compile several times faster than one alternation of them all.
 */
const compile = (pick: (set: PhraseSet) => readonly string[] | undefined): readonly RegExp[] =>
  Object.values(PHRASES).flatMap((set) => (pick(set) ?? []).map((source) => new RegExp(wrapPattern(set, source), 'u')));

const COMPILED = CRISIS_PRIORITY.map((category) => ({
  category,
  plain: compile((set) => set.phrases[category]),
  accented: compile((set) => set.accented?.[category]),
}));

/** Null when the text holds no crisis phrase in any supported language. */
export const detectCrisis = (text: string): CrisisMatch | null => {
  const forms = normalizedForms(text);
  const accented = normalizeKeepingAccents(text);
  for (const { category, plain, accented: withAccents } of COMPILED) {
    if (plain.some((re) => forms.some((form) => re.test(form)))) return { category };
    if (withAccents.some((re) => re.test(accented))) return { category };
  }
  return null;
};
